from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.syndication.views import Feed
from django.urls import URLPattern, reverse
from django.utils import timezone
from lxml import etree
from lxml import html as lxml_html

from reader import urls as reader_urls
from tests.articles.factories import ArticleFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db


# The sitemaps.org schema (a public standard file) travels with the suite, so a clone
# with nothing beside it can validate against it.
SITEMAP_XSD = Path(__file__).resolve().parents[1] / "schemas" / "sitemap.xsd"
# The same with the <xhtml:link> hreflang alternates declared (our own small schema).
SITEMAP_WITH_ALTERNATES_XSD = SITEMAP_XSD.with_name("sitemap-with-alternates.xsd")


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "http://127.0.0.1:8000"


def xml(client, url: str, content_type: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(content_type)
    return etree.fromstring(response.content)


@pytest.fixture
def site():
    news = CategoryFactory(name="News", slug="news")
    space = CategoryFactory(name="Space", slug="space", parent=news)
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    author = UserFactory(first_name="Sally", last_name="Ride")
    return {
        "rocket": ArticleFactory(category=space, title="Rocket lands", tags=["rockets"],
                                 authors=[author],
                                 published_at=timezone.now() - timedelta(hours=2)),
        "review": ArticleFactory(category=reviews, title="Phone review", tags=["phones"],
                                 published_at=timezone.now() - timedelta(days=5)),
        "draft": ArticleFactory(category=space, title="Draft", tags=["secret-tag"], draft=True),
        "scheduled": ArticleFactory(category=space, title="Scheduled", tags=["soon"],
                                    published_at=timezone.now() + timedelta(hours=3)),
        "news": news,
    }  # fmt: skip


# ------------------------------------------------------------------------------
# Feeds
# ------------------------------------------------------------------------------
def test_the_rss_feed_lists_published_articles_newest_first(client, site):
    channel = xml(client, "/feeds/rss/", "application/rss+xml").find("channel")
    assert channel.findtext("title") == "Newsroom"
    assert channel.findtext("link") == f"{SITE}/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Rocket lands", "Phone review"]
    rocket = items[0]
    assert rocket.findtext("link") == f"{SITE}{site['rocket'].get_absolute_url()}"
    assert rocket.findtext("description") == site["rocket"].lead
    assert rocket.findtext("pubDate")
    assert [c.text for c in rocket.findall("category")] == ["Space", "rockets"]
    assert "Sally Ride" in etree.tostring(rocket).decode()


def test_the_atom_feed_parses_and_names_authors_and_dates(client, site):
    feed = xml(client, "/feeds/atom/", "application/atom+xml")
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Rocket lands", "Phone review"]
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Sally Ride"
    assert entries[0].findtext(f"{ATOM}published")
    assert entries[0].findtext(f"{ATOM}updated")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}/feeds/atom/"


def test_a_category_feed_includes_its_subcategories_only(client, site):
    for url, ns in (("/feeds/rss/news/", ""), ("/feeds/atom/news/", ATOM)):
        root = xml(client, url, "application/")
        titles = [node.text for node in root.iter(f"{ns}title")]
        assert "Rocket lands" in titles
        assert "Phone review" not in titles and "Draft" not in titles
    assert client.get("/feeds/rss/no-such-section/").status_code == 404


MARKUP = "Tom & Jerry <img src=x onerror=alert(1)> <b>bold</b>"


def feed_urls(category) -> list[str]:
    """Every feed the site serves: each URL pattern whose view is a syndication Feed,
    the category feeds pointed at `category`."""
    urls = []
    for pattern in reader_urls.urlpatterns:
        if isinstance(pattern, URLPattern) and isinstance(
            getattr(pattern.callback, "__wrapped__", None), Feed
        ):
            kwargs = {"path": category.path} if "path" in pattern.pattern.converters else {}
            urls.append(reverse(f"reader:{pattern.name}", kwargs=kwargs))
    return urls


def shown_as_html(markup: str | None) -> str:
    """What a feed reader shows for a field it renders as HTML; fails on any element."""
    fragment = lxml_html.fragment_fromstring(markup or "", create_parent="div")
    assert [child.tag for child in fragment] == [], f"markup became elements: {markup!r}"
    return fragment.text_content()


def test_plain_text_with_markup_reaches_feed_readers_as_text_in_every_feed(client):
    category = CategoryFactory(name=f"Cat {MARKUP}", slug="cat", description=MARKUP)
    author = UserFactory(first_name=MARKUP, last_name="Smith")
    article = ArticleFactory(category=category, title=MARKUP, lead=MARKUP, authors=[author],
                             tags=[f"tag {MARKUP}"])  # fmt: skip
    urls = feed_urls(category)
    assert len(urls) == 4, urls
    for url in urls:
        root = xml(client, url, "application/")
        of_category = f"/{category.path}/" in url
        feed_title = f"{category.name} – Newsroom" if of_category else "Newsroom"
        if root.tag == "rss":
            assert root.findtext("channel/title") == feed_title
            if of_category:
                assert root.findtext("channel/description") == MARKUP
            item = root.find("channel/item")
            assert item.findtext("title") == MARKUP
            # The one field RSS readers render as HTML.
            assert shown_as_html(item.findtext("description")) == MARKUP
            assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == f"{MARKUP} Smith"
            assert [c.text for c in item.findall("category")] == [category.name, f"tag {MARKUP}"]
        else:
            entry = root.find(f"{ATOM}entry")
            assert entry.findtext(f"{ATOM}title") == MARKUP
            summary = entry.find(f"{ATOM}summary")
            assert summary.get("type") == "html"
            assert shown_as_html(summary.text) == MARKUP
            assert entry.findtext(f"{ATOM}author/{ATOM}name") == f"{MARKUP} Smith"
            terms = [c.get("term") for c in entry.findall(f"{ATOM}category")]
            assert terms == [category.name, f"tag {MARKUP}"]
            assert root.find(f"{ATOM}title").get("type") in (None, "text")
            assert root.findtext(f"{ATOM}title") == feed_title
            if of_category:
                assert root.findtext(f"{ATOM}subtitle") == MARKUP
        assert article.get_absolute_url() in etree.tostring(root).decode(), url


# ------------------------------------------------------------------------------
# Sitemaps
# ------------------------------------------------------------------------------
def test_the_sitemap_index_names_news_articles_categories_and_tags(client, site):
    index = xml(client, "/sitemap.xml", "application/xml")
    assert index.tag == f"{SM}sitemapindex"
    locations = [loc.text for loc in index.iter(f"{SM}loc")]
    assert locations == [
        f"{SITE}/sitemaps/news.xml",
        f"{SITE}/sitemaps/articles.xml",
        f"{SITE}/sitemaps/categories.xml",
        f"{SITE}/sitemaps/tags.xml",
    ]


def test_every_sitemap_section_is_valid_against_the_sitemaps_schema(client, site):
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_WITH_ALTERNATES_XSD)))
    for section in ("articles", "categories", "tags"):
        document = xml(client, f"/sitemaps/{section}.xml", "application/xml")
        assert schema.validate(document), (section, schema.error_log)


def test_sitemaps_hold_only_what_readers_may_see(client, site):
    def locations(section):
        document = xml(client, f"/sitemaps/{section}.xml", "application/xml")
        return [loc.text for loc in document.iter(f"{SM}loc")]

    assert locations("articles") == [
        f"{SITE}{site['rocket'].get_absolute_url()}",
        f"{SITE}{site['review'].get_absolute_url()}",
    ]
    assert locations("tags") == [f"{SITE}/tag/phones/", f"{SITE}/tag/rockets/"]
    assert f"{SITE}/news/space/" in locations("categories")
    lastmods = xml(client, "/sitemaps/categories.xml", "application/xml").iter(f"{SM}lastmod")
    assert all(lastmod.text for lastmod in lastmods)


def test_the_news_sitemap_has_the_last_48_hours_in_googles_format(client, site):
    document = xml(client, "/sitemaps/news.xml", "application/xml")
    urls = document.findall(f"{SM}url")
    assert [url.findtext(f"{SM}loc") for url in urls] == [
        f"{SITE}{site['rocket'].get_absolute_url()}"
    ]
    news = urls[0].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Newsroom"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}title") == "Rocket lands"
    assert news.findtext(f"{NEWS}publication_date").startswith(
        site["rocket"].published_at.strftime("%Y-%m-%dT%H:%M")
    )


def test_an_empty_section_is_left_out_of_the_index_and_is_404(client):
    ArticleFactory(published_at=timezone.now() - timedelta(days=3))  # no tags, not news
    index = xml(client, "/sitemap.xml", "application/xml")
    locations = [loc.text for loc in index.iter(f"{SM}loc")]
    assert f"{SITE}/sitemaps/tags.xml" not in locations
    assert f"{SITE}/sitemaps/news.xml" not in locations
    assert client.get("/sitemaps/tags.xml").status_code == 404
    assert client.get("/sitemaps/articles.xml?p=2").status_code == 404
    assert client.get("/sitemaps/nonsense.xml").status_code == 404


def test_robots_txt_names_the_sitemaps(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert f"Sitemap: {SITE}/sitemaps/news.xml" in lines
    assert "Disallow: /admin/" in lines
