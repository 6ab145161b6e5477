"""Varnish in front of the site, with the shipped deploy/varnish.vcl: it keeps anonymous
readers' pages, passes everyone with a cookie of their own and every POST, and the
site's purges (HTTP_CACHE_PURGE_URL) make each change show on the very next request.

One gunicorn (DEBUG off) on a database of its own, Debian's varnishd in front, both on
free loopback ports. Skipped without varnishd and varnish-modules' xkey, except on CI.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from http.client import HTTPConnection

import pytest

from tests.e2e.conftest import require_tool

from .servers import Browser, Server, SiteDatabase, free_port, log_in, seed
from .varnish import Varnish, varnish_installed

TOKEN_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@dataclass
class Front:
    database: SiteDatabase
    site: Server
    varnish: Varnish
    stories: dict[str, tuple[int, str]]

    def path(self, role: str) -> str:
        return self.stories[role][1]

    def run(self, code: str):
        """Python in a process of the site's, which sends its purges as every process does."""
        return self.database.run_python(code, **self.site_settings)

    @property
    def site_settings(self) -> dict[str, str]:
        return {"HTTP_CACHE_PURGE_URL": f"http://127.0.0.1:{self.varnish.port}/"}


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    require_tool(varnish_installed(), "varnishd with varnish-modules' xkey",
                 "apt-get install varnish varnish-modules")  # fmt: skip
    folder = tmp_path_factory.mktemp("varnish")
    database = SiteDatabase(folder)
    started = []
    try:
        stories = seed(database)
        varnish_port = free_port()
        site = Server(
            database, name="site",
            COMMENTS_GUESTS="publish", COMMENTS_GUEST_VOTING="true",
            READER_PAGE_CACHE_SECONDS="300",
            HTTP_CACHE_PURGE_URL=f"http://127.0.0.1:{varnish_port}/",
        ).start()  # fmt: skip
        started.append(site)
        varnish = Varnish(folder, port=varnish_port, backend_port=site.port).start()
        started.append(varnish)
        yield Front(database, site, varnish, stories)
    finally:
        for process in reversed(started):
            process.stop()
        database.drop()


def through(front: Front, browser: Browser, path: str):
    response = browser.get(path, server=front.varnish)
    return response


def hit(response) -> bool:
    return response.headers.get("X-Cache") == "hit"


def warm(front: Front, path: str) -> None:
    """Until Varnish holds the page (the first request fetches it)."""
    reader = Browser()
    through(front, reader, path)
    assert hit(through(front, reader, path)), f"Varnish did not keep {path}"


def test_a_second_anonymous_request_is_a_hit(front):
    path = front.path("read")
    first = through(front, Browser(), path)
    second = through(front, Browser(), path)
    assert first.status == second.status == 200
    assert hit(second) and int(second.headers["Age"]) >= 0
    assert second.text == first.text
    assert "Set-Cookie" not in second.headers and "xkey" not in second.headers
    assert second.headers["Cache-Control"].startswith("public")


def test_an_edited_article_shows_on_the_next_request(front):
    article_id, path = front.stories["read"]
    warm(front, path)
    warm(front, "/")
    front.run(f"""
from articles.models import Article
article = Article.objects.get(pk={article_id})
article.title = "A title changed in the admin"
article.save()
print(1)
""")  # fmt: skip
    for url in (path, "/"):
        page = through(front, Browser(), url)
        assert "A title changed in the admin" in page.text, url
        assert not hit(page)


def test_a_new_comment_shows_on_the_next_request(front):
    path = front.path("commented")
    warm(front, path)
    guest = Browser()
    fields = guest.form(path, "/comments/post/", server=front.varnish)
    fields.update(name="Gina Guest", email="gina@example.com", comment="Fresh through Varnish.")
    response = guest.post("/comments/post/", fields, server=front.varnish)
    assert response.status == 302, response.text[:500]
    page = through(front, Browser(), path)
    assert "Fresh through Varnish." in page.text and not hit(page)
    assert hit(through(front, Browser(), path))


def _first_comment_score(text: str, comment_id: int) -> str:
    block = text[text.index(f'id="c{comment_id}"') :]
    return re.search(r'class="vote__score[^"]*"[^>]*>(-?\d+)<', block).group(1)


def test_a_vote_shows_on_the_next_request_and_stays_the_voters_own(front):
    article_id, path = front.stories["first-read"]
    comment_id = front.run(f"""
from tests.comments.factories import CommentFactory
print(CommentFactory(article_id={article_id}, comment="Vote on me.").pk)
""")  # fmt: skip
    warm(front, path)
    assert _first_comment_score(through(front, Browser(), path).text, comment_id) == "0"

    voter = Browser()
    fields = voter.form(path, f"/comments/{comment_id}/vote/", server=front.varnish)
    fields.update(value="up")
    response = voter.post(f"/comments/{comment_id}/vote/", fields, server=front.varnish)
    assert response.status == 302, response.text[:500]

    other = through(front, Browser(), path)
    assert _first_comment_score(other.text, comment_id) == "1" and not hit(other)
    assert 'aria-pressed="true"' not in other.text  # the vote is nobody else's
    own = through(front, voter, path)  # the voter's cookie: past the cache
    assert not hit(own) and "private" in own.headers["Cache-Control"]
    assert 'aria-pressed="true"' in own.text


def test_an_unpublished_article_is_gone_on_the_next_request(front):
    article_id, path = front.stories["unpublished"]
    warm(front, path)
    editor = Browser(front.varnish)
    log_in(editor, front.varnish)
    response = editor.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": str(article_id), "index": "0",
         "csrfmiddlewaretoken": editor.cookies["csrftoken"]},
    )  # fmt: skip
    assert response.status == 302, response.text[:500]
    assert through(front, Browser(), path).status == 404
    assert "The unpublished story" not in through(front, Browser(), "/").text


def test_a_logged_in_reader_never_gets_a_cached_page(front):
    path = front.path("read")
    warm(front, path)
    editor = Browser(front.varnish)
    log_in(editor, front.varnish)
    for _ in range(2):
        page = through(front, editor, path)
        assert page.status == 200 and not hit(page)
        assert "no-store" in page.headers["Cache-Control"]
        assert "Logged in as" in page.text
    anonymous = through(front, Browser(), path)
    assert "Logged in as" not in anonymous.text


def test_no_readers_token_name_or_vote_reaches_another_readers_page(front):
    path = front.path("commented")
    editor = Browser(front.varnish)
    log_in(editor, front.varnish)
    own = through(front, editor, path)
    tokens = {token for token in TOKEN_VALUE.findall(own.text) if token}
    assert tokens  # a member's page has their token
    name = re.search(r"Logged in as <strong>([^<]+)</strong>", own.text).group(1)
    token_answer = json.loads(through(front, Browser(), "/form-token/").text)["token"]
    for _ in range(2):
        page = through(front, Browser(), path)
        assert set(TOKEN_VALUE.findall(page.text)) == {""}
        assert token_answer not in page.text
        assert not any(token in page.text for token in tokens)
        assert "Logged in as" not in page.text and name not in page.text
        assert 'aria-pressed="true"' not in page.text
        assert "Set-Cookie" not in page.headers


def test_purges_are_taken_from_the_sites_address_only(front):
    def purge(source: str) -> int:
        connection = HTTPConnection(
            "127.0.0.1", front.varnish.port, timeout=10, source_address=(source, 0)
        )
        connection.request("PURGE", "/", headers={"xkey": "site"})
        status = connection.getresponse().status
        connection.close()
        return status

    assert purge("127.0.0.2") == 403
    warm(front, "/")
    assert purge("127.0.0.1") == 200
    assert not hit(through(front, Browser(), "/"))
