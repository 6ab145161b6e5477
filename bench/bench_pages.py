"""Benchmark: the reader pages side by side with a bare view, under gunicorn and Varnish.

    .venv/bin/python bench/bench_pages.py [--articles 1000] [--comments 10000] [--seconds 10]

A throwaway database (a temporary SQLite file, or with BENCH_DATABASE_URL=postgres://… a
fresh database on that server, dropped afterwards), filled by `seed_demo` and
`seed_bench --articles N --comments M` (which prints the benchmark article's path), served
by gunicorn (2 sync workers, DEBUG off, the default database cache, bench.settings: the
project's plus a bare view with the same middleware) and by Debian's varnishd running
deploy/varnish.vcl in front of it, on loopback. Each page is loaded by wrk
(`wrk -t2 -c8 -d<seconds>s --latency`, a browser's User-Agent, no cookies) after a
warm-up; the figures go to bench/RESULTS.md and bench/results/pages-<database>.txt.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import (
    BENCH_DIR,
    PROJECT_DIR,
    Gunicorn,
    free_port,
    site_settings,
    vendor,
    write_result,
)

sys.path.insert(0, str(PROJECT_DIR))
from tests.newsroom.varnish import Varnish, varnish_installed  # noqa: E402

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)
WORKERS = 2
THREADS, CONNECTIONS = 2, 8
TARGETS = {  # share of the bare view's req/s the issue asks for
    "article, all 200 comments, uncached": 0.014,
    "article, first threads, uncached": 0.05,
    "article, from the page cache": 0.80,
    "article, through Varnish": 8.0,
}


def _postgres(url: str, statement: str) -> None:
    import psycopg

    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def site_environment(folder: Path) -> tuple[dict[str, str], str | None]:
    base = os.environ.get("BENCH_DATABASE_URL", "")
    pg_name = None
    if base.startswith("postgres"):
        pg_name = f"newsroom_bench_pages_{secrets.token_hex(3)}"
        _postgres(base, f'CREATE DATABASE "{pg_name}"')
        url = f"{base.rsplit('/', 1)[0]}/{pg_name}"
    else:
        url = f"sqlite:///{folder / 'bench.sqlite3'}"
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "VIRTUAL_ENV")},
        **site_settings(folder=folder, url=url),
        "READER_PAGE_CACHE_SECONDS": "300",
    }
    return env, pg_name


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env,
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def header(port: int, path: str, name: str) -> str | None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"User-Agent": USER_AGENT})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.getheader(name)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(text: str) -> float:
    """wrk's latency figures: 512.00us, 1.23ms, 2.00s, 1.05m."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if match is None:
        raise ValueError(f"wrk printed a latency this script cannot read: {text!r}")
    number, unit = match.groups()
    return float(number) * _UNITS[unit]


def wrk(port: int, path: str, seconds: int) -> dict[str, float]:
    header(port, path, "X-Cache")  # one reader first, so that the caches are filled
    url = f"http://127.0.0.1:{port}{path}"
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
               "--timeout", "30s", "-H", f"User-Agent: {USER_AGENT}", url]  # fmt: skip
    warm_up = [*command[:3], "-d2s", *command[4:]]
    subprocess.run(warm_up, capture_output=True, check=True)  # noqa: S603 - wrk on loopback
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    print(f"--- {path}\n{out}", file=sys.stderr, flush=True)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(n) for n in m.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)) if requests else 0,
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)) if requests else 0,
        "errors": errors,
        "requests": requests,
    }


def run(*, articles: int, comments: int, seconds: int) -> str:
    if not shutil.which("wrk"):
        raise SystemExit("bench_pages needs wrk (apt-get install wrk)")
    if not varnish_installed():
        raise SystemExit("bench_pages needs varnishd and varnish-modules")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env, pg_name = site_environment(folder)
        try:
            return _measure(folder, env, articles=articles, comments=comments, seconds=seconds)
        finally:
            if pg_name:
                _postgres(os.environ["BENCH_DATABASE_URL"],
                          f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')  # fmt: skip


def _measure(folder: Path, env: dict[str, str], *, articles: int, comments: int,
             seconds: int) -> str:  # fmt: skip
    started = time.perf_counter()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "seed_demo")
    seeded = manage(env, "seed_bench", "--articles", str(articles), "--comments", str(comments))
    article = re.search(r"^BENCH_ARTICLE_URL=(\S+)$", seeded, re.M).group(1)
    seed_seconds = time.perf_counter() - started
    varnish_port = free_port()
    site = Gunicorn(env={**env, "HTTP_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish_port}/"},
                    log=folder / "gunicorn.log", workers=WORKERS)  # fmt: skip
    varnish = None
    try:
        site.wait_ready("/bench/bare/")
        varnish = Varnish(folder, port=varnish_port, backend_port=site.port, memory="256m").start()
        section = "/" + article.strip("/").split("/")[0] + "/"
        pages = [
            ("a bare Django view, same middleware", site.port, "/bench/bare/"),
            ("home, from the page cache", site.port, "/"),
            ("home, uncached", site.port, "/?uncached=1"),
            ("a category, uncached", site.port, f"{section}?uncached=1"),
            ("article, from the page cache", site.port, article),
            ("article, first threads, uncached", site.port, f"{article}?sort=newest"),
            ("article, all 200 comments, uncached", site.port, f"{article}?comments=all"),
            ("article, through Varnish", varnish_port, article),
            ("feed (RSS), from the page cache", site.port, "/feeds/rss/"),
        ]
        assert header(site.port, article, "X-Reader-Cache") in ("hit", "miss")
        assert header(site.port, article, "X-Reader-Cache") == "hit"
        header(varnish_port, article, "X-Cache")
        assert header(varnish_port, article, "X-Cache") == "hit"
        results = [(label, path, wrk(port, path, seconds)) for label, port, path in pages]
    finally:
        if varnish:
            varnish.stop()
        site.stop()
    return report(results, articles=articles, comments=comments, seconds=seconds,
                  seed_seconds=seed_seconds)  # fmt: skip


def report(results, *, articles: int, comments: int, seconds: int, seed_seconds: float) -> str:
    bare = results[0][2]["rps"]
    lines = [
        f"# Reader pages, side by side with a bare view ({vendor()})",
        "",
        f"`make bench` (bench/bench_pages.py): {articles:,} articles and {comments:,} comments "
        f"from `seed_bench` plus the demo (seeded in {seed_seconds:.0f} s), gunicorn with "
        f"{WORKERS} sync workers, DEBUG off, the database cache; Varnish 7 with "
        f"deploy/varnish.vcl in front; `wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s` on "
        f"loopback, {os.cpu_count()} CPUs shared with the load generator, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.",
        "",
        "| page | req/s | p50 ms | p99 ms | errors | share of the bare view | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, _path, figures in results:
        share = figures["rps"] / bare if bare else 0
        target = TARGETS.get(label)
        verdict = f"≥ {target:.1%}: {'met' if share >= target else 'missed'}" if target else ""
        if not figures["requests"]:
            lines.append(f"| {label} | none finished in {seconds} s | | | {figures['errors']} "
                         f"| | {verdict} |")  # fmt: skip
            continue
        lines.append(
            f"| {label} | {figures['rps']:,.1f} | {figures['p50']:.2f} | {figures['p99']:.2f} "
            f"| {figures['errors']} | {share:.2%} | {verdict} |"
        )
    paths = ", ".join(f"{label}: `{path}`" for label, path, _f in results)
    lines += ["", f"Paths: {paths}.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    text = run(articles=args.articles, comments=args.comments, seconds=args.seconds)
    (BENCH_DIR / "RESULTS.md").write_text(text)
    write_result("pages", text)


if __name__ == "__main__":
    main()
