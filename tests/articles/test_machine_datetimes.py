"""Every date written for machines (HTML, JSON-LD, Open Graph, feeds, sitemaps) has one form:
ISO 8601 to the second, with its offset. HTML's <time datetime> allows at most three
digits of a second's fraction, and the database keeps six."""

import json
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import pytest
from django.template import Context, Template
from django.utils import timezone
from lxml import etree, html

from core.dates import machine_datetime
from tests.articles.factories import ArticleFactory
from tests.reader_pages import build_reader_site

pytestmark = pytest.mark.django_db

MACHINE_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)")
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def malformed(values) -> list[str]:
    return [value for value in values if not MACHINE_DATETIME.fullmatch(value or "")]


def test_the_helper_gives_whole_seconds_with_the_offset_of_the_sites_time_zone(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    moment = datetime(2026, 12, 1, 10, 29, 48, 601942, tzinfo=UTC)
    assert machine_datetime(moment) == "2026-12-01T11:29:48+01:00"
    assert machine_datetime(None) is None
    template = Template("{% load machine_datetime from core %}{{ moment|machine_datetime }}")
    assert template.render(Context({"moment": moment})) == "2026-12-01T11:29:48+01:00"


def test_every_datetime_attribute_on_every_reader_page_is_whole_seconds_with_an_offset(client):
    pages = build_reader_site()
    found = {}
    for name, url in pages.items():
        tree = html.fromstring(client.get(url).content)
        values = tree.xpath("//@datetime | //meta[contains(@property, '_time')]/@content")
        found[name] = values
        assert malformed(values) == [], name
    # Teasers, the byline and comments all carry dates: the walk above saw them.
    assert all(found[name] for name in ("home", "category", "subcategory", "article", "tag",
                                        "author", "search"))  # fmt: skip
    assert len(found["article"]) >= 6  # byline, Open Graph, four comments


def test_json_ld_dates_are_whole_seconds_with_an_offset(client):
    article = ArticleFactory()
    tree = html.fromstring(client.get(article.get_absolute_url()).content)
    blocks = [json.loads(s) for s in tree.xpath("//script[@type='application/ld+json']/text()")]
    (news,) = [block for block in blocks if block["@type"] == "NewsArticle"]
    assert malformed([news["datePublished"], news["dateModified"]]) == []
    assert news["datePublished"] == timezone.localtime(article.published_at).isoformat(
        timespec="seconds"
    )


def test_feed_dates_are_whole_seconds(client):
    article = ArticleFactory()
    atom = etree.fromstring(client.get("/feeds/atom/").content)
    stamps = [node.text for node in atom.iter(f"{ATOM}updated", f"{ATOM}published")]
    assert len(stamps) == 3 and malformed(stamps) == []  # the feed's, the entry's two
    rss = etree.fromstring(client.get("/feeds/rss/").content)
    (pub_date,) = [node.text for node in rss.iter("pubDate")]
    assert parsedate_to_datetime(pub_date) == article.published_at.replace(microsecond=0)


def test_sitemap_dates_are_whole_seconds_with_an_offset(client):
    ArticleFactory(tags=["chips"])
    lastmods = []
    for section in ("articles", "categories"):
        urlset = etree.fromstring(client.get(f"/sitemaps/{section}.xml").content)
        lastmods += [node.text for node in urlset.iter(f"{SM}lastmod")]
    news = etree.fromstring(client.get("/sitemaps/news.xml").content)
    published = [node.text for node in news.iter(f"{NEWS}publication_date")]
    assert len(lastmods) == 2 and len(published) == 1
    assert malformed(lastmods + published) == []
