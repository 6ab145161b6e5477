from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter import selectors, services
from newsletter.mails import DigestRenderer


class Command(BaseCommand):
    help = (
        "Queue a digest of the articles published since the previous one for every active "
        "subscriber, filtered by their topics, then send the mail queue. Safe to rerun: a "
        "digest interrupted by a crash is resumed, and nobody gets it twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=settings.NEWSLETTER_BATCH_SIZE,
            help="Subscribers per transaction (default: NEWSLETTER_BATCH_SIZE).",
        )
        parser.add_argument(
            "--queue-only",
            action="store_true",
            help="Only queue the mails; leave sending to `send_queued_mail`.",
        )

    def handle(self, *args, batch_size: int, queue_only: bool, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            digest = services.digest_start()
        except services.DigestInProgress as exc:
            raise CommandError("Another run is starting a digest right now.") from exc
        if digest is None:
            self.stdout.write("No new articles since the previous digest: nothing to queue.")
        else:
            self._queue(digest, batch_size)
        if not queue_only:
            self._send()

    def _queue(self, digest, batch_size: int) -> None:
        content = selectors.digest_content(digest=digest)
        renderer = DigestRenderer(content=content)
        queued = skipped = batches = last_pk = 0
        while True:
            result = services.digest_queue_batch(
                digest=digest, renderer=renderer, size=batch_size, after_pk=last_pk
            )
            if not result.handled:
                break
            batches += 1
            queued += result.queued
            skipped += result.skipped
            last_pk = result.last_pk
            self.stdout.write(
                f"  batch {batches}: {result.queued} queued, {result.skipped} skipped"
            )
        services.digest_finish(digest=digest)
        self.stdout.write(
            f"{digest}: {len(content.articles)} articles; queued {queued} mails, "
            f"skipped {skipped} subscribers with nothing new in their topics."
        )

    def _send(self) -> None:
        result = services.mail_queue_send()
        if result.locked:
            self.stdout.write("Another worker is sending the queue; it will send these mails.")
            return
        self.stdout.write(
            f"Mail queue: {result.sent} sent, {result.requeued} to be retried, "
            f"{result.failed} failed for good."
        )
