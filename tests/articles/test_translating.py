"""Starting a translation (services.article_translate): the story's structure copied
into a draft of the other edition, its text left to translate."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles import services
from articles.models import Article, ArticleImage, ArticleSlugHistory, ArticleStatus, Image
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    ImageFactory,
    SourceFactory,
    TagFactory,
    UserFactory,
)
from tests.articles.roles import make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def original():
    writer = UserFactory()
    article = ArticleFactory(
        slug="chips-shortage",
        title="The shortage of 10,000 GPUs",
        lead="A lead with 3.5 percent.",
        seo_description="Search text.",
        featured_image=ImageFactory(alt="Shelves"),
        featured_image_alt="A warehouse",
        authors=[writer],
        tags=[TagFactory(name_en="Chips", name_de="Chips")],
    )
    SourceFactory(article=article, name="Reuters", url="https://reuters.example/a", order=2)
    first = ArticleImageFactory(article=article, alt="A wafer", caption="Close up", credit="AP")
    second = ArticleImageFactory(article=article, alt="A fab", order=1)
    article.body = (
        f"<p>Intro.</p><p>{first.placeholder}</p><p>Middle <a href='https://x.example/'>link</a>."
        f"</p><p>{second.placeholder}</p>"
    )
    article.save()
    return article


def test_the_translation_is_a_draft_of_the_same_story_made_from_the_original(original, editor):
    translation = services.article_translate(article=original, language="de", user=editor)
    assert translation.language == "de"
    assert translation.status == ArticleStatus.DRAFT and translation.published_at is None
    assert translation.translation_key == original.translation_key
    assert translation.translation_of == original
    assert translation.category == original.category
    assert list(original.translations()) == [translation]
    # The text to translate, as the original has it.
    assert (translation.title, translation.lead, translation.seo_description) == (
        original.title, original.lead, original.seo_description,
    )  # fmt: skip
    # The same library image, with alt text the translator can put in German.
    assert translation.featured_image == original.featured_image
    assert translation.featured_image_alt == "A warehouse"


def test_the_translation_has_the_originals_tags_sources_and_authors_plus_the_translator(
    original, editor
):
    translation = services.article_translate(article=original, language="de", user=editor)
    assert set(translation.tags.all()) == set(original.tags.all())
    assert set(translation.authors.all()) == {*original.authors.all(), editor}
    copied = translation.sources.values_list("name", "url", "kind", "order")
    assert list(copied) == list(original.sources.values_list("name", "url", "kind", "order"))
    # Rows of its own: translating a source's name leaves the original's alone.
    assert not set(translation.sources.all()) & set(original.sources.all())


def test_the_body_images_are_placements_of_their_own_of_the_same_library_images(original, editor):
    translation = services.article_translate(article=original, language="de", user=editor)
    old = list(original.images.order_by("order", "pk"))
    new = list(translation.images.order_by("order", "pk"))
    assert [image.image_id for image in new] == [image.image_id for image in old]
    texts = [(image.alt, image.caption, image.credit) for image in old]
    assert [(image.alt, image.caption, image.credit) for image in new] == texts
    assert not {image.pk for image in new} & {image.pk for image in old}
    # The body names library images: the same placeholders, the same structure.
    assert translation.body == original.body
    assert 'href="https://x.example/"' in translation.body


def test_deleting_the_translation_keeps_the_images_the_original_shows(
    original, editor, django_capture_on_commit_callbacks
):
    translation = services.article_translate(article=original, language="de", user=editor)
    image = original.images.first().image
    with django_capture_on_commit_callbacks(execute=True):
        translation.delete()
    assert original.images.count() == 2
    assert image.file.storage.exists(image.file.name)
    # The library keeps the image when no article uses it any more.
    with django_capture_on_commit_callbacks(execute=True):
        original.delete()
    assert not ArticleImage.objects.exists()
    assert Image.objects.filter(pk=image.pk).exists()
    assert image.file.storage.exists(image.file.name)


def test_read_also_leads_to_the_stories_in_the_translations_edition_where_they_exist(
    original, editor
):
    translated_story = ArticleFactory(language="en")
    its_german = ArticleFactory(language="de", translation_key=translated_story.translation_key)
    english_only = ArticleFactory(language="en")
    original.read_also.set([translated_story, english_only])
    translation = services.article_translate(article=original, language="de", user=editor)
    assert list(translation.read_also.all()) == [its_german]


def test_the_slug_is_the_originals_with_the_language_made_unique(original, editor):
    ArticleFactory(slug="chips-shortage-de")
    ArticleSlugHistory.objects.create(article=ArticleFactory(), slug="chips-shortage-de-2")
    translation = services.article_translate(article=original, language="de", user=editor)
    assert translation.slug == "chips-shortage-de-3"


def test_a_story_gets_one_translation_per_edition(original, editor):
    services.article_translate(article=original, language="de", user=editor)
    with pytest.raises(ValidationError, match="has a German edition already") as refused:
        services.article_translate(article=original, language="de", user=editor)
    assert refused.value.code == "edition_exists"
    with pytest.raises(ValidationError, match="English edition already"):
        services.article_translate(article=original, language="en", user=editor)
    assert Article.objects.filter(translation_key=original.translation_key).count() == 2


def test_only_an_edition_of_the_site_can_be_translated_into(original, editor):
    with pytest.raises(ValidationError, match="is not an edition") as refused:
        services.article_translate(article=original, language="fr", user=editor)
    assert refused.value.code == "not_an_edition"


def test_whoever_may_not_add_articles_may_not_translate(original):
    with pytest.raises(PermissionDenied):
        services.article_translate(article=original, language="de", user=UserFactory())
    # An author may: translating is writing.
    translation = services.article_translate(article=original, language="de", user=make_author())
    assert translation.pk
