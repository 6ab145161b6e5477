"""Every response carries the browser-side protections, and no page needs the script or
style allowances that would make them toothless."""

import pytest
from lxml import html as lxml_html

from articles.admin_csp import import_map_source
from tests.articles.factories import ArticleFactory
from tests.reader_pages import build_reader_site

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def pages():
    return build_reader_site()


def test_every_reader_page_carries_the_security_headers(client, pages):
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 403, 404), name
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], name
        assert policy["style-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_a_page_from_the_readers_cache_carries_them_too(client, pages):
    client.get(pages["home"])
    response = client.get(pages["home"])
    assert response["X-Reader-Cache"] == "hit"
    assert directives(response)["script-src"] == ["'self'"]
    assert "Permissions-Policy" in response


def test_no_reader_page_needs_an_inline_script_or_style(client, pages):
    """The strict policy would block them: each kind of page is checked, so a template
    that adds one fails here before a browser silently drops it."""
    for name, url in pages.items():
        tree = lxml_html.fromstring(client.get(url).content)
        for script in tree.iter("script"):
            # JSON-LD is data: browsers never run it, and script-src does not apply.
            assert script.get("src") or script.get("type") == "application/ld+json", name
        for element in tree.iter():
            assert "style" not in element.attrib, (name, element.tag)
            handlers = [a for a in element.attrib if a.lower().startswith("on")]
            assert not handlers, (name, element.tag, handlers)
        assert not list(tree.iter("style")), name


def test_the_admin_allows_the_editors_import_map_by_its_hash_only(staff_client):
    article = ArticleFactory()
    response = staff_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", import_map_source()]
    assert "'unsafe-inline'" in policy["style-src"]
    tree = lxml_html.fromstring(response.content)
    inline = [s for s in tree.iter("script") if not s.get("src")]
    # Only the import map runs inline, and it is the one the hash allows.
    assert [s.get("type") for s in inline if s.get("type") != "application/json"] == ["importmap"]


def test_the_admins_allowances_stay_in_the_admin(staff_client):
    assert directives(staff_client.get("/"))["style-src"] == ["'self'"]
    assert directives(staff_client.get("/"))["script-src"] == ["'self'"]
