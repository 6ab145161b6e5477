"""The reader site's editions: the language switcher, hreflang and Open Graph locales,
JSON-LD links between translations, lang attributes on names from another edition,
and feeds, sitemaps and search per edition."""

import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree, html

from tests.articles.factories import ArticleFactory, CategoryFactory
from tests.reader.helpers import uncached, without_other_apps_blocks  # noqa: F401
from tests.reader.test_feeds_and_sitemaps import SITEMAP_WITH_ALTERNATES_XSD

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content.decode())


def switcher(tree) -> list[dict]:
    return [
        {"href": a.get("href"), "text": a.text_content(), "lang": a.get("lang"),
         "hreflang": a.get("hreflang")}
        for a in tree.xpath("//nav[contains(@class, 'edition-switcher')]//a")
    ]  # fmt: skip


def alternates(tree) -> dict[str, str]:
    links = tree.xpath("//head/link[@rel='alternate'][@hreflang]")
    return {link.get("hreflang"): link.get("href") for link in links}


def json_ld(tree, kind: str) -> dict:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        data = json.loads(script.text)
        if data["@type"] == kind:
            return data
    raise AssertionError(f"no {kind}")


@pytest.fixture
def sections():
    news = CategoryFactory(name="News", slug="news", name_de="Nachrichten", slug_de="nachrichten")
    # Not named in German yet: German pages show the English name.
    space = CategoryFactory(name="Space", slug="space", parent=news)
    return {"news": news, "space": space}


@pytest.fixture
def pair(sections):
    """An English story and its German translation, both published."""
    original = ArticleFactory(
        category=sections["news"], title="Rocket lands", slug="rocket-lands", tags=["rockets"]
    )
    german = ArticleFactory(
        category=sections["news"], language="de", title="Rakete gelandet", slug="rakete-gelandet",
        translation_key=original.translation_key, translation_of=original, tags=["Raketen"],
    )  # fmt: skip
    return original, german


# ------------------------------------------------------------------------------
# The switcher
# ------------------------------------------------------------------------------
def test_an_article_switches_to_its_published_translation_and_back(client, pair):
    original, german = pair
    assert german.get_absolute_url() == "/de/nachrichten/rakete-gelandet/"
    assert switcher(page(client, original.get_absolute_url())) == [
        {"href": "/de/nachrichten/rakete-gelandet/", "text": "Deutsch", "lang": "de",
         "hreflang": "de"},
    ]  # fmt: skip
    assert switcher(page(client, german.get_absolute_url())) == [
        {"href": "/news/rocket-lands/", "text": "English", "lang": "en", "hreflang": "en"},
    ]


def test_an_article_without_a_published_translation_switches_to_the_other_home(client, sections):
    alone = ArticleFactory(category=sections["news"])
    ArticleFactory(
        category=sections["news"], language="de", translation_key=alone.translation_key,
        translation_of=alone, draft=True,
    )  # fmt: skip
    tree = page(client, alone.get_absolute_url())
    assert [link["href"] for link in switcher(tree)] == ["/de/"]
    assert alternates(tree) == {}


def test_a_section_page_switches_to_the_same_section_in_the_other_edition(client, sections):
    assert [link["href"] for link in switcher(page(client, "/news/space/"))] == [
        "/de/nachrichten/space/"
    ]
    assert [link["href"] for link in switcher(page(client, "/de/nachrichten/"))] == ["/news/"]


def test_a_tag_page_switches_to_the_tag_only_in_editions_where_it_has_articles(client, pair):
    original, german = pair
    assert [link["href"] for link in switcher(page(client, "/tag/rockets/"))] == ["/de/"]
    german.tags.add("rockets")
    assert [link["href"] for link in switcher(page(client, "/tag/rockets/"))] == [
        "/de/tag/rockets/"
    ]
    assert [link["href"] for link in switcher(page(client, "/de/tag/raketen/"))] == ["/"]


def test_home_search_and_other_pages_switch_to_the_same_page_in_the_other_edition(client):
    assert [link["href"] for link in switcher(page(client, "/"))] == ["/de/"]
    assert [link["href"] for link in switcher(page(client, "/de/"))] == ["/"]
    assert [link["href"] for link in switcher(page(client, "/search/?q=mars+rover&page=1"))] == [
        "/de/search/?q=mars+rover"
    ]
    assert [link["href"] for link in switcher(page(client, "/de/newsletter/"))] == ["/newsletter/"]
    missing = html.fromstring(client.get("/de/no-such-section/").content.decode())
    assert [link["href"] for link in switcher(missing)] == ["/"]


@pytest.mark.usefixtures("without_other_apps_blocks")
def test_the_switcher_and_alternates_cost_no_query_per_link(client, sections):
    """The article page asks once for the story's translations, however many there are;
    section pages and the home page ask nothing more than before (their pins elsewhere)."""
    article = ArticleFactory(category=sections["news"])

    def cost(url):
        client.get(url)  # warm the tree and "Popular now"
        with CaptureQueriesContext(connection) as queries:
            assert client.get(uncached(url)).status_code == 200
        return len(queries)

    alone = cost(article.get_absolute_url())
    ArticleFactory(
        category=sections["news"], language="de", translation_key=article.translation_key,
        translation_of=article,
    )  # fmt: skip
    assert cost(article.get_absolute_url()) == alone
    cache.clear()
    section = cost("/news/")
    assert section == cost("/de/nachrichten/")


# ------------------------------------------------------------------------------
# hreflang, Open Graph, JSON-LD
# ------------------------------------------------------------------------------
def test_hreflang_alternates_are_reciprocal_with_the_english_version_as_x_default(client, pair):
    expected = {
        "en": f"{SITE}/news/rocket-lands/",
        "de": f"{SITE}/de/nachrichten/rakete-gelandet/",
        "x-default": f"{SITE}/news/rocket-lands/",
    }
    original, german = pair
    assert alternates(page(client, original.get_absolute_url())) == expected
    assert alternates(page(client, german.get_absolute_url())) == expected


def test_home_and_section_pages_announce_their_versions_but_later_pages_do_not(client, sections):
    assert alternates(page(client, "/de/")) == {
        "en": f"{SITE}/", "de": f"{SITE}/de/", "x-default": f"{SITE}/",
    }  # fmt: skip
    assert alternates(page(client, "/news/space/")) == {
        "en": f"{SITE}/news/space/",
        "de": f"{SITE}/de/nachrichten/space/",
        "x-default": f"{SITE}/news/space/",
    }
    ArticleFactory.create_batch(21, category=sections["news"])
    assert alternates(page(client, "/news/?page=2")) == {}
    assert alternates(page(client, "/search/?q=news")) == {}


def test_open_graph_names_the_locale_and_each_translations(client, pair):
    original, german = pair
    tree = page(client, german.get_absolute_url())
    assert tree.xpath("//meta[@property='og:locale']/@content") == ["de_DE"]
    assert tree.xpath("//meta[@property='og:locale:alternate']/@content") == ["en_US"]
    alone = page(client, ArticleFactory(category=original.category).get_absolute_url())
    assert alone.xpath("//meta[@property='og:locale']/@content") == ["en_US"]
    assert alone.xpath("//meta[@property='og:locale:alternate']") == []
    # Pages that announce no versions name no alternate locale either.
    newsletter = page(client, "/de/newsletter/")
    assert newsletter.xpath("//meta[@property='og:locale']/@content") == ["de_DE"]
    assert newsletter.xpath("//meta[@property='og:locale:alternate']") == []


def test_json_ld_links_a_translation_to_its_original_and_back(client, pair):
    original, german = pair
    english = json_ld(page(client, original.get_absolute_url()), "NewsArticle")
    assert english["inLanguage"] == "en"
    assert "translationOfWork" not in english
    assert [work["url"] for work in english["workTranslation"]] == [
        f"{SITE}/de/nachrichten/rakete-gelandet/"
    ]
    translated = json_ld(page(client, german.get_absolute_url()), "NewsArticle")
    assert translated["inLanguage"] == "de"
    assert translated["translationOfWork"]["url"] == f"{SITE}/news/rocket-lands/"
    assert "workTranslation" not in translated
    assert json_ld(page(client, "/de/"), "WebSite")["inLanguage"] == "de"


def test_an_unpublished_original_is_not_named_in_json_ld(client, pair):
    original, german = pair
    original.status = "draft"
    original.save()
    data = json_ld(page(client, german.get_absolute_url()), "NewsArticle")
    assert "translationOfWork" not in data


# ------------------------------------------------------------------------------
# lang attributes
# ------------------------------------------------------------------------------
def test_a_name_with_no_german_yet_is_marked_english_on_german_pages(client, pair):
    original, german = pair
    german.category = original.category.get_children().get()  # "Space", English only
    german.save()
    tree = page(client, german.get_absolute_url())
    assert tree.xpath("/html/@lang") == ["de"]
    crumbs = tree.xpath("//nav[contains(@class, 'breadcrumbs')]//a")
    assert [(a.text_content(), a.get("lang")) for a in crumbs] == [
        ("Startseite", None), ("Nachrichten", None), ("Space", "en"),
    ]  # fmt: skip
    nav = tree.xpath("//nav[contains(@class, 'site-nav')]//a")
    assert ("Nachrichten", None) in [(a.text_content(), a.get("lang")) for a in nav]
    # "rockets" was typed on the English article; the German one carries "Raketen".
    german.tags.add("rockets")
    tree = page(client, german.get_absolute_url())
    tags = tree.xpath("//ul[@class='article__tags']//a")
    assert sorted((a.text_content(), a.get("lang")) for a in tags) == [
        ("Raketen", None), ("rockets", "en"),
    ]  # fmt: skip
    section = page(client, "/de/nachrichten/space/")
    assert section.xpath("//h1/@lang") == ["en"]
    assert page(client, "/de/tag/rockets/").xpath("//h1/@lang") == ["en"]


def test_a_section_name_with_no_german_yet_is_marked_inside_a_german_sentence(client):
    reviews = CategoryFactory(name="Reviews", slug="reviews")  # no German name yet
    ArticleFactory.create_batch(8, category=reviews, language="de")
    links = page(client, "/de/").xpath("//p[@class='section-block__more']/a")
    assert [html.tostring(a, encoding="unicode").split(">", 1)[1] for a in links] == [
        'Mehr in <span lang="en">Reviews</span> <span aria-hidden="true">→</span></a>'
    ]


def test_english_pages_mark_no_english_name(client, pair):
    tree = page(client, pair[0].get_absolute_url())
    assert tree.xpath("/html/@lang") == ["en"]
    assert tree.xpath("//body//*[@lang and not(ancestor::nav[contains(@class, 'edition')])]") == []


# ------------------------------------------------------------------------------
# Feeds, sitemaps, robots.txt, search
# ------------------------------------------------------------------------------
def test_the_german_feed_lists_german_articles_only_in_german(client, pair):
    original, german = pair
    channel = etree.fromstring(client.get("/de/feeds/rss/").content).find("channel")
    assert channel.findtext("language") == "de"
    assert [item.findtext("title") for item in channel.iter("item")] == ["Rakete gelandet"]
    assert channel.findtext("link") == f"{SITE}/de/"
    english = etree.fromstring(client.get("/feeds/rss/").content).find("channel")
    assert english.findtext("language") == "en"
    assert [item.findtext("title") for item in english.iter("item")] == ["Rocket lands"]


def test_category_feeds_live_at_the_editions_own_paths(client, pair):
    response = client.get("/de/feeds/rss/nachrichten/")
    assert response.status_code == 200
    channel = etree.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("Nachrichten")
    assert [item.findtext("title") for item in channel.iter("item")] == ["Rakete gelandet"]
    tree = page(client, "/de/nachrichten/")
    assert "/de/feeds/rss/nachrichten/" in tree.xpath("//link[@type='application/rss+xml']/@href")


def _sitemap(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return etree.fromstring(response.content)


def _alternates_by_loc(document) -> dict[str, dict[str, str]]:
    return {
        url.findtext(f"{SM}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in document.iter(f"{SM}url")
    }


def test_sitemaps_carry_reciprocal_hreflang_alternates_and_stay_valid(client, pair):
    ArticleFactory(category=pair[0].category, slug="alone")
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_WITH_ALTERNATES_XSD)))
    english = _sitemap(client, "/sitemaps/articles.xml")
    german = _sitemap(client, "/de/sitemaps/articles.xml")
    for document in (english, german):
        assert schema.validate(document), schema.error_log
    expected = {
        "en": f"{SITE}/news/rocket-lands/",
        "de": f"{SITE}/de/nachrichten/rakete-gelandet/",
        "x-default": f"{SITE}/news/rocket-lands/",
    }
    assert _alternates_by_loc(english) == {
        f"{SITE}/news/rocket-lands/": expected, f"{SITE}/news/alone/": {},
    }  # fmt: skip
    assert _alternates_by_loc(german) == {f"{SITE}/de/nachrichten/rakete-gelandet/": expected}
    sections = _alternates_by_loc(_sitemap(client, "/de/sitemaps/categories.xml"))
    assert sections[f"{SITE}/de/nachrichten/space/"]["en"] == f"{SITE}/news/space/"


def test_the_sitemap_schema_refuses_a_malformed_alternate():
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_WITH_ALTERNATES_XSD)))
    document = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://example.org/a/</loc>'
        b'<xhtml:link rel="alternate" href="https://example.org/de/a/"/></url></urlset>'
    )
    assert not schema.validate(document)  # no hreflang


def test_robots_txt_names_every_editions_sitemaps_and_private_paths(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for line in (
        f"Sitemap: {SITE}/sitemap.xml", f"Sitemap: {SITE}/de/sitemap.xml",
        f"Sitemap: {SITE}/de/sitemaps/news.xml", "Disallow: /de/search/", "Disallow: /search/",
    ):  # fmt: skip
        assert line in lines


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_postgresql_searches_each_edition_in_its_own_language(client, sections):
    ArticleFactory(
        category=sections["news"], language="de", title="Die Häuser der Zukunft",
        published_at=timezone.now() - timedelta(hours=1),
    )  # fmt: skip
    ArticleFactory(category=sections["news"], title="Haus music returns")
    # German stemming finds "Häuser" for "Haus"; the English article is not German.
    tree = page(client, "/de/search/?q=Haus")
    assert [h.text_content().strip() for h in tree.xpath("//main//h2/a | //main//h3/a")] == [
        "Die Häuser der Zukunft"
    ]
    with CaptureQueriesContext(connection) as queries:
        page(client, "/de/search/?q=Haus")
    assert any("'german'" in query["sql"] for query in queries.captured_queries)


def test_x_default_is_the_stories_original_where_the_default_edition_has_no_version(
    settings,
):
    """With a third edition, a story may exist in two editions neither of which is the
    default one: x-default then names the original the others were translated from."""
    from reader.editions import hreflang_alternates, story_urls

    german = ArticleFactory(language="de", slug="original-de")
    settings.LANGUAGES = [("en", "English"), ("de", "German"), ("fr", "French")]
    french = ArticleFactory.build(
        language="fr", slug="traduction", category=german.category,
        translation_key=german.translation_key, translation_of=german,
    )  # fmt: skip
    french.get_absolute_url = lambda: "/fr/news/traduction/"  # no French URLs are routed
    urls, x_default = story_urls([french, german])
    assert x_default == german.get_absolute_url()
    assert hreflang_alternates(urls, x_default=x_default) == {
        "de": f"{SITE}{german.get_absolute_url()}",
        "fr": f"{SITE}/fr/news/traduction/",
        "x-default": f"{SITE}{german.get_absolute_url()}",
    }


def test_a_static_page_switches_to_its_published_translation_else_home(client):
    from pages.models import Page

    about = Page.objects.create(title="About us", slug="about", is_published=True)
    assert [link["href"] for link in switcher(page(client, "/page/about/"))] == ["/de/"]
    Page.objects.create(
        title="Über uns", slug="ueber-uns", language="de", is_published=True,
        translation_key=about.translation_key,
    )  # fmt: skip
    assert [link["href"] for link in switcher(page(client, "/page/about/"))] == [
        "/de/page/ueber-uns/"
    ]
    assert alternates(page(client, "/de/page/ueber-uns/")) == {
        "en": f"{SITE}/page/about/", "de": f"{SITE}/de/page/ueber-uns/",
        "x-default": f"{SITE}/page/about/",
    }  # fmt: skip
