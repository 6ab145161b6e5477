"""The site's navigation and footer are kept as HTML for the edition and the site's
generation (selectors.site_chrome_key): every page still marks its own section and the
home page its own link, and a section or footer page added, renamed or withdrawn shows
on the next request."""

import pytest
from lxml import html

from pages.models import Page
from tests.articles.factories import ArticleFactory, CategoryFactory
from tests.reader.helpers import uncached

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections():
    news = CategoryFactory(name="News", name_de="Nachrichten", slug="news")
    reviews = CategoryFactory(name="Reviews", name_de="Tests", slug="reviews")
    return news, reviews


def tree(client, url):
    response = client.get(uncached(url))
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def nav(page) -> list[tuple[str, str | None]]:
    return [(a.text_content(), a.get("aria-current"))
            for a in page.xpath("//nav[@class='site-nav']//a")]  # fmt: skip


def footer_sections(page) -> list[str]:
    return page.xpath("//footer//nav[h2[text()='Sections' or text()='Rubriken']]//a/text()")


def test_each_page_marks_its_own_section_and_only_home_marks_home(client, sections):
    news, reviews = sections
    story = ArticleFactory(category=CategoryFactory(parent=news, name="Space", slug="space"))
    review = ArticleFactory(category=reviews)
    # Each page twice: the second reads the kept navigation.
    for _ in range(2):
        assert nav(tree(client, "/")) == [("Home", "page"), ("News", None), ("Reviews", None)]
        assert nav(tree(client, story.get_absolute_url())) == [
            ("Home", None), ("News", "true"), ("Reviews", None)]  # fmt: skip
        assert nav(tree(client, review.get_absolute_url())) == [
            ("Home", None), ("News", None), ("Reviews", "true")]  # fmt: skip
        assert nav(tree(client, "/search/?q=x")) == [
            ("Home", None), ("News", None), ("Reviews", None)]  # fmt: skip


def test_the_navigation_and_footer_are_rendered_once_and_then_read_as_html(
    client, sections, monkeypatch
):
    from reader import context_processors

    reads = []
    top = context_processors.top_categories
    monkeypatch.setattr(context_processors, "top_categories", lambda: reads.append(1) or top())
    first = tree(client, "/")
    second = tree(client, "/")
    assert len(reads) == 1
    assert html.tostring(second.xpath("//nav[@class='site-nav']")[0]) == html.tostring(
        first.xpath("//nav[@class='site-nav']")[0]
    )
    assert footer_sections(second) == ["News", "Reviews"]


def test_a_section_added_renamed_or_removed_shows_in_nav_and_footer_next_request(client, sections):
    news, reviews = sections
    assert footer_sections(tree(client, "/")) == ["News", "Reviews"]
    CategoryFactory(name="Guides", slug="guides")
    reviews.name = "Hands-on"
    reviews.save()
    news.delete()
    page = tree(client, "/")
    assert [name for name, _ in nav(page)] == ["Home", "Hands-on", "Guides"]
    assert footer_sections(page) == ["Hands-on", "Guides"]


def test_a_footer_page_published_or_withdrawn_shows_on_the_next_request(client, sections):
    assert tree(client, "/").xpath("//ul[@class='site-footer__pages']//a/text()") == []
    about = Page.objects.create(title="About us", slug="about", is_published=True,
                                show_in_footer=True)  # fmt: skip
    assert tree(client, "/").xpath("//ul[@class='site-footer__pages']//a/text()") == ["About us"]
    about.is_published = False
    about.save()
    assert tree(client, "/").xpath("//ul[@class='site-footer__pages']//a/text()") == []


def test_each_edition_keeps_its_own_navigation(client, sections):
    assert [name for name, _ in nav(tree(client, "/"))] == ["Home", "News", "Reviews"]
    german = tree(client, "/de/")
    assert [name for name, _ in nav(german)] == ["Startseite", "Nachrichten", "Tests"]
    assert german.xpath("//nav[@class='site-nav']//a/@href")[0] == "/de/"
    assert footer_sections(german) == ["Nachrichten", "Tests"]
    assert [name for name, _ in nav(tree(client, "/"))] == ["Home", "News", "Reviews"]
