import io
import json
from datetime import timedelta

import factory
import pytest
from django.core.cache import cache
from django.utils import timezone
from lxml import html

from articles.models import Category
from tests.articles.factories import (
    ArticleDailyViewsFactory,
    ArticleFactory,
    CategoryFactory,
    ImageFactory,
    UserFactory,
)
from tests.images import upload
from tests.reader.helpers import uncached, without_other_apps_blocks  # noqa: F401

pytestmark = pytest.mark.django_db


def tree_of(response):
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def headlines(tree) -> list[str]:
    return [" ".join(a.text_content().split()) for a in tree.xpath("//h2[@class='teaser__title']")]


@pytest.fixture
def sections():
    news = CategoryFactory(name="News", slug="news")
    it_news = CategoryFactory(name="IT news", slug="it-news", parent=news)
    space = CategoryFactory(name="Space", slug="space", parent=CategoryFactory(
        name="Science", slug="science", parent=news))  # fmt: skip
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    return {"news": news, "it": it_news, "space": space, "reviews": reviews}


# ------------------------------------------------------------------------------
# Home
# ------------------------------------------------------------------------------
def test_home_shows_the_latest_a_block_per_section_and_popular_now(client, sections):
    old = ArticleFactory(category=sections["reviews"], title="Old review",
                         published_at=timezone.now() - timedelta(days=30))  # fmt: skip
    for i in range(8):
        ArticleFactory(category=sections["space"], title=f"Space story {i}",
                       published_at=timezone.now() - timedelta(hours=i + 1))  # fmt: skip
    ArticleFactory(category=sections["it"], draft=True, title="Secret draft")
    ArticleFactory(category=sections["it"], title="Scheduled",
                   published_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    ArticleDailyViewsFactory(article=old, views=12)

    page = client.get("/").content.decode()
    tree = html.fromstring(page)
    assert "Secret draft" not in page and "Scheduled" not in page
    top = tree.xpath("//section[@class='top-stories']//h3/a/text()")
    assert top == [f"Space story {i}" for i in range(7)]
    blocks = {
        section.xpath("string(.//h2)").strip(): section.xpath(".//h3/a/text()")
        for section in tree.xpath("//section[@class='section-block']")
    }
    # The newest seven are up top; the blocks go on from there, per top-level section.
    assert blocks == {"News": ["Space story 7"], "Reviews": ["Old review"]}
    assert tree.xpath("//section[@class='popular']//h3/a/text()") == ["Old review"]
    assert tree.xpath("//nav[@class='site-nav']//a/text()") == ["Home", "News", "Reviews"]
    assert tree.xpath("//link[@rel='canonical']/@href") == ["http://127.0.0.1:8000/"]
    (website,) = [json.loads(s) for s in tree.xpath("//script[@type='application/ld+json']/text()")]
    assert website["@type"] == "WebSite"
    assert website["potentialAction"]["target"] == (
        "http://127.0.0.1:8000/search/?q={search_term_string}"
    )


@pytest.mark.usefixtures("without_other_apps_blocks")
def test_home_costs_the_same_queries_however_many_articles_and_sections(
    client, django_assert_num_queries
):
    def grow(sections: int, per_section: int):
        for _ in range(sections):
            root = CategoryFactory()
            child = CategoryFactory(parent=root)
            for _ in range(per_section):
                article = ArticleFactory(category=child, tags=["a", "b"])
                ArticleDailyViewsFactory(article=article)

    for sections, per_section in ((1, 1), (6, 8)):
        grow(sections, per_section)
        cache.clear()
        # next scheduled publish time and the footer's static pages (cold cache only),
        # category tree, latest, section blocks (one windowed query), popular now
        with django_assert_num_queries(6):
            client.get("/")


def test_a_quiet_section_keeps_its_home_block_however_busy_the_others_are(client, monkeypatch):
    """Blocks are ranked among the newest articles only (their number does not grow with
    the archive); a section with none among them is looked up on its own."""
    from reader import selectors

    monkeypatch.setattr(selectors, "SECTION_CANDIDATES", 3)
    quiet = CategoryFactory(name="Quiet")
    ArticleFactory(category=quiet, title="An old quiet story",
                   published_at=timezone.now() - timedelta(days=30))  # fmt: skip
    busy = CategoryFactory(name="Busy")
    for _ in range(12):
        ArticleFactory(category=busy)
    page = client.get("/?fresh=1").content.decode()
    assert "An old quiet story" in page


# ------------------------------------------------------------------------------
# Category
# ------------------------------------------------------------------------------
def test_a_category_lists_its_own_and_its_descendants_articles_newest_first(client, sections):
    ArticleFactory(category=sections["news"], title="On News itself",
                   published_at=timezone.now() - timedelta(hours=3))  # fmt: skip
    ArticleFactory(category=sections["space"], title="Deep in Space",
                   published_at=timezone.now() - timedelta(hours=1))  # fmt: skip
    ArticleFactory(category=sections["reviews"], title="Another section")
    ArticleFactory(category=sections["it"], draft=True, title="Draft")

    tree = tree_of(client.get("/news/"))
    assert headlines(tree) == ["Deep in Space", "On News itself"]
    assert tree.xpath("//h1/text()") == ["News"]
    assert tree.xpath("//nav[@class='chips']//a/text()") == ["IT news", "Science"]


def test_a_subcategory_page_has_linked_breadcrumbs_and_its_own_feeds(client, sections):
    tree = tree_of(client.get("/news/science/space/"))
    crumbs = tree.xpath("//nav[@class='breadcrumbs']//li")
    assert [" ".join(li.text_content().split()) for li in crumbs] == [
        "Home", "News", "Science", "Space"]  # fmt: skip
    assert tree.xpath("//nav[@class='breadcrumbs']//a/@href") == ["/", "/news/", "/news/science/"]
    assert tree.xpath("//nav[@class='breadcrumbs']//*[@aria-current='page']/text()") == ["Space"]
    feeds = tree.xpath("//link[@rel='alternate']/@href")
    assert "/feeds/rss/news/science/space/" in feeds
    assert "/feeds/atom/news/science/space/" in feeds
    assert tree.xpath("//link[@rel='canonical']/@href") == [
        "http://127.0.0.1:8000/news/science/space/"]  # fmt: skip


def test_category_pages_paginate_and_refuse_pages_that_do_not_exist(client, sections):
    for i in range(25):
        ArticleFactory(category=sections["it"], title=f"Story {i:02}",
                       published_at=timezone.now() - timedelta(minutes=i + 1))  # fmt: skip
    first = tree_of(client.get("/news/it-news/"))
    second = tree_of(client.get("/news/it-news/?page=2"))
    assert len(headlines(first)) == 20 and len(headlines(second)) == 5
    assert headlines(second)[0] == "Story 20"
    assert first.xpath("//a[@rel='next']/@href") == ["?page=2"]
    assert second.xpath("//link[@rel='canonical']/@href") == [
        "http://127.0.0.1:8000/news/it-news/?page=2"]  # fmt: skip
    assert client.get("/news/it-news/?page=3").status_code == 404
    assert client.get("/news/it-news/?page=abc").status_code == 404


def test_an_inactive_category_is_404(client, sections):
    Category.objects.filter(pk=sections["reviews"].pk).update(is_active=False)
    cache.clear()
    assert client.get("/reviews/").status_code == 404


@pytest.mark.usefixtures("without_other_apps_blocks")
def test_category_page_costs_the_same_queries_however_many_articles(
    client, django_assert_num_queries, sections
):
    for count in (1, 30):
        for _ in range(count):
            ArticleFactory(category=sections["space"], tags=["x"])
        cache.clear()
        # next scheduled publish time, category tree and the footer's static pages (cold
        # cache only), count, the page's ids, its articles, popular now
        with django_assert_num_queries(7):
            client.get("/news/")
        # the page's ids, its articles: the tree, popular list and count are cached now
        with django_assert_num_queries(2):
            client.get(uncached("/news/"))
        with django_assert_num_queries(2):
            client.get("/news/?page=2" if count > 20 else uncached("/news/"))


# ------------------------------------------------------------------------------
# Tags and authors
# ------------------------------------------------------------------------------
def test_a_tag_page_lists_published_articles_with_that_tag(client):
    ArticleFactory(tags=["Quantum"], title="Qubits double")
    ArticleFactory(tags=["Quantum"], draft=True, title="Draft qubits")
    ArticleFactory(tags=["Other"], title="Unrelated")
    tree = tree_of(client.get("/tag/quantum/"))
    assert tree.xpath("//h1/text()") == ["Quantum"]
    assert headlines(tree) == ["Qubits double"]
    assert "1 article" in tree.xpath("string(//p[@class='page-header__count'])")


def test_a_tag_only_drafts_carry_does_not_exist_for_readers(client):
    ArticleFactory(tags=["unannounced-phone"], draft=True)
    assert client.get("/tag/unannounced-phone/").status_code == 404
    assert client.get("/tag/never-used/").status_code == 404


def test_an_author_page_lists_their_published_articles_at_a_readable_url(client):
    author = UserFactory(first_name="Grace", last_name="Hopper")
    ArticleFactory(authors=[author], title="Compilers at scale")
    ArticleFactory(authors=[author], draft=True, title="Unfinished")
    url = f"/author/{author.pk}-grace-hopper/"
    tree = tree_of(client.get(url))
    assert tree.xpath("//h1/text()") == ["Grace Hopper"]
    assert headlines(tree) == ["Compilers at scale"]
    assert tree.xpath("string(//p[@class='page-header__count'])").strip() == "1 article"
    for old in (f"/author/{author.pk}/", f"/author/{author.pk}-old-name/"):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == url


def test_staff_without_published_articles_have_no_author_page(client):
    editor = UserFactory(is_staff=True)
    ArticleFactory(authors=[editor], draft=True)
    assert client.get(f"/author/{editor.pk}/").status_code == 404
    assert client.get("/author/999999/").status_code == 404


# ------------------------------------------------------------------------------
# Errors
# ------------------------------------------------------------------------------
def test_the_404_page_is_in_the_site_design_with_a_search_form(client, sections):
    response = client.get("/news/no-such-story/")
    assert response.status_code == 404
    tree = html.fromstring(response.content.decode())
    assert tree.xpath("//h1/text()") == ["Page not found"]
    assert tree.xpath("//nav[@class='site-nav']//a/text()") == ["Home", "News", "Reviews"]
    assert tree.xpath("//main//form[@role='search']/@action") == ["/search/"]
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"]


def test_the_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    from django.template import loader

    with django_assert_num_queries(0):
        page = loader.get_template("500.html").render()
    tree = html.fromstring(page)
    assert tree.xpath("//h1/text()") == ["Something went wrong on our side"]
    assert "/static/css/site.css" in tree.xpath("//link[@rel='stylesheet']/@href")


def crop_of(settings, url: str):
    from django.core.files.storage import default_storage
    from PIL import Image as PILImage

    name = url.removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(name), name  # made when the page named it
    with default_storage.open(name) as stored:
        picture = PILImage.open(stored)
        picture.load()
    return picture


def test_teasers_show_the_featured_image_as_focal_crops_of_their_real_size(client, settings):
    article = ArticleFactory(
        featured_image=ImageFactory(file=factory.django.ImageField(width=1600, height=1200)),
        featured_image_alt="A chip on a fingertip",
    )
    ArticleFactory()  # a second story, so the first one is also in a grid below the lead
    tree = tree_of(client.get(article.category.get_absolute_url()))
    (img,) = tree.xpath("//article[@class='teaser']//img")
    assert img.get("alt") == "A chip on a fingertip"
    # A 16:9 crop of the 4:3 original: the size the browser reserves is the crop's.
    assert (img.get("width"), img.get("height")) == ("800", "450")
    sources = img.get("srcset").split(", ")
    assert [s.rsplit(" ", 1)[1] for s in sources] == ["800w", "1200w"]
    assert img.get("src") == sources[0].rsplit(" ", 1)[0]
    assert img.get("loading") == "lazy"
    assert crop_of(settings, sources[0].rsplit(" ", 1)[0]).size == (800, 450)
    assert crop_of(settings, sources[1].rsplit(" ", 1)[0]).size == (1200, 675)
    # Small screens show grid teasers square: a square crop, not a CSS cut.
    (square,) = tree.xpath("//article[@class='teaser']//picture/source")
    assert (square.get("width"), square.get("height")) == ("480", "480")
    assert crop_of(settings, square.get("srcset")).size == (480, 480)


def test_a_teasers_crop_keeps_the_subject_at_the_focal_point(client, settings):
    """The subject, a red block near the right edge of a panorama, is what the
    teaser shows: its crop is the picture's right half."""
    from PIL import Image as PILImage

    picture = PILImage.new("RGB", (3200, 900), (40, 90, 160))
    picture.paste((255, 0, 0), (2700, 300, 3200, 600))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    subject = ImageFactory(file=upload("subject.png", buffer.getvalue(), "image/png"),
                           focal_x=0.9, focal_y=0.5)  # fmt: skip
    article = ArticleFactory(featured_image=subject)
    tree = tree_of(client.get(article.category.get_absolute_url()))
    img = tree.xpath("//article[contains(@class, 'teaser')]//img")[0]
    crop = crop_of(settings, img.get("src")).convert("RGB")
    # The right side of the picture: the crop's right quarter is the red subject.
    red, green, blue = crop.getpixel((crop.width - 20, crop.height // 2))
    assert red > 200 and green < 80 and blue < 80
    red, green, blue = crop.getpixel((20, crop.height // 2))
    assert red < 80
    # A centre crop of the same picture would have cut the subject off.
    centred = ImageFactory(file=upload("subject.png", buffer.getvalue(), "image/png"))
    centre = crop_of(settings, centred.wide_800.url).convert("RGB")
    assert centre.getpixel((centre.width - 20, centre.height // 2))[0] < 80


def test_the_crop_of_a_small_featured_image_is_not_enlarged(client, settings):
    article = ArticleFactory(
        featured_image=ImageFactory(file=factory.django.ImageField(width=640, height=480))
    )
    tree = tree_of(client.get(article.category.get_absolute_url()))
    img = tree.xpath("//article[contains(@class, 'teaser')]//img")[0]
    assert (img.get("width"), img.get("height")) == ("640", "360")
    assert img.get("srcset").split(", ") == [f"{img.get('src')} 640w"]
    assert crop_of(settings, img.get("src")).size == (640, 360)
