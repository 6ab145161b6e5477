from django.core.management.base import BaseCommand

from reader.popularity import flush_views


class Command(BaseCommand):
    help = (
        'Write the reads buffered in the cache for "Popular now" to the database. '
        "Run it every minute or so from cron; requests also flush now and then."
    )

    def handle(self, *args, **options):
        moved = flush_views()
        self.stdout.write(f"{moved} reads written.")
