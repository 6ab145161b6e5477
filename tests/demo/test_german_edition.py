"""The German edition of the demo (demo/editions.py, demo/content_de.py)."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F
from django.utils import translation

from articles.models import (
    Article,
    ArticleStatus,
    Category,
    CategoryPathHistory,
    Source,
    Tag,
)
from articles.numbers import compare_article_numbers
from comments.models import Comment
from demo import content, content_de

pytestmark = pytest.mark.django_db

ENGLISH_ARTICLES = {data["slug"]: data for data in content.ARTICLES}
PUBLISHED_TRANSLATIONS = [data for data in content_de.ARTICLES if not data.get("draft")]
DRAFT = next(data for data in content_de.ARTICLES if data.get("draft"))


def german():
    return Article.objects.filter(language="de")


def number_texts(article: Article) -> dict[str, str]:
    """What the admin's check compares: the texts a reader sees, images included."""
    images = article.images.order_by("order")
    return {
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "sources": "\n".join(source.name for source in article.sources.all()),
        "images": "\n".join(f"{image.alt}\n{image.caption}" for image in images),
    }


def mismatches(article: Article):
    return compare_article_numbers(
        original_texts=number_texts(article.translation_of),
        translation_texts=number_texts(article),
        source_language="en",
        target_language="de",
    )


def test_each_german_translation_is_a_row_of_its_own_linked_to_its_original(demo):
    assert german().count() == len(content_de.ARTICLES) >= 13
    assert german().filter(status=ArticleStatus.PUBLISHED).count() >= 12
    for article in german().select_related("translation_of").prefetch_related("images"):
        original = article.translation_of
        assert original.language == "en"
        assert article.translation_key == original.translation_key
        assert article.slug != original.slug and article.title != original.title
        assert article.category_id == original.category_id
        assert set(article.tags.all()) == set(original.tags.all())
        assert set(article.authors.all()) == set(original.authors.all())
        assert list(article.sources.values_list("name", "url", "kind")) == list(
            original.sources.values_list("name", "url", "kind")
        )
        # The original's library images, placed as the original's are, described in German.
        images, originals = list(article.images.all()), list(original.images.all())
        assert len(images) == len(originals) >= 1
        assert {image.pk for image in images}.isdisjoint(image.pk for image in originals)
        assert re.findall(r"\[\[image:\d+\]\]", article.body) == [i.placeholder for i in images]
        for image, source in zip(images, originals, strict=True):
            assert image.alt != source.alt and image.caption != source.caption
            assert image.image_id == source.image_id and image.width
        assert article.featured_image.name == original.featured_image.name
        if article.status == ArticleStatus.PUBLISHED:
            assert original.published_at <= article.published_at
            assert article.is_published
            assert article.read_also.exists()
            assert not article.read_also.exclude(language="de").exists()


def test_the_most_discussed_and_illustrated_stories_are_translated(demo):
    translated = {data["original"] for data in PUBLISHED_TRANSLATIONS}
    english = Article.objects.filter(language="en").published()
    most_discussed = english.annotate(n=Count("comments")).order_by("-n", "pk")[:3]
    assert {article.slug for article in most_discussed} <= translated
    with_two_images = {slug for slug, data in ENGLISH_ARTICLES.items() if len(data["images"]) > 1}
    assert len(with_two_images & translated) >= 9
    # Every section has German articles to show, in its own subtree at least.
    for category in Category.objects.filter(level=0):
        assert german().published().in_category(category).exists(), category.path


def test_every_published_translation_has_its_originals_numbers(demo):
    checked = 0
    for article in german().published().select_related("translation_of"):
        assert mismatches(article) == [], article.slug
        checked += 1
    assert checked == len(PUBLISHED_TRANSLATIONS)


def test_the_mismatch_draft_is_flagged_for_the_lost_zeros_and_the_swapped_year_and_amount(demo):
    draft = german().get(slug=DRAFT["slug"])
    assert draft.status == ArticleStatus.DRAFT and draft.published_at is None
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    found = {(m.field, str(m.original.value), str(m.translation.value)) for m in mismatches(draft)}
    assert found == {
        ("body", "10000", "10"),  # "10,000 GPUs" -> "10 GPUs"
        ("lead", "2019", "1"),  # "in 2019" -> "im Jahr 1"
        ("lead", "1000000000", "2019000000000"),  # "$1 billion" -> "2019 Milliarden US-Dollar"
    }


def test_check_translation_numbers_command_flags_the_draft_and_passes_a_faithful_translation(
    demo, tmp_path
):
    def run(article):
        original, translation = tmp_path / "original.html", tmp_path / "translation.html"
        original.write_text(article.translation_of.body, encoding="utf-8")
        translation.write_text(article.body, encoding="utf-8")
        try:
            call_command("check_translation_numbers", str(original), str(translation))
        except CommandError as error:
            return error.returncode
        return 0

    assert run(german().get(slug=DRAFT["slug"])) == 1
    assert run(german().get(slug=PUBLISHED_TRANSLATIONS[0]["slug"])) == 0


def test_sections_have_german_names_slugs_descriptions_and_paths(demo):
    for path, (name, slug, description) in content_de.CATEGORIES.items():
        category = Category.objects.get(path_en=path)
        assert (category.name_de, category.slug_de, category.description_de) == (
            name,
            slug,
            description,
        )
        parent = category.parent
        expected = f"{parent.path_de}/{slug}" if parent else slug
        assert category.path_de == expected
    assert Category.objects.get(path_en="reviews/laptops/gaming-laptops").path_de == (
        "tests/notebooks/gaming-notebooks"
    )
    # Born German: no German path was given up on the way.
    assert not CategoryPathHistory.objects.exists()


def test_tags_have_german_names_and_slugs_where_the_word_differs(demo):
    for english, (name, slug) in content_de.TAGS.items():
        tag = Tag.objects.get(name_en=english)
        assert tag.name_de == name
        assert tag.slug_de == (slug or tag.slug_en)


def test_the_german_home_shows_german_headlines_and_sections(demo, client):
    response = client.get("/de/")
    assert response.status_code == 200
    page = response.content.decode()
    newest = german().published().order_by("-published_at").first()
    assert newest.title in page
    for name in ("Nachrichten", "Tests", "Meinung", "Games"):
        assert f">{name}<" in page or f"> {name} <" in page or name in page
    assert 'href="/de/tests/"' in page
    # No English headline on the German front page.
    for article in Article.objects.filter(language="en").published()[:10]:
        assert article.title not in page


def test_a_german_section_and_tag_page_list_german_articles(demo, client):
    section = client.get("/de/tests/")
    assert section.status_code == 200
    assert "Kestrel Raptor 16 im Test" in section.content.decode()
    tag = client.get("/de/tag/akkus/")
    assert tag.status_code == 200
    page = tag.content.decode()
    assert "Akkus" in page
    assert "Festkörperakkus" in page or "Festkörperakku" in page


def test_a_german_article_page_has_its_german_discussion(demo, client):
    discussed = german().published().filter(comments__isnull=False).distinct()
    assert discussed.count() >= 5
    article = discussed.first()
    page = client.get(article.get_absolute_url()).content.decode()
    assert article.title in page
    german_texts = set(content_de.COMMENTS) | set(content_de.REPLIES)
    german_texts |= {text for texts in content_de.PASSAGE_COMMENTS.values() for text in texts}
    comments = Comment.objects.filter(article=article, user=None)
    assert comments.exists()
    for comment in comments:
        assert comment.comment in german_texts
    # Its first threads are on the page (a busy one shows "View all" for the rest).
    shown = page.replace("&quot;", '"')
    assert any(comment.comment.replace("„", "") in shown for comment in comments)
    # And no German text under an English article.
    english_comments = Comment.objects.filter(article__language="en", user=None)
    assert not english_comments.filter(comment__in=german_texts).exists()


def test_a_second_run_changes_nothing_in_the_german_edition(demo):
    def snapshot():
        return (
            list(german().order_by("pk").values_list("pk", "slug", "body", "updated_at")),
            list(Category.objects.order_by("pk").values_list("path_de", "name_de")),
            list(Tag.objects.order_by("pk").values_list("slug_de", "name_de")),
            Source.objects.count(),
            Comment.objects.count(),
        )

    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first


def test_an_older_demo_without_german_gets_its_sections_named_and_old_paths_redirect(demo, client):
    # As a demo seeded before the German edition existed: German columns empty, the
    # German paths the English ones (what Category.save fills in).
    Article.objects.filter(language="de").delete()
    Category.objects.rewrite(False).update(
        name_de=None, description_de=None, slug_de=F("slug_en"), path_de=F("path_en")
    )
    Tag.objects.update(name_de=None)
    assert Category.objects.get(path_en="reviews/laptops").path_de == "reviews/laptops"

    call_command("seed_demo")
    assert Category.objects.get(path_en="reviews/laptops").path_de == "tests/notebooks"
    assert Tag.objects.get(name_en="batteries").name_de == "Akkus"
    assert german().count() == len(content_de.ARTICLES)
    assert client.get("/de/reviews/laptops/").status_code == 301


def test_some_tags_read_as_topic_pages_in_both_editions(demo, client):
    ai = Tag.objects.get(name_en="ai")
    english = client.get(ai.get_absolute_url()).content.decode()
    assert "Machine learning and the companies that build it" in english
    with translation.override("de"):
        german_url = ai.get_absolute_url()
    assert "Maschinelles Lernen und die Firmen dahinter" in client.get(german_url).content.decode()
