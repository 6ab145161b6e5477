"""One page, in-process: its p50 over N requests through the Django test client, and
optionally a cProfile of them. For finding where a page's time goes without gunicorn.

    DJANGO_SETTINGS_MODULE=bench.settings DEBUG=false SECRET_KEY=… DATABASE_URL=… \
        .venv/bin/python bench/profile_page.py /path/?sort=newest [-n 100] [--profile 40]

Run it against a database made as bench_pages.py makes its own (migrate, collectstatic,
seed_demo, seed_bench --articles 1000 --comments 10000), with ALLOWED_HOSTS including
"testserver". The first request (caches cold) is not counted.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--profile", type=int, default=0, help="profile this many requests")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=60)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0")
    first = client.get(args.path)
    assert first.status_code == 200, first.status_code
    timings = []
    for _ in range(args.n):
        began = time.perf_counter()
        client.get(args.path)
        timings.append((time.perf_counter() - began) * 1000)
    print(f"{args.path}: p50 {statistics.median(timings):.2f} ms, "
          f"min {min(timings):.2f} ms over {args.n} requests")  # fmt: skip
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.profile):
            client.get(args.path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.lines)


if __name__ == "__main__":
    main()
