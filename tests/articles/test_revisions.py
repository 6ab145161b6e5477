"""Revision history: every admin save kept with who and when, revertible with its
sources and images."""

import pytest
import reversion
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.urls import reverse
from reversion.models import Version
from reversion.utils import mute_signals

from articles import services
from articles.models import Article, ArticleStatus
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    ImageFactory,
    SourceFactory,
    UserFactory,
)
from tests.articles.roles import form_data, make_author, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor(username="erika", first_name="Erika", last_name="Mustermann")


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


# -- the revert service, as the revision view calls it ----------------------------------
def kept_revision(article) -> Version:
    with reversion.create_revision():
        article.save()
    return Version.objects.get_for_object(article).first()


def revert_as(user, article, version) -> Article:
    """What the revision view does: note the article as it is, write the revision's
    rows back, keep what a revert keeps. Signals are muted as when the revert form is
    shown, so that only the service keeps anything."""
    current = Article.objects.prefetch_related("authors").get(pk=article.pk)
    before = services.ArticleBeforeRevert.of(current, user=user)
    with mute_signals(pre_save, post_save, m2m_changed):
        version.revision.revert(delete=True)
        services.article_revert_keep(before=before)
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def rewritten_by_an_editor():
    """A draft by two authors, kept as a revision, then rewritten, re-signed and
    published by an editor with comments closed."""
    author, coauthor = make_author(), UserFactory()
    related_then, related_now = ArticleFactory(), ArticleFactory()
    article = ArticleFactory(draft=True, body="<p>Draft.</p>", authors=[author, coauthor])
    article.read_also.set([related_then])
    version = kept_revision(article)
    article.body = "<p>Edited.</p>"
    article.status, article.allow_comments = ArticleStatus.PUBLISHED, False
    article.save()
    article.authors.set([author])
    article.read_also.set([related_now])
    article.refresh_from_db()
    return article, version, author, coauthor, related_then, related_now


def test_a_revert_by_an_author_keeps_what_only_editors_set(rewritten_by_an_editor):
    article, version, author, _, _, related_now = rewritten_by_an_editor
    reverted = revert_as(author, article, version)
    assert reverted.body == "<p>Draft.</p>"
    assert reverted.status == ArticleStatus.PUBLISHED
    assert reverted.published_at == article.published_at
    assert reverted.allow_comments is False
    assert list(reverted.authors.all()) == [author]
    assert list(reverted.read_also.all()) == [related_now]


def test_a_revert_by_an_editor_brings_back_what_the_revision_had(rewritten_by_an_editor):
    article, version, author, coauthor, related_then, _ = rewritten_by_an_editor
    reverted = revert_as(make_editor(), article, version)
    assert reverted.body == "<p>Draft.</p>"
    assert reverted.status == ArticleStatus.DRAFT
    assert reverted.allow_comments is True
    assert set(reverted.authors.all()) == {author, coauthor}
    assert list(reverted.read_also.all()) == [related_then]


def test_a_revert_keeps_todays_featured_image_when_the_revisions_was_deleted_since():
    then, now = ImageFactory(), ImageFactory()
    article = ArticleFactory(featured_image=then)
    version = kept_revision(article)
    article.featured_image = now
    article.save()
    then.delete()

    reverted = revert_as(make_editor(), article, version)
    assert reverted.featured_image == now


def test_a_revert_to_a_featured_image_still_in_the_library_brings_it_back():
    then, now = ImageFactory(), ImageFactory()
    article = ArticleFactory(featured_image=then)
    version = kept_revision(article)
    article.featured_image = now
    article.save()

    reverted = revert_as(make_editor(), article, version)
    assert reverted.featured_image == then
