"""The editions in the article admin: the translate button, which editions each story
has, the language filter, out-of-date translations and the language field."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleStatus
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    SourceFactory,
    TranslationFactory,
)
from tests.articles.roles import form_data

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def translate_url(article, language="de"):
    return reverse("admin:articles_article_translate", args=[article.pk, language])


# -- the translate button -----------------------------------------------------------
def test_an_article_offers_a_translation_into_each_edition_it_lacks(editor_client):
    article = ArticleFactory(language="en")
    html = editor_client.get(change_url(article)).content.decode()
    assert f'<form method="post" action="{translate_url(article)}"' in html
    assert "Translate into German</button>" in html
    assert "Translate into English" not in html
    TranslationFactory(translation_of=article)
    assert "Translate into" not in editor_client.get(change_url(article)).content.decode()


def test_translating_opens_the_new_draft_with_a_message(editor_client):
    article = ArticleFactory(language="en", title="Chip news")
    response = editor_client.post(translate_url(article), follow=True)
    translation = Article.objects.get(language="de")
    assert response.redirect_chain == [(change_url(translation), 302)]
    html = response.content.decode()
    assert "The German translation of “Chip news” was started as a draft" in html
    assert translation.translation_of == article and translation.status == ArticleStatus.DRAFT


def test_translating_twice_says_the_edition_exists(editor_client):
    article = ArticleFactory(language="en", title="Chip news")
    TranslationFactory(translation_of=article)
    response = editor_client.post(translate_url(article), follow=True)
    assert response.redirect_chain == [(change_url(article), 302)]
    assert "“Chip news” has a German edition already." in response.content.decode()
    response = editor_client.post(translate_url(article, "xx"), follow=True)
    assert "“xx” is not an edition of this site." in response.content.decode()


def test_translating_takes_a_post_with_its_csrf_token(editor):
    article = ArticleFactory(language="en")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(translate_url(article)).status_code == 405
    assert client.post(translate_url(article)).status_code == 403
    assert not Article.objects.filter(language="de").exists()


def test_a_translation_links_its_original_and_the_other_editions(editor_client):
    original = ArticleFactory(language="en", title="Chip news")
    translation = TranslationFactory(translation_of=original, title="Chip-Nachrichten")
    html = editor_client.get(change_url(translation)).content.decode()
    assert "Edition: German." in html
    assert (
        f'Translated from the English original <a href="{change_url(original)}" lang="en">'
        "Chip news</a>"
    ) in html
    original_page = editor_client.get(change_url(original)).content.decode()
    assert f'<a href="{change_url(translation)}" lang="de">Chip-Nachrichten</a> (German)' in (
        original_page
    )


# -- the article list -----------------------------------------------------------------
def test_the_list_shows_each_storys_editions_linking_to_each_row(editor_client):
    original = ArticleFactory(language="en", title="Chip news")
    translation = TranslationFactory(translation_of=original)
    ArticleFactory(language="en", title="English only")
    html = editor_client.get(CHANGELIST).content.decode()
    # On the original's row: EN marked as this row, DE a link to the translation.
    assert (
        '<strong class="edition edition--current" title="English">EN</strong> · '
        f'<a class="edition" href="{change_url(translation)}" title="German">DE</a>'
    ) in html
    assert (
        f'<a class="edition" href="{change_url(original)}" title="English">EN</a> · '
        '<strong class="edition edition--current" title="German">DE</strong>'
    ) in html


def test_the_editions_column_costs_one_query_whatever_the_number_of_rows(editor_client):
    category = CategoryFactory()

    def stories(count):
        for _ in range(count):
            TranslationFactory(translation_of=ArticleFactory(category=category))

    stories(2)
    with CaptureQueriesContext(connection) as few:
        assert editor_client.get(CHANGELIST).status_code == 200
    stories(20)
    with CaptureQueriesContext(connection) as many:
        assert "44 articles" in editor_client.get(CHANGELIST).content.decode()
    assert len(many) == len(few)


def test_the_list_filters_by_edition(editor_client):
    ArticleFactory(language="en", title="English story")
    ArticleFactory(language="de", title="Deutsche Geschichte")
    html = editor_client.get(CHANGELIST, {"language__exact": "de"}).content.decode()
    assert "Deutsche Geschichte" in html and "English story" not in html


# -- out of date ------------------------------------------------------------------------
def save_through_the_admin(client, article, **changes):
    data = form_data(client.get(change_url(article)), "article_form")
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context and response.context["errors"]


def out_of_date_titles(client) -> str:
    return client.get(CHANGELIST, {"translation": "out_of_date"}).content.decode()


def test_a_translation_is_out_of_date_once_its_originals_text_changes(editor_client):
    with time_machine.travel(timezone.now() - timedelta(hours=2)):
        original = ArticleFactory(language="en", title="Chip news")
        translation = TranslationFactory(translation_of=original, title="Chip-Nachrichten")
    assert "Chip-Nachrichten" not in out_of_date_titles(editor_client)
    save_through_the_admin(editor_client, original, lead="A new lead, with news.")
    assert list(Article.objects.out_of_date()) == [translation]
    html = out_of_date_titles(editor_client)
    assert "Chip-Nachrichten" in html and '<span class="edition-flag"' in html
    assert "The original's text changed after this translation was last edited." in (
        editor_client.get(change_url(translation)).content.decode()
    )
    # The translator catches up: up to date again.
    save_through_the_admin(editor_client, translation, lead="Ein neuer Vorspann.")
    assert not Article.objects.out_of_date().exists()


@pytest.mark.parametrize("part", ["source", "image caption"])
def test_a_change_to_the_sources_or_the_image_texts_is_a_change_of_text(editor_client, part):
    with time_machine.travel(timezone.now() - timedelta(hours=2)):
        original = ArticleFactory(language="en")
        SourceFactory(article=original, name="Reuters")
        ArticleImageFactory(article=original, caption="Before")
        TranslationFactory(translation_of=original)
    field = {"source": "sources-0-name", "image caption": "images-0-caption"}[part]
    save_through_the_admin(editor_client, original, **{field: "Changed"})
    assert Article.objects.out_of_date().count() == 1


def test_status_changes_and_saves_without_changes_leave_the_text_as_it_was(editor_client, editor):
    with time_machine.travel(timezone.now() - timedelta(hours=2)):
        original = ArticleFactory(language="en", draft=True)
        TranslationFactory(translation_of=original)
    changed_at = Article.objects.get(pk=original.pk).content_changed_at
    save_through_the_admin(editor_client, original, allow_comments="")
    services.article_publish(article=original, user=editor)
    services.article_unpublish(article=original, user=editor)
    assert Article.objects.get(pk=original.pk).content_changed_at == changed_at
    assert not Article.objects.out_of_date().exists()


# -- the language field ------------------------------------------------------------------
def test_a_new_article_is_in_the_default_edition_unless_another_is_picked(editor_client):
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert '<option value="en" selected>English</option>' in html
    assert '<option value="de">German</option>' in html


def test_the_language_is_fixed_once_the_story_has_translations(editor_client):
    original = ArticleFactory(language="en")
    assert 'name="language"' in editor_client.get(change_url(original)).content.decode()
    translation = TranslationFactory(translation_of=original)
    for article in (original, translation):
        assert 'name="language"' not in editor_client.get(change_url(article)).content.decode()
    save_through_the_admin(editor_client, translation, language="en")
    assert Article.objects.get(pk=translation.pk).language == "de"


def test_a_single_edition_site_shows_nothing_of_editions(editor_client, settings):
    settings.LANGUAGES = [("en", "English")]
    article = ArticleFactory(language="en")
    html = editor_client.get(CHANGELIST).content.decode()
    assert "edition--current" not in html and "Out-of-date translations" not in html
    page = editor_client.get(change_url(article)).content.decode()
    assert 'name="language"' not in page and "Translate into" not in page
