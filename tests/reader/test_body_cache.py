"""The rendered article body and the related reading are kept in the shared cache
(reader/rendering.py, reader/selectors.py): readers get the same HTML from it, and an
edit shows on the next request, without any purge (tests/newsroom/test_multiprocess.py
proves it across two processes)."""

import pytest
from django.core.files.base import ContentFile
from lxml import html

from articles.models import ArticleImage, Image
from reader import rendering
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    UserFactory,
)
from tests.reader.helpers import uncached

pytestmark = pytest.mark.django_db


@pytest.fixture
def illustrated():
    article = ArticleFactory(body="<p>Before the picture.</p>")
    use = ArticleImageFactory(article=article, caption="A first caption.")
    article.body += f"<p>{use.placeholder}</p><p>After it.</p>"
    article.save()
    return article


def body_of(client, article) -> str:
    response = client.get(uncached(article.get_absolute_url()))
    assert response.status_code == 200
    (body,) = html.fromstring(response.content.decode()).xpath("//div[@class='article__body']")
    return html.tostring(body, encoding="unicode")


@pytest.fixture
def renders(monkeypatch):
    """How many times the body was rendered rather than taken from the cache."""
    calls = []
    render = rendering._render_body

    def counted(article):
        calls.append(article.pk)
        return render(article)

    monkeypatch.setattr(rendering, "_render_body", counted)
    return calls


def test_the_body_is_rendered_once_and_read_alike_from_the_cache(client, illustrated, renders):
    first = body_of(client, illustrated)
    assert body_of(client, illustrated) == first
    assert renders == [illustrated.pk]
    assert "A first caption." in first and "<figure" in first


def test_a_caption_changed_without_any_signal_shows_on_the_next_request(client, illustrated):
    body_of(client, illustrated)
    # update() sends no signal, so no purge: the body's key changes with the row itself.
    ArticleImage.objects.filter(article=illustrated).update(caption="A better caption.")
    body = body_of(client, illustrated)
    assert "A better caption." in body and "A first caption." not in body


def test_a_replaced_library_image_shows_its_new_file_on_the_next_request(client, illustrated):
    before = body_of(client, illustrated)
    image = Image.objects.get(uses__article=illustrated)
    old_name = image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    assert old_name in before
    with open(image.file.path, "rb") as original:
        image.file.save("replacement.jpg", ContentFile(original.read()), save=True)
    after = body_of(client, illustrated)
    assert "replacement" in after and old_name not in after


def test_an_edit_of_the_body_shows_on_the_next_request(client, illustrated):
    body_of(client, illustrated)
    illustrated.body = illustrated.body.replace("After it.", "After it, edited.")
    illustrated.save()
    assert "After it, edited." in body_of(client, illustrated)


def test_another_article_with_the_same_images_gets_its_own_body(client, illustrated):
    use = ArticleImage.objects.get(article=illustrated)
    twin = ArticleFactory(body=illustrated.body.replace("Before", "Long before"))
    ArticleImageFactory(article=twin, image=use.image, caption="The twin's caption.")
    body_of(client, illustrated)
    body = body_of(client, twin)
    assert "Long before" in body and "The twin's caption." in body


def test_a_new_article_of_the_section_shows_beside_the_story_at_once(client):
    section = CategoryFactory()
    story = ArticleFactory(category=section)
    client.get(uncached(story.get_absolute_url()))
    ArticleFactory(category=section, title="Fresh from the section")
    response = client.get(uncached(story.get_absolute_url()))
    tree = html.fromstring(response.content.decode())
    shown = tree.xpath("//section[@class='read-also' or @class='other-articles']//a/text()")
    assert "Fresh from the section" in shown


def byline_and_tags(client, article) -> tuple[list[str], list[str]]:
    tree = html.fromstring(client.get(uncached(article.get_absolute_url())).content.decode())
    authors = [a.text_content() for a in tree.xpath("//span[@class='article__authors']/a")]
    return authors, sorted(a.text_content() for a in tree.xpath("//ul[@class='article__tags']//a"))


def test_tags_and_authors_added_removed_or_renamed_show_on_the_next_request(client):
    # They are kept with the site's generation, which each of these changes ends.
    first, second = UserFactory(first_name="Ada", last_name="One"), UserFactory()
    article = ArticleFactory(authors=[first], tags=["Chips"])
    assert byline_and_tags(client, article) == (["Ada One"], ["Chips"])

    article.authors.add(second)
    article.tags.add("Batteries")
    assert byline_and_tags(client, article) == (
        ["Ada One", second.get_full_name()],
        ["Batteries", "Chips"],
    )

    article.authors.remove(first)
    tag = article.tags.get(name="Chips")
    tag.name = "Semiconductors"
    tag.save()
    assert byline_and_tags(client, article) == (
        [second.get_full_name()],
        ["Batteries", "Semiconductors"],
    )


def test_a_renamed_author_shows_on_their_articles_on_the_next_request(client):
    author = UserFactory(first_name="Ada", last_name="One")
    article = ArticleFactory(authors=[author])
    assert byline_and_tags(client, article)[0] == ["Ada One"]

    author.last_name = "Lovelace"
    author.save()
    assert byline_and_tags(client, article)[0] == ["Ada Lovelace"]
