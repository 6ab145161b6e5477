"""A translation's numbers are checked against its original's before it is published,
whichever way it is published; the editor sees each mismatch in context and may
confirm, deliberately and for the mismatches shown only, to publish anyway."""

import pytest
from django.urls import reverse

from articles import services
from articles.models import Article, ArticleStatus
from articles.translation_numbers import number_check
from tests.articles.factories import ArticleFactory, SourceFactory, TranslationFactory
from tests.articles.roles import form_data

pytestmark = pytest.mark.django_db

ORIGINAL_BODY = "<p>Intro.</p><p>Nvidia ordered 10,000 GPUs in 2019. The rest is fine.</p>"
FAITHFUL_BODY = "<p>Einleitung.</p><p>Nvidia bestellte 2019 10.000 GPUs. Der Rest stimmt.</p>"
CORRUPT_BODY = "<p>Einleitung.</p><p>Nvidia bestellte 2019 10 GPUs. Der Rest stimmt.</p>"


def translation_with(body: str, **fields) -> Article:
    original = ArticleFactory(language="en", title="Chips", lead="A lead.", body=ORIGINAL_BODY)
    fields = {"title": "Chips", "lead": "Ein Vorspann.", **fields}
    return TranslationFactory(translation_of=original, body=body, **fields)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def stored_status(article) -> str:
    return Article.objects.values_list("status", flat=True).get(pk=article.pk)


# -- the rule, in the service ---------------------------------------------------------
def test_a_translation_whose_numbers_agree_is_published_as_any_article(editor):
    translation = translation_with(FAITHFUL_BODY)
    assert number_check(translation).agrees
    services.article_publish(article=translation, user=editor)
    assert stored_status(translation) == ArticleStatus.PUBLISHED


def test_a_translation_with_a_number_that_lost_its_zeros_is_not_published(editor):
    translation = translation_with(CORRUPT_BODY)
    with pytest.raises(services.NumbersDisagree) as refused:
        services.article_publish(article=translation, user=editor)
    assert refused.value.code == "numbers_disagree"
    assert "1 number does not agree with the original's" in refused.value.messages[0]
    (mismatch,) = refused.value.check.mismatches
    assert (mismatch.field, mismatch.original.text, mismatch.translation.text) == (
        "body", "10,000", "10",
    )  # fmt: skip
    assert stored_status(translation) == ArticleStatus.DRAFT


def test_the_sources_are_checked_too(editor):
    translation = translation_with(FAITHFUL_BODY)
    SourceFactory(article=translation.translation_of, name="IDC report 2024")
    SourceFactory(article=translation, name="IDC-Bericht 2023")
    with pytest.raises(services.NumbersDisagree) as refused:
        services.article_publish(article=translation, user=editor)
    assert {mismatch.field for mismatch in refused.value.check.mismatches} == {"sources"}


def test_a_confirmation_publishes_only_the_mismatches_it_was_given_for(editor):
    translation = translation_with(CORRUPT_BODY)
    shown = number_check(translation).digest
    # The text changes after the editor saw the list: another mismatch, asked again.
    translation.lead = "Ein Vorspann mit 12 Zahlen."
    translation.save()
    with pytest.raises(services.NumbersDisagree):
        services.article_publish(article=translation, user=editor, numbers_confirmed=shown)
    assert stored_status(translation) == ArticleStatus.DRAFT
    services.article_publish(
        article=translation, user=editor, numbers_confirmed=number_check(translation).digest
    )
    assert stored_status(translation) == ArticleStatus.PUBLISHED


def test_an_original_is_not_checked(editor):
    article = ArticleFactory(draft=True, body="<p>Anything with 42 numbers.</p>")
    assert number_check(article) is None
    services.article_publish(article=article, user=editor)
    assert stored_status(article) == ArticleStatus.PUBLISHED


def test_the_publish_action_of_the_list_refuses_and_says_why(editor_client):
    translation = translation_with(CORRUPT_BODY, title="Chips auf Deutsch")
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [translation.pk]},
        follow=True,
    )
    assert "“Chips auf Deutsch” was not published: 1 number does not agree" in (
        response.content.decode()
    )
    assert stored_status(translation) == ArticleStatus.DRAFT


# -- the admin: shown in context, confirmed deliberately --------------------------------
def test_the_change_form_of_a_translation_shows_each_mismatch_in_both_sentences(editor_client):
    translation = translation_with(CORRUPT_BODY)
    html = editor_client.get(change_url(translation)).content.decode()
    assert "1 number does not agree with the original" in html
    assert '<td lang="en">Nvidia ordered <mark>10,000</mark> GPUs in 2019.</td>' in html
    assert '<td lang="de">Nvidia bestellte 2019 <mark>10</mark> GPUs.</td>' in html
    # Offered, never ticked.
    digest = number_check(translation).digest
    assert f'<input type="checkbox" name="_numbers_confirmed" value="{digest}">' in html


def test_a_translation_whose_numbers_agree_has_nothing_in_the_way(editor_client):
    translation = translation_with(FAITHFUL_BODY)
    html = editor_client.get(change_url(translation)).content.decode()
    assert "Every number of this translation agrees with the original's." in html
    assert "_numbers_confirmed" not in html
    data = form_data(editor_client.get(change_url(translation)), "article_form")
    data["_publish"] = ["Save and publish"]
    response = editor_client.post(change_url(translation), data, follow=True)
    assert "Published." in response.content.decode()
    assert stored_status(translation) == ArticleStatus.PUBLISHED


def test_save_and_publish_is_refused_until_the_editor_ticks_the_confirmation(editor_client):
    translation = translation_with(CORRUPT_BODY)
    page = editor_client.get(change_url(translation))
    data = form_data(page, "article_form")
    data["_publish"] = ["Save and publish"]
    response = editor_client.post(change_url(translation), data)
    # Back on the translation's page, where the numbers are listed.
    assert response.status_code == 302 and response["Location"] == change_url(translation)
    assert stored_status(translation) == ArticleStatus.DRAFT
    page = editor_client.get(response["Location"])
    assert "was not published: 1 number does not agree" in page.content.decode()

    data["_numbers_confirmed"] = [number_check(translation).digest]
    response = editor_client.post(change_url(translation), data, follow=True)
    assert "Published." in response.content.decode()
    assert stored_status(translation) == ArticleStatus.PUBLISHED


def test_picking_published_as_the_status_in_the_form_is_checked_the_same(editor_client):
    translation = translation_with(CORRUPT_BODY)
    data = form_data(editor_client.get(change_url(translation)), "article_form")
    data["status"] = [ArticleStatus.PUBLISHED]
    data["published_at_0"], data["published_at_1"] = ["2026-01-05"], ["10:00:00"]
    data["_save"] = ["Save"]
    response = editor_client.post(change_url(translation), data, follow=True)
    assert response.redirect_chain == [(change_url(translation), 302)], response.context.get(
        "errors"
    )
    assert "was not published" in response.content.decode()
    assert stored_status(translation) == ArticleStatus.DRAFT


def test_a_confirmation_posted_with_a_text_that_brings_new_mismatches_is_asked_again(
    editor_client,
):
    translation = translation_with(CORRUPT_BODY)
    data = form_data(editor_client.get(change_url(translation)), "article_form")
    data["_numbers_confirmed"] = [number_check(translation).digest]
    data["lead"] = ["Ein Vorspann mit 12 Zahlen."]
    data["_publish"] = ["Save and publish"]
    response = editor_client.post(change_url(translation), data, follow=True)
    html = response.content.decode()
    assert "was not published: 2 numbers do not agree" in html
    assert "<mark>12</mark>" in html
    assert stored_status(translation) == ArticleStatus.DRAFT
    # The text was saved all the same.
    assert Article.objects.get(pk=translation.pk).lead == "Ein Vorspann mit 12 Zahlen."
