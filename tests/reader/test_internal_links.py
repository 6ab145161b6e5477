"""Internal links in a body: stored by kind and id, read at the target's current URL
in the article's edition, plain text when readers may not open the target, and one
query per kind of target on the page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html as lxml_html

from articles.models import ArticleStatus, Tag
from articles.placeholders import link_placeholder
from pages.models import Page
from tests.articles.factories import (
    ArticleFactory,
    CategoryFactory,
    TagFactory,
    TranslationFactory,
    UserFactory,
)
from tests.images import image_bytes, upload
from tests.reader.helpers import uncached, without_other_apps_blocks  # noqa: F401

pytestmark = pytest.mark.django_db


def link(kind: str, pk: int, text: str) -> str:
    return f'<a href="{link_placeholder(kind, pk)}">{text}</a>'


def body_links(client, url: str) -> dict[str, str | None]:
    """{link text: href} of the article body's links; None for text with no link."""
    response = client.get(url)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    body = tree.find_class("article__body")[0]
    return {anchor.text_content(): anchor.get("href") for anchor in body.iter("a")}


def body_text(client, url: str) -> str:
    tree = lxml_html.fromstring(client.get(url).content)
    return tree.find_class("article__body")[0].text_content()


def test_a_link_to_an_article_follows_its_slug_change_and_its_move(client):
    target = ArticleFactory(title="The chip story", slug="chip-story")
    story = ArticleFactory(body=f"<p>Read {link('article', target.pk, 'our chip story')}.</p>")
    assert body_links(client, story.get_absolute_url()) == {
        "our chip story": target.get_absolute_url()
    }
    target.slug = "chip-story-renamed"
    target.category = CategoryFactory(slug="elsewhere")
    target.save()
    assert body_links(client, story.get_absolute_url()) == {
        "our chip story": "/elsewhere/chip-story-renamed/"
    }


def test_links_to_each_kind_read_as_its_current_url(client):
    section = CategoryFactory(name="Hardware", slug="hardware")
    tag = TagFactory(name_en="Byte Harbor")
    author = UserFactory(first_name="Ada", last_name="Lovelace")
    ArticleFactory(category=section, tags=[tag], authors=[author])
    page = Page.objects.create(title="About us", slug="about", is_published=True)
    story = ArticleFactory(
        body="<p>"
        + link("category", section.pk, "the section")
        + link("tag", tag.pk, "the company")
        + link("author", author.pk, "the writer")
        + link("page", page.pk, "about us")
        + "</p>"
    )
    assert body_links(client, story.get_absolute_url()) == {
        "the section": "/hardware/",
        "the company": tag.get_absolute_url(),
        "the writer": f"/author/{author.pk}-ada-lovelace/",
        "about us": "/page/about/",
    }
    section.slug = "chips"
    section.save()
    assert body_links(client, story.get_absolute_url())["the section"] == "/chips/"


def test_a_link_to_something_readers_cannot_open_is_plain_text(client):
    draft = ArticleFactory(title="Secret draft", slug="secret-draft",
                           status=ArticleStatus.DRAFT, published_at=None)  # fmt: skip
    scheduled = ArticleFactory(published_at=timezone.now() + timezone.timedelta(days=1))
    gone = ArticleFactory()
    gone_pk = gone.pk
    unused_tag = TagFactory(name_en="Nobody uses this")
    hidden_section = CategoryFactory(is_active=False)
    unpublished_page = Page.objects.create(title="Draft page", slug="draft-page")
    nobody = UserFactory()
    story = ArticleFactory(
        body="<p>"
        + link("article", draft.pk, "the draft ")
        + link("article", scheduled.pk, "the scheduled one ")
        + link("article", gone_pk, "the deleted one ")
        + link("tag", unused_tag.pk, "the empty tag ")
        + link("category", hidden_section.pk, "the hidden section ")
        + link("page", unpublished_page.pk, "the unpublished page ")
        + link("author", nobody.pk, "someone who wrote nothing")
        + "</p>"
    )
    gone.delete()
    url = story.get_absolute_url()
    assert body_links(client, url) == {}
    text = body_text(client, url)
    assert "the draft the scheduled one the deleted one the empty tag" in text
    assert "someone who wrote nothing" in text
    assert "secret-draft" not in client.get(url).content.decode()


def test_links_keep_the_articles_edition(client):
    """A German article links to a section, a tag and a page at their German URLs, and
    to the German version of an English story where there is one."""
    section = CategoryFactory(slug_en="science", slug_de="wissenschaft")
    tag = TagFactory(name_en="Robots", name_de="Roboter")
    english = ArticleFactory(language="en", slug="robots-en", category=section, tags=[tag])
    a_while_ago = timezone.now() - timezone.timedelta(minutes=5)
    german = TranslationFactory(
        translation_of=english, slug="roboter", status=ArticleStatus.PUBLISHED,
        published_at=a_while_ago,
    )  # fmt: skip
    untranslated = ArticleFactory(language="en", slug="only-english", category=section)
    page = Page.objects.create(title="About", slug="about", is_published=True)
    Page.objects.create(title="Über uns", slug="ueber-uns", language="de", is_published=True,
                        translation_key=page.translation_key)  # fmt: skip
    story = ArticleFactory(
        language="de",
        category=section,
        tags=[tag],
        body="<p>"
        + link("category", section.pk, "Rubrik")
        + link("tag", tag.pk, "Thema")
        + link("article", english.pk, "Übersetzt")
        + link("article", untranslated.pk, "Englisch")
        + link("page", page.pk, "Über")
        + "</p>",
    )
    assert body_links(client, story.get_absolute_url()) == {
        "Rubrik": "/de/wissenschaft/",
        "Thema": f"/de/tag/{Tag.objects.get(pk=tag.pk).slug_de}/",
        "Übersetzt": german.get_absolute_url(),
        "Englisch": "/science/only-english/",
        "Über": "/de/page/ueber-uns/",
    }


@pytest.mark.usefixtures("without_other_apps_blocks")
def test_links_cost_one_query_per_kind_however_many(client, django_assert_num_queries):
    def story_linking(count: int):
        section = CategoryFactory()
        tags = [TagFactory() for _ in range(count)]
        authors = [UserFactory() for _ in range(count)]
        targets = [ArticleFactory(category=section, tags=tags, authors=authors)
                   for _ in range(count)]  # fmt: skip
        body = "".join(
            "<p>"
            + link("article", target.pk, f"a{n}")
            + link("tag", tags[n].pk, f"t{n}")
            + link("author", authors[n].pk, f"u{n}")
            + link("category", section.pk, f"c{n}")
            + "</p>"
            for n, target in enumerate(targets)
        )
        return ArticleFactory(category=section, body=body)

    few, many = story_linking(1), story_linking(6)
    # The same page without links: a story of the same section (whose related reading
    # costs what the linking stories' does), each read for the first time (its related
    # reading and its body are cached per article then).
    baseline = ArticleFactory(category=few.category)
    warm_up = ArticleFactory(category=few.category)
    cache.clear()
    client.get(warm_up.get_absolute_url())  # the tree and popular list, cached now
    with CaptureQueriesContext(connection) as without_links:
        client.get(uncached(baseline.get_absolute_url()))
    for story in (few, many):
        # The page's own queries (tests/reader/test_article_page.py pins them), and one
        # for each kind linked: articles, tags, authors, sections.
        with django_assert_num_queries(len(without_links) + 4):
            client.get(uncached(story.get_absolute_url()))
    assert len(body_links(client, uncached(many.get_absolute_url()))) == 24


def test_a_static_page_follows_its_links_too(client):
    target = ArticleFactory(slug="first")
    Page.objects.create(title="About", slug="about", is_published=True,
                        body=f"<p>{link('article', target.pk, 'our first story')}</p>")  # fmt: skip
    target.slug = "renamed"
    target.save()
    content = client.get("/page/about/").content.decode()
    assert f'<a href="{target.get_absolute_url()}">our first story</a>' in content
    assert "[[link:" not in content


def test_a_tag_page_reads_as_a_topic_page(client):
    about = "A chip maker in Hamburg.\n\nFounded in 1999."
    tag = TagFactory(name_en="Byte Harbor", description_en=about,
                     description_de="Ein Chiphersteller in Hamburg.")  # fmt: skip
    ArticleFactory(tags=[tag])
    ArticleFactory(tags=[tag], language="de")
    tree = lxml_html.fromstring(client.get(tag.get_absolute_url()).content)
    topic = tree.find_class("topic")[0]
    assert [p.text_content() for p in topic.iter("p")] == [
        "A chip maker in Hamburg.",
        "Founded in 1999.",
    ]
    assert tree.xpath("//meta[@name='description']/@content") == [
        "A chip maker in Hamburg.\n\nFounded in 1999."
    ]
    with_german = lxml_html.fromstring(client.get(f"/de/tag/{tag.slug_de}/").content)
    assert with_german.find_class("topic")[0].text_content().strip() == (
        "Ein Chiphersteller in Hamburg."
    )


def test_a_tag_without_description_or_picture_has_no_topic_box(client):
    tag = TagFactory()
    ArticleFactory(tags=[tag])
    tree = lxml_html.fromstring(client.get(tag.get_absolute_url()).content)
    assert tree.find_class("topic") == []


def test_the_picture_of_a_tag_shows_with_its_alt_text_and_size(client):
    tag = TagFactory(name_en="Ada Lovelace", picture_alt_en="Ada Lovelace, a portrait")
    tag.picture = upload("ada.jpg", image_bytes(800, 1000))
    tag.save()
    ArticleFactory(tags=[tag])
    tree = lxml_html.fromstring(client.get(tag.get_absolute_url()).content)
    picture = tree.find_class("topic__picture")[0]
    assert picture.get("alt") == "Ada Lovelace, a portrait"
    assert (picture.get("width"), picture.get("height")) == ("256", "320")
    assert picture.get("src").endswith(".webp")
