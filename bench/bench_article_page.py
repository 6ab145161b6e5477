"""Benchmark: requests per second and latency of the article page, served by gunicorn.

    .venv/bin/python bench/bench_article_page.py [--requests 2000] [--seconds 10]

Uses a throwaway database: a temporary SQLite file, or with BENCH_DATABASE_URL=postgres://…
a fresh test database on that server (created and dropped here). It is filled by `seed_demo`
plus one article with 200 threaded comments, then served by gunicorn on a free loopback port
(2 sync workers, DEBUG off, settings bench.settings: the project's plus a bare view). A
thread pool of CONCURRENCY keep-alive clients on loopback asks for

  (a) the bare view (every middleware, no template, no query),
  (b) an article page from the page cache (an anonymous reader without cookies),
  (c) the same page rendered (`?sort=newest`: the default order, so the same page, but a
      query string keeps it out of the page cache),
  (d) the article with 200 comments, rendered (its first threads, as readers see it),
  (e) the same with every comment (`?comments=all`),

first with the local-memory cache, then with Redis (db 15, flushed) when one answers on
127.0.0.1:6379. The SQL queries of (c)–(e) are counted in this process before gunicorn
starts. Results go to bench/results/article_page-<database>.txt as well.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

# Run as a script, so bench/ itself is on the path.
from common import (  # noqa: I001
    Gunicorn,
    database_url,
    database_version,
    port_answers,
    setup_django,
    site_settings,
    write_result,
)

CONCURRENCY = 4
WORKERS = 2
WARM_UP = 40
BIG_COMMENTS = 200
TARGET_RATIO = 0.80
REDIS_URL = "redis://127.0.0.1:6379/15"
DATABASE_CACHE_URL = "dbcache://newsroom_cache"
# A reader's browser: user agents that look like scripts are not counted as reads, and
# counting reads is part of what a real page view costs.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)


# ------------------------------------------------------------------------------
# The database and its content, in this process
# ------------------------------------------------------------------------------
def configure_django(*, folder: Path) -> dict[str, str]:
    """Set up Django here; returns the environment gunicorn needs for the same site."""
    sqlite_file = folder / "bench.sqlite3"
    url = database_url(sqlite_file)
    site_env = site_settings(folder=folder, url=url)
    # The test client of the query counts calls itself "testserver".
    os.environ.update(site_env, ALLOWED_HOSTS="127.0.0.1,testserver")
    # The default cache, a table in the database (DEBUG off refuses local memory).
    os.environ["CACHE_URL"] = DATABASE_CACHE_URL
    test_name = setup_django(url=url, sqlite_file=sqlite_file)
    if not url.startswith("sqlite"):
        # gunicorn connects to the database made here, whatever the URL named.
        site_env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + test_name
    return site_env


def make_big_article(*, comments: int):
    """A published article with `comments` threaded comments and votes on many of them."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from articles.models import Article, ArticleStatus
    from articles.services import article_publish
    from comments.models import Comment
    from comments.selectors import Voter
    from comments.services import comment_vote, notifications_suppressed

    model = Article.objects.published().order_by("-published_at").first()
    editor = get_user_model().objects.create_superuser("bench-editor", "editor@example.com", None)
    now = timezone.now()
    article = Article.objects.create(
        title="A long discussion: what readers think of the new phones",
        slug="long-discussion",
        category=model.category,
        lead=model.lead,
        body=model.body,
        status=ArticleStatus.DRAFT,
        published_at=now - timezone.timedelta(days=1),
    )
    article.authors.set(model.authors.all())
    article = article_publish(article=article, user=editor)

    rng = random.Random(200)  # noqa: S311 - test data, not security
    made: list[Comment] = []
    with notifications_suppressed():
        for number in range(comments):
            # About a third start a thread; the rest answer an earlier comment.
            parent = None if number < 3 or rng.random() < 0.35 else rng.choice(made)
            if parent is not None and parent.level >= settings.COMMENTS_MAX_DEPTH:
                parent = Comment.objects.get(pk=parent.parent_id)
            comment = Comment(
                content_object=article,
                article=article,
                site_id=settings.SITE_ID,
                user_name=f"Reader {number % 37}",
                user_email=f"reader{number % 37}@example.com",
                comment=f"Comment {number}: "
                + "A thought on the story, in a sentence or two. " * rng.randint(1, 6),
                submit_date=now - timezone.timedelta(minutes=comments - number),
                is_public=True,
                parent_id=parent.pk if parent else 0,
                replied_to=parent,
            )
            comment.save()
            made.append(comment)
        votes = 0
        for comment in made:
            for voter in range(int(rng.random() ** 2 * 6)):
                value = 1 if rng.random() < 0.75 else -1
                comment_vote(comment=comment, voter=Voter(guest_key=f"bench-{voter}"), value=value)
                votes += 1
    return article, votes


def count_queries(paths: dict[str, str]) -> dict[str, int]:
    """Queries of one rendering of each path, with the caches warm as under load."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_USER_AGENT=USER_AGENT)
    counts = {}
    for label, path in paths.items():
        client.cookies.clear()
        assert client.get(path).status_code == 200, path
        client.cookies.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        assert "X-Reader-Cache" not in response, f"{path} was not meant to use the page cache"
        counts[label] = len(queries)
    return counts


# ------------------------------------------------------------------------------
# gunicorn and the load
# ------------------------------------------------------------------------------
def fetch(conn: http.client.HTTPConnection, path: str) -> tuple[int, str | None]:
    # No cookies, ever: every request is an anonymous reader's first visit.
    conn.request("GET", path, headers={"User-Agent": USER_AGENT})
    response = conn.getresponse()
    response.read()
    cache_state = response.getheader("X-Reader-Cache")
    if response.will_close:
        conn.close()  # http.client opens a new connection on the next request
    return response.status, cache_state


@dataclass
class Run:
    label: str
    seconds: float = 0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    cache_states: dict[str | None, int] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0

    def percentile(self, fraction: float) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else 0
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[
            round(fraction * 100) - 1
        ]


def load(*, port: int, label: str, path: str, requests: int, seconds: float) -> Run:
    """`requests` GETs of `path` by CONCURRENCY threads, or as many as fit in `seconds`."""
    run = Run(label)
    lock = threading.Lock()
    left = [WARM_UP]

    def take() -> bool:
        with lock:
            if left[0] <= 0:
                return False
            left[0] -= 1
            return True

    def client(record: bool, deadline: float) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            while take() and time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    status, cache_state = fetch(conn, path)
                except (OSError, http.client.HTTPException):
                    status, cache_state = 0, None
                    conn.close()
                elapsed = time.perf_counter() - started
                if record:
                    with lock:
                        if status == 200:
                            run.latencies.append(elapsed)
                        else:
                            run.errors += 1
                        run.cache_states[cache_state] = run.cache_states.get(cache_state, 0) + 1
        finally:
            conn.close()

    def phase(record: bool, deadline: float) -> None:
        threads = [
            threading.Thread(target=client, args=(record, deadline)) for _ in range(CONCURRENCY)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    phase(False, time.perf_counter() + seconds)
    left[0] = requests
    started = time.perf_counter()
    phase(True, started + seconds)
    run.seconds = time.perf_counter() - started
    return run


def serve_and_load(
    *, env: dict[str, str], paths: dict[str, str], requests: int, seconds: float, log: Path
) -> list[Run]:
    server = Gunicorn(env=env, log=log, workers=WORKERS)
    try:
        server.wait_ready(paths["a"], headers={"User-Agent": USER_AGENT})
        return [
            load(port=server.port, label=label, path=path, requests=requests, seconds=seconds)
            for label, path in paths.items()
        ]
    finally:
        server.stop()


def flush_redis_db() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # db 15 only


# ------------------------------------------------------------------------------
# The whole run and its report
# ------------------------------------------------------------------------------
def run(*, requests: int, seconds: float) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        site_env = configure_django(folder=folder)
        from django.core.management import call_command
        from django.db import connection

        from articles.models import Article

        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            started = time.perf_counter()
            call_command("seed_demo", stdout=StringIO())
            big, votes = make_big_article(comments=BIG_COMMENTS)
            call_command("collectstatic", interactive=False, verbosity=0)
            # A typical page: the most recent article with comments from the demo.
            article = (
                Article.objects.published()
                .filter(comments__isnull=False)
                .exclude(pk=big.pk)
                .order_by("-published_at")
                .distinct()
                .first()
            )
            typical_comments = article.comments.visible().count()
            setup_seconds = time.perf_counter() - started
            paths = {
                "a": "/bench/bare/",
                "b": article.get_absolute_url(),
                "c": article.get_absolute_url() + "?sort=newest",
                "d": big.get_absolute_url() + "?sort=newest",
                "e": big.get_absolute_url() + "?comments=all",
            }
            queries = count_queries({key: paths[key] for key in "cde"})
            vendor = connection.vendor
            db_version = database_version(connection)
            connection.close()

            results = {}
            log = folder / "gunicorn.log"
            started = time.perf_counter()
            results["database (the default)"] = serve_and_load(
                env={**site_env, "CACHE_URL": DATABASE_CACHE_URL},
                paths=paths,
                requests=requests,
                seconds=seconds,
                log=log,
            )
            if port_answers(6379):
                flush_redis_db()
                try:
                    results["Redis"] = serve_and_load(
                        env={**site_env, "CACHE_URL": REDIS_URL},
                        paths=paths,
                        requests=requests,
                        seconds=seconds,
                        log=log,
                    )
                finally:
                    flush_redis_db()
            load_seconds = time.perf_counter() - started
        finally:
            connection.close()
            connection.creation.destroy_test_db(test_name, verbosity=0)
    return report(
        vendor=vendor,
        db_version=db_version,
        requests=requests,
        seconds=seconds,
        paths=paths,
        queries=queries,
        typical_comments=typical_comments,
        votes=votes,
        results=results,
        setup_seconds=setup_seconds,
        load_seconds=load_seconds,
    )


LABELS = {
    "a": "(a) bare view",
    "b": "(b) article, page cache",
    "c": "(c) article, rendered",
    "d": f"(d) {BIG_COMMENTS} comments, rendered",
    "e": f"(e) {BIG_COMMENTS} comments, all shown",
}


def report(**r) -> str:
    lines = [
        f"article_page: gunicorn, {WORKERS} sync workers, DEBUG off; {CONCURRENCY} clients "
        f"on loopback, {r['requests']} requests per row (or {r['seconds']:g} s) "
        f"after {WARM_UP} warm-up requests",
        f"database: {r['vendor']} {r['db_version']}; Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs (shared with the clients); {time.strftime('%Y-%m-%d')}",
        "",
        "pages:",
        *(f"  {key}  {path}" for key, path in r["paths"].items()),
        f"  (b) and (c) have {r['typical_comments']} comments; (d) and (e) have "
        f"{BIG_COMMENTS} in threads of up to depth 3, with {r['votes']} votes",
        "",
        "SQL queries of one rendering (in-process, caches warm):",
        *(f"  {LABELS[key]:<32} {count}" for key, count in r["queries"].items()),
    ]
    for cache_name, runs in r["results"].items():
        by_key = dict(zip(r["paths"], runs, strict=True))
        lines += [
            "",
            f"cache: {cache_name}",
            f"  {'':<32} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'done':>6} {'errors':>6}",
        ]
        for key, one in by_key.items():
            lines.append(
                f"  {LABELS[key]:<32} {one.per_second:>8.0f} {one.percentile(0.50) * 1000:>8.1f} "
                f"{one.percentile(0.95) * 1000:>8.1f} {len(one.latencies):>6} {one.errors:>6}"
            )
        hits = by_key["b"].cache_states.get("hit", 0)
        total = sum(by_key["b"].cache_states.values())
        ratio = by_key["b"].per_second / by_key["a"].per_second
        verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
        lines += [
            f"  (b) served from the page cache: {hits} of {total} (X-Reader-Cache: hit)",
            f"  (b)/(a) = {ratio:.0%}; target {TARGET_RATIO:.0%}: {verdict}",
        ]
    lines += [
        "",
        f"(setting up took {r['setup_seconds']:.0f} s, serving and load {r['load_seconds']:.0f} s)",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="measured requests per page")
    parser.add_argument("--seconds", type=float, default=10, help="time cap per page")
    args = parser.parse_args()
    write_result("article_page", run(requests=args.requests, seconds=args.seconds))


if __name__ == "__main__":
    main()
