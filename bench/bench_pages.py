"""Benchmark: the reader pages side by side with a bare view, under gunicorn and Varnish.

    .venv/bin/python bench/bench_pages.py [--sizes 1000,10000,100000] [--seconds 10]

Each size has a database of its own (the demo plus N articles, ten comments each), and all
of them are served at once. Every page of the first size is measured in turn and compared
with the issue's targets; then each page is measured at every size in turn, ascending and
then descending (--rounds), so that the machine's drift over the run reaches each size
alike, and the p50 of each page at every size is compared with the first's and plotted
(bench/results/pages-p50-<database>.svg).

Throwaway databases (temporary SQLite files, or with BENCH_DATABASE_URL=postgres://… fresh
databases on that server, dropped afterwards), filled by `seed_demo` and
`seed_bench --articles N --comments M` (which prints the benchmark article's path), each served
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
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
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
SCALED = (
    "home, uncached",
    "a category, uncached",
    "a category, deep page, uncached",
    "article, first threads, uncached",
    "a tag page, uncached",
    "search, uncached",
)


def _postgres(url: str, statement: str) -> None:
    import psycopg

    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def site_environment(folder: Path, size: int) -> tuple[dict[str, str], str | None]:
    """The environment of the site of one size, on a database of its own."""
    base = os.environ.get("BENCH_DATABASE_URL", "")
    pg_name = None
    if base.startswith("postgres"):
        pg_name = f"newsroom_bench_pages_{secrets.token_hex(3)}_{size}"
        _postgres(base, f'CREATE DATABASE "{pg_name}"')
        url = f"{base.rsplit('/', 1)[0]}/{pg_name}"
    else:
        url = f"sqlite:///{folder / f'bench-{size}.sqlite3'}"
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "VIRTUAL_ENV")},
        **site_settings(folder=folder, url=url),
        "READER_PAGE_CACHE_SECONDS": "300",
    }
    if cache_url := os.environ.get("BENCH_CACHE_URL"):
        # A prefix of its own: a Redis server keeps what earlier runs stored, and the
        # sites of the other sizes share it.
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


def run(*, sizes: list[int], seconds: int, rounds: int) -> str:
    if not shutil.which("wrk"):
        raise SystemExit("bench_pages needs wrk (apt-get install wrk)")
    if not varnish_installed():
        raise SystemExit("bench_pages needs varnishd and varnish-modules")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp)
        sites = []
        for size in sizes:
            env, pg_name = site_environment(folder, size)
            if pg_name:
                stack.callback(_postgres, os.environ["BENCH_DATABASE_URL"],
                               f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')  # fmt: skip
            sites.append(_seed(env, size))
        if pg_name:
            # Now, not while the pages are measured: PostgreSQL's checkpointer would
            # otherwise write out the seeding's million rows over the next minutes.
            _postgres(os.environ["BENCH_DATABASE_URL"], "CHECKPOINT")
        served = [stack.enter_context(_serve(folder, site)) for site in sites]
        # The targets: every page of the first size, one after the other.
        first = [(label, path, wrk(port, path, seconds)) for label, port, path in served[0]]
        growth = _growth(served, seconds=seconds, rounds=rounds)
    seeds = [(site["size"], site["seed_seconds"]) for site in sites]
    return report(first, growth, seeds=seeds, seconds=seconds, rounds=rounds,
                  total_seconds=time.perf_counter() - started)  # fmt: skip


def _seed(env: dict[str, str], size: int) -> dict:
    """The demo plus `size` bench articles, ten comments each, in the site's database."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "seed_demo")
    began = time.perf_counter()
    seeded = manage(env, "seed_bench", "--articles", str(size),
                    "--comments", str(size * COMMENTS_PER_ARTICLE))  # fmt: skip
    article = re.search(r"^BENCH_ARTICLE_URL=(\S+)$", seeded, re.M).group(1)
    return {"env": env, "size": size, "article": article,
            "seed_seconds": time.perf_counter() - began}  # fmt: skip


@contextmanager
def _serve(folder: Path, site: dict):
    """The site of one size under gunicorn with Varnish in front; yields its pages as
    (label, port, path)."""
    env, size, article = site["env"], site["size"], site["article"]
    varnish_port = free_port()
    server = Gunicorn(env={**env, "HTTP_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish_port}/"},
                      log=folder / f"gunicorn-{size}.log", workers=WORKERS)  # fmt: skip
    varnish = None
    try:
        server.wait_ready("/bench/bare/")
        (varnish_folder := folder / f"varnish-{size}").mkdir()
        varnish = Varnish(varnish_folder, port=varnish_port,
                          backend_port=server.port, memory="256m").start()  # fmt: skip
        section = "/" + article.strip("/").split("/")[0] + "/"
        # At 1,000 articles a section has about 10 pages, the last of them short (184
        # articles: 4 teasers, which render faster whatever the archive): a full page
        # well inside the list stands in for the 50th.
        deep = min(DEEP_PAGE, size // SECTIONS // PER_PAGE // 2)
        assert header(server.port, article, "X-Reader-Cache") in ("hit", "miss")
        assert header(server.port, article, "X-Reader-Cache") == "hit"
        header(varnish_port, article, "X-Cache")
        assert header(varnish_port, article, "X-Cache") == "hit"
        yield [
            ("a bare Django view, same middleware", server.port, "/bench/bare/"),
            ("home, from the page cache", server.port, "/"),
            ("home, uncached", server.port, "/?uncached=1"),
            ("a category, uncached", server.port, f"{section}?uncached=1"),
            ("a category, deep page, uncached", server.port, f"{section}?page={deep}"),
            ("article, from the page cache", server.port, article),
            ("article, first threads, uncached", server.port, f"{article}?sort=newest"),
            ("article, all 200 comments, uncached", server.port, f"{article}?comments=all"),
            ("article, through Varnish", varnish_port, article),
            ("a tag page, uncached", server.port, "/tag/bench-tag-7/?uncached=1"),
            ("search, uncached", server.port, "/search/?q=phones"),
            ("feed (RSS), from the page cache", server.port, "/feeds/rss/"),
        ]
    finally:
        if varnish:
            varnish.stop()
        server.stop()


def _growth(served: list[list[tuple[str, int, str]]], *, seconds: int, rounds: int):
    """Each page at every size, the sizes taken in turn page by page, ascending in one
    round and descending in the next, so that the machine's drift over the run reaches
    every size alike. A page's figures at a size: the median p50 and p99 of its rounds."""
    by_label = {}
    for index, (label, _port, _path) in enumerate(served[0]):
        measured = [[] for _ in served]
        # The pages that read little or nothing of the archive once: they show the
        # drift's size, not the archive's.
        for round_number in range(rounds if label in SCALED or index == 0 else 1):
            order = range(len(served)) if round_number % 2 == 0 else reversed(range(len(served)))
            for size_index in order:
                _label, port, path = served[size_index][index]
                measured[size_index].append(wrk(port, path, seconds))
        by_label[label] = [
            {
                "p50": statistics.median(f["p50"] for f in figures),
                "p99": statistics.median(f["p99"] for f in figures),
                "errors": sum(f["errors"] for f in figures),
            }
            for figures in measured
        ]
    return by_label


def report(first, growth, *, seeds, seconds: int, rounds: int, total_seconds: float) -> str:
    size = seeds[0][0]
    bare = first[0][2]["rps"]
    sizes = ", ".join(f"{n:,} in {t:.0f} s" for n, t in seeds)
    lines = [
        f"# Reader pages, side by side with a bare view ({vendor()}"
        f"{' and ' + cache_name() if cache_name() else ''})",
        "",
        f"`make bench` (bench/bench_pages.py), {time.strftime('%Y-%m-%d')}: for each size "
        f"a database of its own with the demo plus that many `seed_bench` articles with "
        f"{COMMENTS_PER_ARTICLE} comments each (seeded: {sizes}); gunicorn "
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
    for label, _path, figures in first:
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
    paths = ", ".join(f"{label}: `{path}`" for label, path, _f in first)
    lines += ["", f"Paths: {paths}.", ""]
    if len(seeds) > 1:
        lines += _scale_table([n for n, _t in seeds], growth, rounds=rounds)
    return "\n".join(lines)


def _scale_table(sizes: list[int], by_label: dict[str, list[dict]], *, rounds: int) -> list[str]:
    head = " | ".join(f"p50 at {n:,} ms" for n in sizes)
    lines = [
        "## As the archive grows",
        "",
        f"p50 of each page at each size, and its growth from {sizes[0]:,} to {sizes[-1]:,} "
        f"articles (limit {SCALE_LIMIT}× for the pages the issue names; errors in brackets). "
        f"Measured after the table above, with every size's site up at once: each page at "
        f"each size in turn, {rounds} rounds of alternating order (ascending, then "
        f"descending) for the bare view and the pages the limit is for, the median of the "
        f"rounds; one round for the others.",
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
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="numbers of articles to measure at, ascending (default: %(default)s)",
    )
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="rounds of each size in turn for the growth (default: %(default)s)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    if sizes != sorted(sizes) or sizes[0] < SECTIONS * PER_PAGE:
        parser.error(f"--sizes: ascending, each at least {SECTIONS * PER_PAGE}")
    text = run(sizes=sizes, seconds=args.seconds, rounds=args.rounds)
    # The SQLite run is the README's; the others are kept beside it.
    name = run_name()
    (BENCH_DIR / ("RESULTS.md" if name == "sqlite" else f"RESULTS-{name}.md")).write_text(text)
    write_result("pages", text, database=name)


if __name__ == "__main__":
    main()
