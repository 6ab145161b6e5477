"""Benchmark: the reader pages side by side with a bare view, under gunicorn and Varnish.

    .venv/bin/python bench/bench_pages.py [--sizes 1000,10000,100000] [--seconds 10]

Each size is reached by adding articles (ten comments each) to the same database, and every
page is measured again at each size; the first size's figures are compared with the issue's
targets, the p50 of each page at every size with the first's, and plotted
(bench/results/pages-p50-<database>.svg).

A throwaway database (a temporary SQLite file, or with BENCH_DATABASE_URL=postgres://… a
fresh database on that server, dropped afterwards), filled by `seed_demo` and
`seed_bench --articles N --comments M` (which prints the benchmark article's path), served
by gunicorn (2 sync workers, DEBUG off, the default database cache or, with
BENCH_CACHE_URL=redis://…, Redis as production runs PostgreSQL with; bench.settings: the
project's plus a bare view with the same middleware) and by Debian's varnishd running
deploy/varnish.vcl in front of it, on loopback. Each page is loaded by wrk
(`wrk -t2 -c8 -d<seconds>s --latency`, a browser's User-Agent, no cookies) after a
warm-up; the figures go to bench/RESULTS.md (SQLite) or bench/RESULTS-<database>[-redis].md,
and bench/results/pages-<database>[-redis].txt.
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
    RESULTS_DIR,
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
COMMENTS_PER_ARTICLE = 10
PER_PAGE = 20  # reader.views.ARTICLES_PER_PAGE
SECTIONS = 5  # demo.bench.SECTIONS: a section holds a fifth of the bench articles
DEEP_PAGE = 50
# The pages whose p50 may grow at most this much from the first size to the last.
SCALE_LIMIT = 1.3
SCALED = ("home, uncached", "a category, uncached", "a category, deep page, uncached",
          "article, first threads, uncached", "a tag page, uncached", "search, uncached")


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
    if cache_url := os.environ.get("BENCH_CACHE_URL"):
        # A prefix of its own: a Redis server keeps what earlier runs stored.
        env |= {"CACHE_URL": cache_url, "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}"}
    return env, pg_name


def cache_name() -> str:
    """The shared cache the site runs on: the database's own table by default, or
    BENCH_CACHE_URL (redis://…, production's with PostgreSQL)."""
    return "Redis" if os.environ.get("BENCH_CACHE_URL", "").startswith("redis") else ""


def run_name() -> str:
    """What the figures are named by: the database, and Redis when it is the cache."""
    return vendor() + ("-redis" if cache_name() else "")


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


def run(*, sizes: list[int], seconds: int) -> str:
    if not shutil.which("wrk"):
        raise SystemExit("bench_pages needs wrk (apt-get install wrk)")
    if not varnish_installed():
        raise SystemExit("bench_pages needs varnishd and varnish-modules")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env, pg_name = site_environment(folder)
        try:
            return _measure(folder, env, sizes=sizes, seconds=seconds)
        finally:
            if pg_name:
                _postgres(os.environ["BENCH_DATABASE_URL"],
                          f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')  # fmt: skip


def _measure(folder: Path, env: dict[str, str], *, sizes: list[int], seconds: int) -> str:
    started = time.perf_counter()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "seed_demo")
    runs, seeded_so_far = [], 0
    for size in sizes:
        began = time.perf_counter()
        added = size - seeded_so_far
        seeded = manage(env, "seed_bench", "--articles", str(added),
                        "--comments", str(added * COMMENTS_PER_ARTICLE))  # fmt: skip
        seeded_so_far = size
        article = re.search(r"^BENCH_ARTICLE_URL=(\S+)$", seeded, re.M).group(1)
        seed_seconds = time.perf_counter() - began
        runs.append((size, seed_seconds, _pages(folder, env, article, size, seconds)))
    return report(runs, seconds=seconds, total_seconds=time.perf_counter() - started)


def _pages(folder: Path, env: dict[str, str], article: str, size: int, seconds: int):
    varnish_port = free_port()
    site = Gunicorn(env={**env, "HTTP_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish_port}/"},
                    log=folder / "gunicorn.log", workers=WORKERS)  # fmt: skip
    varnish = None
    try:
        site.wait_ready("/bench/bare/")
        varnish = Varnish(folder, port=varnish_port, backend_port=site.port, memory="256m").start()
        section = "/" + article.strip("/").split("/")[0] + "/"
        # At 1,000 articles a section has about 10 pages, the last of them short (184
        # articles: 4 teasers, which render faster whatever the archive): a full page
        # well inside the list stands in for the 50th.
        deep = min(DEEP_PAGE, size // SECTIONS // PER_PAGE // 2)
        pages = [
            ("a bare Django view, same middleware", site.port, "/bench/bare/"),
            ("home, from the page cache", site.port, "/"),
            ("home, uncached", site.port, "/?uncached=1"),
            ("a category, uncached", site.port, f"{section}?uncached=1"),
            ("a category, deep page, uncached", site.port, f"{section}?page={deep}"),
            ("article, from the page cache", site.port, article),
            ("article, first threads, uncached", site.port, f"{article}?sort=newest"),
            ("article, all 200 comments, uncached", site.port, f"{article}?comments=all"),
            ("article, through Varnish", varnish_port, article),
            ("a tag page, uncached", site.port, "/tag/bench-tag-7/?uncached=1"),
            ("search, uncached", site.port, "/search/?q=phones"),
            ("feed (RSS), from the page cache", site.port, "/feeds/rss/"),
        ]
        assert header(site.port, article, "X-Reader-Cache") in ("hit", "miss")
        assert header(site.port, article, "X-Reader-Cache") == "hit"
        header(varnish_port, article, "X-Cache")
        assert header(varnish_port, article, "X-Cache") == "hit"
        return [(label, path, wrk(port, path, seconds)) for label, port, path in pages]
    finally:
        if varnish:
            varnish.stop()
        site.stop()


def report(runs, *, seconds: int, total_seconds: float) -> str:
    size, seed_seconds, results = runs[0]
    bare = results[0][2]["rps"]
    seeds = ", ".join(f"{n:,} in {t:.0f} s" for n, t, _r in runs)
    lines = [
        f"# Reader pages, side by side with a bare view ({vendor()}"
        f"{' and ' + cache_name() if cache_name() else ''})",
        "",
        f"`make bench` (bench/bench_pages.py), {time.strftime('%Y-%m-%d')}: the demo plus "
        f"`seed_bench` articles with {COMMENTS_PER_ARTICLE} comments each, grown to "
        f"{', '.join(f'{n:,}' for n, _t, _r in runs)} articles (seeded: {seeds}); gunicorn "
        f"with {WORKERS} sync workers, DEBUG off, "
        f"{'Redis as the cache (BENCH_CACHE_URL)' if cache_name() else 'the database cache'}; "
        f"Varnish 7 with "
        f"deploy/varnish.vcl in front; `wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s` on "
        f"loopback, {os.cpu_count()} CPUs shared with the load generator, "
        f"Python {platform.python_version()}; the whole run took {total_seconds / 60:.0f} min.",
        "",
        f"## At {size:,} articles",
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
    if len(runs) > 1:
        lines += _scale_table(runs)
    return "\n".join(lines)


def _scale_table(runs) -> list[str]:
    sizes = [size for size, _s, _r in runs]
    by_label = {label: [] for label, _p, _f in runs[0][2]}
    for _size, _s, results in runs:
        for label, _path, figures in results:
            by_label[label].append(figures)
    head = " | ".join(f"p50 at {n:,} ms" for n in sizes)
    lines = [
        "## As the archive grows",
        "",
        f"p50 of each page at each size, and its growth from {sizes[0]:,} to {sizes[-1]:,} "
        f"articles (limit {SCALE_LIMIT}× for the pages the issue names; errors in brackets).",
        "",
        f"| page | {head} | growth | limit |",
        "|---|" + "---|" * (len(sizes) + 2),
    ]
    for label, figures in by_label.items():
        cells = " | ".join(
            f"{f['p50']:.2f}" + (f" ({f['errors']})" if f["errors"] else "") for f in figures
        )
        growth = figures[-1]["p50"] / figures[0]["p50"] if figures[0]["p50"] else 0
        limit = ""
        if label in SCALED:
            limit = f"≤ {SCALE_LIMIT}×: {'met' if growth <= SCALE_LIMIT else 'missed'}"
        lines.append(f"| {label} | {cells} | {growth:.2f}× | {limit} |")
    lines += ["", f"![p50 against the number of articles](results/pages-p50-{run_name()}.svg)", ""]
    _plot(sizes, by_label)
    return lines


def _plot(sizes: list[int], by_label: dict[str, list[dict]]) -> None:
    """Each page's p50 against the number of articles, on log scales."""
    import matplotlib

    matplotlib.use("svg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(9, 5.5))
    for label, figures in by_label.items():
        if label == "article, through Varnish":
            continue  # microseconds: it would flatten every other line's scale
        style = "-" if label in SCALED else ":"
        axes.plot(sizes, [f["p50"] for f in figures], style, marker="o", label=label)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xticks(sizes, [f"{n:,}" for n in sizes])
    axes.set_xlabel("published articles (ten comments each)")
    axes.set_ylabel("p50 latency, ms (log)")
    axes.set_title(f"Reader pages under wrk -c{CONNECTIONS}, {run_name()}")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    figure.tight_layout()
    RESULTS_DIR.mkdir(exist_ok=True)
    figure.savefig(RESULTS_DIR / f"pages-p50-{run_name()}.svg", metadata={"Date": None})
    pyplot.close(figure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="numbers of articles to measure at, ascending (default: %(default)s)")
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    if sizes != sorted(sizes) or sizes[0] < SECTIONS * PER_PAGE:
        parser.error(f"--sizes: ascending, each at least {SECTIONS * PER_PAGE}")
    text = run(sizes=sizes, seconds=args.seconds)
    # The SQLite run is the README's; the others are kept beside it.
    name = run_name()
    (BENCH_DIR / ("RESULTS.md" if name == "sqlite" else f"RESULTS-{name}.md")).write_text(text)
    write_result("pages", text, database=name)


if __name__ == "__main__":
    main()
