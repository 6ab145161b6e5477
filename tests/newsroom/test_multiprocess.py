"""Two server processes, as on two machines, agree on what readers see and on the counts.

Each variant starts two gunicorns (one worker each) on a database made for it, sharing
only that database and the cache: the embedded default (a table in the database), then
Redis on 127.0.0.1:6379. What one process does (an editor unpublishing, a reader
commenting, a reader signing up, a read) must show in the other at once. The database
follows the suite's DATABASE_URL: a SQLite file in the SQLite run, a fresh PostgreSQL
database in the PostgreSQL run.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import pytest

from .servers import (
    REDIS_DB,
    Browser,
    Server,
    SiteDatabase,
    log_in,
    require_redis,
    seed,
    unpublish,
)

SETTINGS = {
    "COMMENTS_GUESTS": "publish",
    "NEWSLETTER_RATE_LIMIT": "3",
    "READER_PAGE_CACHE_SECONDS": "300",
    # Only the first read flushes by itself; the rest wait for flush_popular_views.
    "READER_POPULAR_FLUSH_SECONDS": "3600",
}


@dataclass
class Site:
    database: SiteDatabase
    a: Server
    b: Server
    stories: dict[str, tuple[int, str]]
    environment: dict[str, str]

    def url(self, role: str) -> str:
        return self.stories[role][1]


def cache_environment(kind: str) -> dict[str, str]:
    if kind == "database":
        return {}  # the default
    require_redis()
    return {
        "CACHE_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "CACHE_KEY_PREFIX": f"test-mp-{secrets.token_hex(6)}",
    }


def forget_redis_keys(prefix: str) -> None:
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(scope="module", params=["database", "redis"])
def site(request, tmp_path_factory):
    environment = {**SETTINGS, **cache_environment(request.param)}
    database = SiteDatabase(tmp_path_factory.mktemp(f"site-{request.param}"))
    servers = []
    try:
        stories = seed(database)
        servers = [Server(database, name=name, **environment).start() for name in ("a", "b")]
        yield Site(database, *servers, stories=stories, environment=environment)
    finally:
        for server in servers:
            server.stop()
        if "CACHE_KEY_PREFIX" in environment:
            forget_redis_keys(environment["CACHE_KEY_PREFIX"])
        database.drop()


def cached_on(browser: Browser, server: Server, path: str) -> bool:
    response = browser.get(path, server=server)
    assert response.status == 200, (server.name, path, response.status)
    return response.headers.get("X-Reader-Cache") == "hit"


def test_an_article_unpublished_on_one_server_is_gone_from_both_at_once(site):
    reader = Browser()
    article_id, path = site.stories["unpublished"]
    for server in (site.a, site.b):
        cached_on(reader, server, path)
        assert cached_on(reader, server, path), f"{server.name} did not cache the page"

    editor = Browser(site.a)
    log_in(editor, site.a)
    unpublish(editor, article_id)

    assert [reader.get(path, server=server).status for server in (site.a, site.b)] == [404, 404]


def test_a_comment_posted_on_one_server_shows_on_both_at_once(site):
    reader = Browser()
    path = site.url("commented")
    for server in (site.a, site.b):
        cached_on(reader, server, path)
        assert cached_on(reader, server, path), f"{server.name} did not cache the page"
        # Past the page cache: the comments themselves are kept in the shared cache.
        reader.get(f"{path}?sort=newest", server=server)

    fields = reader.form(path, "/comments/post/", server=site.b)
    fields.update(name="Gina Guest", email="gina@example.com", comment="Seen from both servers.")
    response = reader.post("/comments/post/", fields, server=site.b)
    assert response.status == 302, response.text[:500]

    for server in (site.a, site.b):
        for page_path in (path, f"{path}?sort=newest"):
            page = reader.get(page_path, server=server)
            assert "Seen from both servers." in page.text, f"{server.name}: old {page_path}"


def test_rate_limits_count_the_posts_to_both_servers(site):
    statuses = []
    for number, server in enumerate((site.a, site.a, site.b, site.b)):
        reader = Browser(server)
        fields = reader.form("/newsletter/", "/newsletter/")
        fields["email"] = f"reader{number}@example.com"
        statuses.append(reader.post("/newsletter/", fields).status)
    # NEWSLETTER_RATE_LIMIT=3 for one address (all of them come from 127.0.0.1).
    assert statuses == [302, 302, 302, 429]


def test_flush_popular_views_writes_the_reads_of_both_servers(site):
    # The first read of the day (here or in an earlier test) flushes by itself and starts
    # the interval; the reads after it wait in the cache for the command.
    Browser(site.a).get(site.url("first-read"))
    article_id, path = site.stories["read"]
    for server in (site.a, site.b, site.b):
        assert Browser(server).get(path).status == 200  # three readers, one on A

    site.database.manage("flush_popular_views", **site.environment)

    views = site.database.run_python(
        "import json; from articles.models import ArticleDailyViews as V; "
        f"print(json.dumps(sum(V.objects.filter(article_id={article_id})"
        ".values_list('views', flat=True))))",
        **site.environment,
    )
    assert views == 3


_ILLUSTRATED = """
import json
from articles.models import Category
from tests.articles.factories import ArticleFactory, ArticleImageFactory
story = ArticleFactory(category=Category.objects.get(slug="news"), slug="illustrated-story")
use = ArticleImageFactory(article=story, caption="The first caption.")
story.body = f"<p>Above the picture.</p><p>{use.placeholder}</p>"
story.save()
print(json.dumps([use.pk, story.get_absolute_url()]))
"""


def test_an_image_edited_in_another_process_shows_in_the_cached_body_on_both(site):
    use_id, path = site.database.run_python(_ILLUSTRATED, **site.environment)
    # A query string: past the page cache, so the page is rendered from the body kept
    # in the shared cache (reader/rendering.py).
    path = f"{path}?sort=newest"
    reader = Browser()
    for server in (site.a, site.b, site.a):
        assert "The first caption." in reader.get(path, server=server).text

    # update() sends no signal and purges nothing: the body's key holds the row itself.
    site.database.run_python(
        "import json\nfrom articles.models import ArticleImage\n"
        f"ArticleImage.objects.filter(pk={use_id}).update(caption='The second caption.')\n"
        "print(json.dumps(True))",
        **site.environment,
    )
    for server in (site.a, site.b):
        text = reader.get(path, server=server).text
        assert "The second caption." in text, f"{server.name} still shows the old body"
        assert "The first caption." not in text
