"""Revision history: every admin save kept with who and when, revertible with its
sources and images."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, ArticleImage
from tests.articles.factories import ArticleFactory, ArticleImageFactory, SourceFactory
from tests.articles.roles import form_data, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor(username="erika", first_name="Erika", last_name="Mustermann")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save(client, article, **changes):
    """Submit the article's admin form as the browser shows it, with `changes`."""
    data = form_data(client.get(change_url(article)), "article_form")
    for key, value in changes.items():
        data[key] = [value] if isinstance(value, str) else value
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["errors"]


def revert(client, article, version):
    url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, form_data(page, "article_form"), follow=True)


def test_every_admin_save_is_kept_with_who_and_when(editor_client, editor):
    article = ArticleFactory(body="<p>First take.</p>")
    save(editor_client, article)
    save(editor_client, article, body="<p>Second take.</p>")
    versions = Version.objects.get_for_object(article)
    assert len(versions) == 2
    assert {v.revision.user for v in versions} == {editor}
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    html = history.content.decode()
    assert "erika" in html
    assert "Erika Mustermann" in html
    assert "Changed Body." in html


def test_reverting_restores_the_body_and_the_sources(editor_client):
    article = ArticleFactory(body="<p>What we first wrote.</p>")
    SourceFactory(article=article, name="Engadget", url="https://engadget.example/a")
    save(editor_client, article)
    first = Version.objects.get_for_object(article).get()

    save(
        editor_client, article,
        **{"body": "<p>A rewrite.</p>", "sources-0-name": "The Verge",
           "sources-1-name": "Heise", "sources-1-url": "https://heise.example/b",
           "sources-1-kind": "mention"},
    )  # fmt: skip
    article.refresh_from_db()
    assert article.body == "<p>A rewrite.</p>"
    assert sorted(article.sources.values_list("name", flat=True)) == ["Heise", "The Verge"]

    response = revert(editor_client, article, first)
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.body == "<p>What we first wrote.</p>"
    assert [(s.name, s.url) for s in article.sources.all()] == [
        ("Engadget", "https://engadget.example/a")
    ]
    # The revert is itself a revision, so it can be undone.
    latest = Version.objects.get_for_object(article).first()
    assert "Reverted to previous version" in latest.revision.comment


def test_looking_at_an_old_revision_changes_nothing(editor_client):
    article = ArticleFactory(body="<p>Old.</p>")
    save(editor_client, article)
    first = Version.objects.get_for_object(article).get()
    save(editor_client, article, body="<p>New.</p>")
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(url)
    assert "Old." in page.content.decode()
    assert Article.objects.get(pk=article.pk).body == "<p>New.</p>"


def test_reverting_restores_image_captions(editor_client):
    article = ArticleFactory()
    ArticleImageFactory(article=article, caption="The first caption")
    save(editor_client, article)
    first = Version.objects.get_for_object(article).get()
    save(editor_client, article, **{"images-0-caption": "A later caption"})
    revert(editor_client, article, first)
    assert article.images.get().caption == "The first caption"


def test_an_image_deleted_since_is_left_out_of_a_revert_with_a_warning(
    editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    image = ArticleImageFactory(article=article, alt="Chip on a desk")
    save(editor_client, article)
    first = Version.objects.get_for_object(article).get()
    with django_capture_on_commit_callbacks(execute=True):
        save(editor_client, article, **{"images-0-DELETE": "on"})
    assert not image.image.storage.exists(image.image.name)

    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(url)
    assert "The file of this image was deleted since" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, form_data(page, "article_form"))
    assert response.status_code == 302
    assert not ArticleImage.objects.filter(article=article).exists()
    # Readers get the article, not an error about a missing file.
    assert editor_client.get(article.get_absolute_url()).status_code == 200


def test_reverting_a_replaced_image_keeps_todays_file(
    editor_client, django_capture_on_commit_callbacks
):
    from tests.images import image_bytes, upload

    article = ArticleFactory()
    ArticleImageFactory(article=article, caption="Before")
    save(editor_client, article)
    first = Version.objects.get_for_object(article).get()
    with django_capture_on_commit_callbacks(execute=True):
        save(
            editor_client, article,
            **{"images-0-image": upload("new.jpg", image_bytes(900, 600)),
               "images-0-caption": "After"},
        )  # fmt: skip
    current = article.images.get()
    assert current.image.name.endswith("new.jpg")

    with django_capture_on_commit_callbacks(execute=True):
        revert(editor_client, article, first)
    restored = article.images.get()
    assert restored.caption == "Before"
    assert restored.image.name == current.image.name
    assert (restored.width, restored.height) == (900, 600)
    assert restored.image.storage.exists(restored.image.name)


def test_reverting_to_an_older_slug_keeps_the_newer_url_redirecting(editor_client):
    article = ArticleFactory(slug="chip-rumour")
    save(editor_client, article)
    first = Version.objects.get_for_object(article).get()
    save(editor_client, article, slug="chip-confirmed")
    article.refresh_from_db()
    newer_url = article.get_absolute_url()

    revert(editor_client, article, first)
    article.refresh_from_db()
    assert article.slug == "chip-rumour"
    response = editor_client.get(newer_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert editor_client.get(article.get_absolute_url()).status_code == 200
