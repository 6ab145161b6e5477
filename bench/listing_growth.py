"""How the list pages' rendering time grows with the archive, in one process, per query.

    .venv/bin/python bench/listing_growth.py SMALL_URL LARGE_URL [--requests 50] [--rounds 3]
    .venv/bin/python bench/listing_growth.py --queries URL   # each query of each page, timed

Not part of `make bench` (not a bench_*.py): it measures two databases that are already
seeded (`migrate`, `seed_demo`, `seed_bench --articles N --comments M`), e.g. of 1,000 and
100,000 articles, with the test client in the process (no server, no network, DEBUG off,
bench.settings), so that a page's time is its own. Each round measures the small database
and then the large one, each in a fresh process, `--requests` renderings per page after
one warm-up; the figures are the median over the rounds of each page's p50, and the
growth is the large database's over the small one's. The machine's other load reaches
both sides of a round alike.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SECTION = "/bench-0/"
TAG = "/tag/bench-tag-7/"
PER_PAGE = 20  # reader.views.ARTICLES_PER_PAGE


def pages(full_pages: int) -> list[tuple[str, str]]:
    """The pages the issue names. A deep page the section does not have full (at 1,000
    articles it has 9 pages of 20 and one of 4) is its last full page: a page of fewer
    teasers renders faster, whatever the archive."""
    deep = [(f"category, page {n}", f"{SECTION}?page={min(n, full_pages)}") for n in (10, 50)]
    return [
        ("home", "/?uncached=1"),
        ("category", f"{SECTION}?uncached=1"),
        *deep,
        ("tag", f"{TAG}?uncached=1"),
        ("search", "/search/?q=phones"),
    ]


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "listing-growth-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()


def _full_section_pages() -> int:
    from articles.models import Category
    from reader import selectors

    section = Category.objects.get(slug=SECTION.strip("/"), parent=None)
    return selectors.category_articles(category=section).count() // PER_PAGE


def measure(url: str, requests: int) -> dict[str, dict]:
    """p50 ms and the number of queries of each page."""
    _setup(url)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    found = {}
    for label, path in pages(_full_section_pages()):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        # Counted now: every request's start empties the connection's query log.
        count = len(captured)
        times, cpu = [], []
        for _ in range(requests):
            began, began_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            cpu.append((time.process_time() - began_cpu) * 1000)
            times.append((time.perf_counter() - began) * 1000)
        found[label] = {"p50": statistics.median(times), "cpu": statistics.median(cpu),
                        "queries": count, "path": path}  # fmt: skip
    return found


def queries(url: str) -> None:
    """Each page's queries with their time (the median of five runs), slowest first."""
    _setup(url)
    from django.db import connection
    from django.test import Client

    client = Client()
    for label, path in pages(_full_section_pages()):
        client.get(path)
        runs: list[list[tuple[str, float]]] = []
        for _ in range(5):
            run: list[tuple[str, float]] = []

            def timed(execute, sql, params, many, context, run=run):
                began = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    run.append((sql, (time.perf_counter() - began) * 1000))

            with connection.execute_wrapper(timed):
                client.get(path)
            runs.append(run)
        print(f"\n== {label} {path}: {len(runs[0])} queries")
        medians = [
            (statistics.median(run[n][1] for run in runs), runs[0][n][0])
            for n in range(len(runs[0]))
        ]
        for ms, sql in sorted(medians, reverse=True):
            print(f"{ms:8.2f} ms  {sql[:300]}")


def compare(small: str, large: str, *, requests: int, rounds: int) -> None:
    results: dict[str, list[dict]] = {small: [], large: []}
    for number in range(rounds):
        # Each first in turn, so that a change in the machine's load evens out.
        for url in (small, large) if number % 2 == 0 else (large, small):
            # A key prefix per database: on a shared cache server (Redis) the two sides
            # would otherwise read each other's cached counts and pages.
            prefix = f"growth-{hashlib.sha256(url.encode()).hexdigest()[:8]}"
            out = subprocess.run(  # noqa: S603 - this script again
                [sys.executable, __file__, "--one", url, "--requests", str(requests)],
                capture_output=True, text=True, check=False, cwd=PROJECT_DIR,
                env={**os.environ, "CACHE_KEY_PREFIX": prefix},
            )  # fmt: skip
            if out.returncode:
                raise SystemExit(f"measuring {url} failed:\n{out.stderr}")
            out = out.stdout
            results[url].append(json.loads(out.splitlines()[-1]))
    print(f"p50 ms (wall clock; CPU time of the process), median of {rounds} rounds of "
          f"{requests} renderings; queries per rendering")  # fmt: skip
    print(f"{'page':<18} {'small':>8} {'large':>8} {'growth':>7}   {'CPU small':>9} "
          f"{'large':>8} {'growth':>7}  queries")  # fmt: skip
    small_runs, large_runs = results[small], results[large]
    for label in large_runs[0]:
        cells = []
        for measure in ("p50", "cpu"):
            a = statistics.median(run[label][measure] for run in small_runs)
            b = statistics.median(run[label][measure] for run in large_runs)
            cells.append(f"{a:8.2f} {b:8.2f} {b / a:6.2f}×")
        counts = f"{small_runs[0][label]['queries']} / {large_runs[0][label]['queries']}"
        paths = f"{small_runs[0][label]['path']} / {large_runs[0][label]['path']}"
        print(f"{label:<18} {cells[0]}   {cells[1]}  {counts}  {paths}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--queries", action="store_true")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.requests)))
    elif args.queries:
        for url in args.urls:
            queries(url)
    elif len(args.urls) == 2:
        compare(*args.urls, requests=args.requests, rounds=args.rounds)
    else:
        parser.error("two database URLs to compare, or --queries URL")


if __name__ == "__main__":
    main()
