"""The article form as an editor meets it: who signs a new story, where the workflow
buttons lead, and the recommended lengths of the lead and the search description."""

import pytest
from django.urls import reverse

from articles.admin.forms import RECOMMENDED_LENGTHS
from articles.models import Article, ArticleStatus
from tests.articles.factories import ArticleFactory, CategoryFactory
from tests.articles.roles import form_data, make_author

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_a_new_article_is_signed_by_whoever_writes_it(editor_client, editor):
    page = editor_client.get(ADD)
    assert form_data(page, "article_form")["authors"] == [str(editor.pk)]


def new_article_data(client, **fields) -> dict:
    data = form_data(client.get(ADD), "article_form")
    category = CategoryFactory()
    data.update({"title": ["A new story"], "slug": ["a-new-story"], "category": [str(category.pk)],
                 "lead": ["What happened."], "body": ["<p>Text.</p>"], **fields})  # fmt: skip
    return data


def test_save_and_publish_stays_on_the_article(editor_client):
    response = editor_client.post(ADD, {**new_article_data(editor_client), "_publish": ["x"]})
    article = Article.objects.get(slug="a-new-story")
    assert response.status_code == 302 and response["Location"] == change_url(article)
    assert article.status == ArticleStatus.PUBLISHED
    draft = ArticleFactory(draft=True)
    data = form_data(editor_client.get(change_url(draft)), "article_form")
    response = editor_client.post(change_url(draft), {**data, "_publish": ["x"]})
    assert response["Location"] == change_url(draft)
    assert "Published." in editor_client.get(change_url(draft)).content.decode()


def test_save_and_submit_for_review_stays_on_the_article(client):
    author = make_author()
    client.force_login(author)
    article = ArticleFactory(draft=True, authors=[author])
    data = form_data(client.get(change_url(article)), "article_form")
    response = client.post(change_url(article), {**data, "_submit_for_review": ["x"]})
    assert response.status_code == 302 and response["Location"] == change_url(article)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.REVIEW


def test_plain_save_still_returns_to_the_list(editor_client):
    article = ArticleFactory()
    data = form_data(editor_client.get(change_url(article)), "article_form")
    response = editor_client.post(change_url(article), {**data, "_save": ["x"]})
    assert response["Location"] == reverse("admin:articles_article_changelist")


def test_the_lead_and_search_description_name_their_recommended_length(editor_client):
    html = editor_client.get(ADD).content.decode()
    for name, (low, high) in RECOMMENDED_LENGTHS.items():
        # Said in the help text (for a page without JavaScript) and given to the counter.
        assert f"Recommended: {low}–{high} characters." in html, name
        assert f'name="{name}"' in html
        assert f'data-recommended-length="{low}-{high}"' in html
    assert "articles/admin/length_hint.js" in html


def test_the_form_shows_the_preview_link_of_a_draft(editor_client):
    article = ArticleFactory(draft=True)
    html = editor_client.get(change_url(article)).content.decode()
    assert "/preview/" in html and "Open preview" in html


def test_the_recommended_lengths_speak_german(editor_client, settings):
    settings.LANGUAGE_CODE = "de"
    html = editor_client.get(ADD, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Empfohlen: 120–160 Zeichen." in html
    assert 'data-length-many="{count} Zeichen (empfohlen: {low}–{high})"' in html
