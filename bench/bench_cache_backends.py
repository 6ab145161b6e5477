"""Benchmark: what one cache operation costs on each backend the site could share.

    .venv/bin/python bench/bench_cache_backends.py [--rounds 2000]

In one process, for local memory (for comparison: it cannot be shared), Django's file
cache, our database cache (core.cache.DatabaseCache) on the benchmark's database and
Redis on 127.0.0.1:6379 (when one answers; db 15): the mean time of the operations the
site does, as it does them:

- page hit: one `get_many` of three keys (the page, the site generation, the path version);
- page store: one `set` of a 30 KB page;
- reader counted: the first read of a reader (Popular now): `add` of the "seen" key,
  `add` of the counter, or `incr` of it once it is there;
- reader again: a reader already counted today: one `add` that fails;
- rate limit: `add` then `incr` of one window.

Uses a throwaway database as the other benchmarks do (a temporary SQLite file, or
BENCH_DATABASE_URL=postgres://…); writes bench/results/cache_backends-<database>.txt.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import tempfile
import time
from datetime import date
from pathlib import Path

from common import database_url, database_version, setup_django, write_result  # noqa: I001

REDIS_URL = "redis://127.0.0.1:6379/15"
PAGE = os.urandom(15_000).hex()  # 30 KB of text, about an article page


def redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), 1).close()
    except OSError:
        return False
    return True


def backends(folder: Path) -> dict[str, dict]:
    found = {
        "local memory (one process only)": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        },
        "file (Django's; add/incr not atomic)": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder / "file-cache"),
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        },
        "database (core.cache, the default)": {
            "BACKEND": "core.cache.DatabaseCache",
            "LOCATION": "newsroom_cache",
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        },
    }
    if redis_answers():
        found["Redis (core.cache)"] = {"BACKEND": "core.cache.RedisCache", "LOCATION": REDIS_URL}
    return found


def timed(rounds: int, operation) -> float:
    """Mean microseconds of `operation(n)` over `rounds` calls."""
    started = time.perf_counter()
    for number in range(rounds):
        operation(number)
    return (time.perf_counter() - started) / rounds * 1e6


def measure(cache, rounds: int) -> dict[str, float]:
    cache.clear()
    cache.set_many({"page": PAGE, "generation": "g", "version": "v"}, 300)

    def reader_counted(number: int) -> None:
        # As popularity.record_view does it for a new reader of one of 50 articles.
        article = number % 50
        cache.add(f"seen:{number}", 1, 86400)
        if not cache.add(f"count:{article}", 1, 172800):
            cache.incr(f"count:{article}")

    def rate_limit(number: int) -> None:
        key = f"rl:{number % 20}"
        if not cache.add(key, 1, 600):
            cache.incr(key)

    figures = {
        "page hit (get_many of 3)": timed(
            rounds, lambda n: cache.get_many(["page", "generation", "version"])
        ),
        "page store (set, 30 KB)": timed(rounds, lambda n: cache.set(f"p{n % 100}", PAGE, 300)),
        "reader counted (add, add/incr)": timed(rounds, reader_counted),
        "reader again (add that fails)": timed(rounds, lambda n: cache.add("seen:1", 1, 86400)),
        "rate limit (add, incr)": timed(rounds, rate_limit),
    }
    cache.clear()
    return figures


def report(*, rounds: int, results: dict[str, dict[str, float]], vendor: str, version: str):
    operations = list(next(iter(results.values())))
    lines = [
        f"cache_backends: mean µs per operation, {rounds} rounds each, one process",
        f"database: {vendor} {version}; Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs (shared); {date.today().isoformat()}",
        "",
        f"{'':38}" + "".join(f"{name[:24]:>26}" for name in operations),
    ]
    for backend, figures in results.items():
        lines.append(f"{backend:38}" + "".join(f"{figures[op]:>26.0f}" for op in operations))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sqlite_file = folder / "bench.sqlite3"
        url = database_url(sqlite_file)
        os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
        test_name = setup_django(url=url, sqlite_file=sqlite_file)
        from django.conf import settings
        from django.core.cache import caches
        from django.db import connection

        found = backends(folder)
        settings.CACHES.update({f"bench{n}": params for n, params in enumerate(found.values())})
        created = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        assert created == test_name
        try:
            results = {
                name: measure(caches[f"bench{n}"], args.rounds) for n, name in enumerate(found)
            }
            text = report(
                rounds=args.rounds,
                results=results,
                vendor=connection.vendor,
                version=database_version(connection),
            )
        finally:
            connection.close()
            connection.creation.destroy_test_db(test_name, verbosity=0)
    write_result("cache_backends", text)


if __name__ == "__main__":
    main()
