from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter import services


class Command(BaseCommand):
    help = "Delete sign-ups that were never confirmed, N days after the last request."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.NEWSLETTER_PURGE_PENDING_AFTER_DAYS,
            help="Age in days (default: NEWSLETTER_PURGE_PENDING_AFTER_DAYS).",
        )

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        count = services.subscribers_purge_pending(older_than=timedelta(days=days))
        self.stdout.write(f"Deleted {count} unconfirmed sign-ups older than {days} days.")
