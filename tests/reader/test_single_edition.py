"""A single-language installation (EDITIONS=en): no switcher, no hreflang alternates,
no /de/ URLs. Settings are read once per process, so the site runs in a fresh
interpreter with its own database, and pages are fetched with the test client."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.test import Client
from lxml import etree, html
from tests.articles.factories import ArticleFactory, CategoryFactory

news = CategoryFactory(name="News", slug="news")
article = ArticleFactory(category=news, title="Only English", slug="only-english", tags=["chips"])
client = Client(HTTP_HOST="127.0.0.1")
pages = {}
for url in ["/", article.get_absolute_url(), "/news/", "/tag/chips/", "/search/?q=English",
            "/newsletter/", "/de/", "/de/news/", "/de/newsletter/"]:
    response = client.get(url)
    page = {"status": response.status_code}
    if response.status_code == 200:
        tree = html.fromstring(response.content.decode())
        page.update(
            lang=tree.xpath("/html/@lang")[0],
            switcher=len(tree.xpath("//*[contains(@class, 'edition-switcher')]")),
            hreflang=len(tree.xpath("//*[@hreflang]")),
            og_locale=tree.xpath("//meta[@property='og:locale']/@content"),
            og_alternates=len(tree.xpath("//meta[@property='og:locale:alternate']")),
            de_urls=[u for u in tree.xpath("//@href | //@action") if u.startswith("/de/")],
        )
    pages[url] = page
sitemap = client.get("/sitemaps/articles.xml").content
links = etree.fromstring(sitemap).findall(".//{http://www.w3.org/1999/xhtml}link")
robots = client.get("/robots.txt").content.decode()
print(json.dumps({"pages": pages, "sitemap_alternates": len(links), "robots": robots}))
"""


@pytest.fixture(scope="module")
def single_edition_site(tmp_path_factory):
    database = tmp_path_factory.mktemp("single") / "db.sqlite3"
    keep_out = {"DATABASE_URL", "CACHE_URL", "EDITIONS", "LANGUAGE_CODE", "DEBUG", "SITE_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in keep_out}
    environment.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        EDITIONS="en",
        DATABASE_URL=f"sqlite:///{database}",
        CACHE_URL="locmemcache://",
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


READER_PAGES = ["/", "/news/only-english/", "/news/", "/tag/chips/", "/search/?q=English",
                "/newsletter/"]  # fmt: skip


@pytest.mark.parametrize("url", READER_PAGES)
def test_a_single_edition_shows_no_switcher_no_alternates_and_no_other_edition(
    single_edition_site, url
):
    page = single_edition_site["pages"][url]
    assert page["status"] == 200
    assert page["lang"] == "en"
    assert page["switcher"] == 0
    assert page["hreflang"] == 0
    assert page["og_locale"] == ["en_US"]
    assert page["og_alternates"] == 0
    assert page["de_urls"] == []


@pytest.mark.parametrize("url", ["/de/", "/de/news/", "/de/newsletter/"])
def test_a_single_edition_has_no_german_urls(single_edition_site, url):
    assert single_edition_site["pages"][url]["status"] == 404


def test_a_single_editions_sitemap_and_robots_txt_name_only_it(single_edition_site):
    assert single_edition_site["sitemap_alternates"] == 0
    assert "/de/" not in single_edition_site["robots"]
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in single_edition_site["robots"]
