"""Benchmark: `send_newsletter` for many active subscribers over real SMTP on loopback.

    .venv/bin/python bench/bench_send_newsletter.py [--subscribers 10000] [--batch-size 500]

Uses a throwaway database: a temporary SQLite file, or with BENCH_DATABASE_URL=postgres://…
a fresh test database on that server (created and dropped here). Mail goes to an SMTP sink
in its own process (bench/smtp_sink.py). Reports the time of the whole command and of its
two phases, the queries per batch and the SMTP connections; writes them to
bench/results/send_newsletter-<database>.txt as well.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

# Run as a script, so bench/ itself is on the path.
from common import (  # noqa: I001
    BENCH_DIR,
    database_url,
    database_version,
    free_port,
    setup_django,
    write_result,
)


@contextmanager
def smtp_sink():
    """Yields (port, stats) where stats is filled in when the sink has stopped."""
    port = free_port()
    stats_file = Path(tempfile.mkstemp(suffix=".json")[1])
    sink = subprocess.Popen(  # noqa: S603
        [sys.executable, str(BENCH_DIR / "smtp_sink.py"), str(port), str(stats_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    stats: dict = {}
    try:
        assert sink.stdout.readline().strip() == "ready", "the SMTP sink did not start"
        yield port, stats
    finally:
        sink.terminate()
        sink.wait(timeout=30)
        if stats_file.stat().st_size:
            stats.update(json.loads(stats_file.read_text()))
        stats_file.unlink()


def configure_django(*, smtp_port: int, batch_size: int, sqlite_file: Path) -> None:
    os.environ["EMAIL_URL"] = f"smtp://127.0.0.1:{smtp_port}"
    os.environ["NEWSLETTER_BATCH_SIZE"] = str(batch_size)
    os.environ["DEBUG"] = "true"
    setup_django(url=database_url(sqlite_file), sqlite_file=sqlite_file)


def make_content(*, subscribers: int) -> None:
    from django.utils import timezone

    from articles.models import Article, ArticleStatus, Category
    from newsletter.models import Subscriber, SubscriberStatus

    roots = [Category.objects.create(name=n, slug=n.lower()) for n in ("News", "Reviews", "Guides")]
    subsections = [
        Category.objects.create(name=f"{root.name} extra", slug="extra", parent=root)
        for root in roots
    ]
    now = timezone.now()
    for number in range(12):
        Article.objects.create(
            title=f"Story {number}: a headline of ordinary length for a tech story",
            slug=f"story-{number}",
            category=(roots + subsections)[number % 6],
            lead="One paragraph that sums the story up, about as long as a real one. " * 2,
            body="<p>Body.</p>",
            status=ArticleStatus.PUBLISHED,
            published_at=now - timezone.timedelta(hours=number + 1),
        )
    rows = Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{number}@example.com",
            status=SubscriberStatus.ACTIVE,
            requested_at=now,
            consent_at=now,
            confirmed_at=now,
        )
        for number in range(subscribers)
    )
    # A realistic spread: a quarter want everything, the rest one or two sections.
    rng = random.Random(5)  # noqa: S311
    Topic = Subscriber.topics.through
    links = [
        Topic(subscriber_id=subscriber.pk, category_id=root.pk)
        for subscriber in rows[subscribers // 4 :]
        for root in rng.sample(roots, rng.choice([1, 2]))
    ]
    Topic.objects.bulk_create(links, batch_size=2000)


class Meter:
    """Counts queries and time per call of the functions that make up one batch."""

    def __init__(self) -> None:
        self.queries = 0
        self.calls: dict[str, list[tuple[int, float]]] = defaultdict(list)

    def count_query(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)

    def wrap(self, owner, name: str, label: str, is_empty=lambda result: False) -> None:
        original = getattr(owner, name)

        def measured(*args, **kwargs):
            queries, started = self.queries, time.perf_counter()
            result = original(*args, **kwargs)
            if not is_empty(result):
                self.calls[label].append((self.queries - queries, time.perf_counter() - started))
            return result

        setattr(owner, name, measured)


def run(*, subscribers: int, batch_size: int) -> str:
    with tempfile.TemporaryDirectory() as folder, smtp_sink() as (port, smtp_stats):
        configure_django(smtp_port=port, batch_size=batch_size, sqlite_file=Path(folder) / "b.db")
        from django.core.management import call_command
        from django.db import connection

        from newsletter import services

        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            started = time.perf_counter()
            make_content(subscribers=subscribers)
            setup_seconds = time.perf_counter() - started

            meter = Meter()
            meter.wrap(services, "digest_queue_batch", "queue", is_empty=lambda r: not r.handled)
            # The queue's batches, as the command calls them.
            meter.wrap(services, "send_queued", "send", is_empty=lambda r: not sum(r))
            out = StringIO()
            with connection.execute_wrapper(meter.count_query):
                started = time.perf_counter()
                call_command("send_newsletter", stdout=out)
                total_seconds = time.perf_counter() - started
            vendor = connection.vendor
            db_version = database_version(connection)
        finally:
            connection.creation.destroy_test_db(test_name, verbosity=0)
    return report(
        subscribers=subscribers,
        batch_size=batch_size,
        vendor=vendor,
        db_version=db_version,
        setup_seconds=setup_seconds,
        total_seconds=total_seconds,
        total_queries=meter.queries,
        calls=meter.calls,
        smtp=smtp_stats,
        command_output=out.getvalue(),
    )


def _spread(values: list[float]) -> str:
    if not values:
        return "-"
    low, high = min(values), max(values)
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def report(**r) -> str:
    queue, send = r["calls"]["queue"], r["calls"]["send"]
    queue_seconds = sum(seconds for _, seconds in queue)
    send_seconds = sum(seconds for _, seconds in send)
    smtp = r["smtp"]
    lines = [
        f"send_newsletter: {r['subscribers']:,} active subscribers, batches of {r['batch_size']}",
        f"database: {r['vendor']} {r['db_version']}; Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs; {time.strftime('%Y-%m-%d')}",
        "",
        f"total time               {r['total_seconds']:.1f} s "
        f"({r['subscribers'] / r['total_seconds']:,.0f} mails/s)",
        f"  queue the digest       {queue_seconds:.1f} s in {len(queue)} batches",
        f"  send over SMTP         {send_seconds:.1f} s in {len(send)} batches",
        f"queries, whole command   {r['total_queries']}",
        f"queries per queue batch  {_spread([q for q, _ in queue])}",
        f"queries per send batch   {_spread([q for q, _ in send])}",
        f"SMTP connections         {smtp.get('connections', '?')} "
        f"for {smtp.get('messages', '?')} messages",
        f"(setting up the data took {r['setup_seconds']:.1f} s and is not counted)",
        "",
        "command output:",
        *("  " + line for line in r["command_output"].splitlines() if "batch" not in line),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    write_result("send_newsletter", run(subscribers=args.subscribers, batch_size=args.batch_size))


if __name__ == "__main__":
    main()
