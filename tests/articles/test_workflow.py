"""Statuses draft → in review → published → unpublished: services, admin buttons,
the review queue, and scheduled publishing with a frozen clock."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import services
from articles.models import Article, ArticleStatus
from tests.articles.factories import ArticleFactory
from tests.articles.roles import form_data, make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return make_author()


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


# -- services ------------------------------------------------------------------------
def test_an_author_submits_their_draft_and_an_editor_publishes_it(author, editor):
    article = ArticleFactory(draft=True, authors=[author])
    services.article_submit_for_review(article=article, user=author)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.REVIEW
    before = timezone.now()
    services.article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert before <= article.published_at <= timezone.now()
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_each_step_is_kept_in_the_history_with_who_did_it(author, editor):
    article = ArticleFactory(draft=True, authors=[author])
    services.article_submit_for_review(article=article, user=author)
    services.article_publish(article=article, user=editor)
    revisions = [v.revision for v in Version.objects.get_for_object(article)]
    assert [(r.user, r.comment) for r in revisions] == [
        (editor, "Published"),
        (author, "Submitted for review"),
    ]


def test_an_author_cannot_publish_or_unpublish_through_the_services(author):
    article = ArticleFactory(status=ArticleStatus.REVIEW, published_at=None, authors=[author])
    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, user=author)
    live = ArticleFactory(authors=[author])
    with pytest.raises(PermissionDenied):
        services.article_unpublish(article=live, user=author)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.REVIEW


def test_an_author_cannot_submit_someone_elses_article(author):
    article = ArticleFactory(draft=True)
    with pytest.raises(PermissionDenied):
        services.article_submit_for_review(article=article, user=author)


def test_an_author_withdraws_their_article_from_review(author):
    article = ArticleFactory(status=ArticleStatus.REVIEW, published_at=None, authors=[author])
    services.article_return_to_draft(article=article, user=author)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.DRAFT


@pytest.mark.parametrize(
    ("service", "status"),
    [
        (services.article_submit_for_review, ArticleStatus.REVIEW),
        (services.article_return_to_draft, ArticleStatus.DRAFT),
        (services.article_publish, ArticleStatus.PUBLISHED),
        (services.article_unpublish, ArticleStatus.DRAFT),
    ],
)
def test_a_step_that_the_status_does_not_allow_is_refused_with_a_reason(editor, service, status):
    published_at = timezone.now() if status == ArticleStatus.PUBLISHED else None
    article = ArticleFactory(status=status, published_at=published_at, title="Chips")
    with pytest.raises(ValidationError) as refused:
        service(article=article, user=editor)
    assert "“Chips”" in refused.value.messages[0]
    assert Article.objects.get(pk=article.pk).status == status


def test_publishing_keeps_a_publish_time_set_for_later(editor):
    later = timezone.now() + timedelta(days=2)
    article = ArticleFactory(status=ArticleStatus.REVIEW, published_at=later)
    services.article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_at == later
    assert not article.is_published
    comment = Version.objects.get_for_object(article).first().revision.comment
    assert comment.startswith("Scheduled for")


def test_the_service_reads_the_status_afresh_not_from_a_stale_object(editor):
    article = ArticleFactory(status=ArticleStatus.REVIEW, published_at=None)
    stale = Article.objects.get(pk=article.pk)
    services.article_return_to_draft(article=article, user=editor)
    # `stale` still says "review"; the database says draft, and that counts.
    with pytest.raises(ValidationError):
        services.article_return_to_draft(article=stale, user=editor)


def test_an_author_who_saves_an_article_signs_it(author):
    coauthor = make_author()
    article = ArticleFactory(draft=True, authors=[coauthor])
    services.article_sign(article=article, user=author)
    assert set(article.authors.all()) == {coauthor, author}


def test_an_editor_who_saves_an_article_leaves_its_authors_as_they_are(author, editor):
    article = ArticleFactory(draft=True, authors=[author])
    services.article_sign(article=article, user=editor)
    assert list(article.authors.all()) == [author]


# -- admin buttons and actions ----------------------------------------------------------
def test_save_and_submit_for_review_button(client, author):
    article = ArticleFactory(draft=True, authors=[author])
    client.force_login(author)
    page = client.get(change_url(article))
    assert 'name="_submit_for_review"' in page.content.decode()
    assert 'name="_publish"' not in page.content.decode()
    data = form_data(page, "article_form")
    data["_submit_for_review"] = ["Save and submit for review"]
    response = client.post(change_url(article), data, follow=True)
    assert "Submitted for review." in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.REVIEW


def test_save_and_publish_button_for_editors(client, editor):
    article = ArticleFactory(status=ArticleStatus.REVIEW, published_at=None)
    client.force_login(editor)
    page = client.get(change_url(article))
    data = form_data(page, "article_form")
    data["_publish"] = ["Save and publish"]
    response = client.post(change_url(article), data, follow=True)
    assert "Published." in response.content.decode()
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_an_action_on_a_mixed_selection_says_what_it_skipped(client, editor):
    draft = ArticleFactory(draft=True, title="Fresh draft")
    live = ArticleFactory(title="Old news")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk, live.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 article published" in html
    assert "“Old news” is already published." in html


def test_the_status_filter_tells_scheduled_from_live(client, editor):
    ArticleFactory(title="Out now")
    ArticleFactory(title="Coming soon", published_at=timezone.now() + timedelta(hours=3))
    client.force_login(editor)
    url = reverse("admin:articles_article_changelist")
    scheduled = client.get(url, {"state": "scheduled"}).content.decode()
    assert "Coming soon" in scheduled
    assert "Out now" not in scheduled
    live = client.get(url, {"state": "live"}).content.decode()
    assert "Out now" in live
    assert "Coming soon" not in live
    # The list says "Scheduled" rather than "Published" for the one not out yet.
    assert "Scheduled" in client.get(url).content.decode()


# -- the review queue ---------------------------------------------------------------------
def test_the_review_queue_lists_articles_in_review_oldest_first(client, editor):
    with time_machine.travel(timezone.now() - timedelta(hours=5)):
        ArticleFactory(status=ArticleStatus.REVIEW, published_at=None, title="Waiting longest")
    ArticleFactory(status=ArticleStatus.REVIEW, published_at=None, title="Just handed in")
    ArticleFactory(draft=True, title="Still a draft")
    client.force_login(editor)
    html = client.get(reverse("admin:articles_articleinreview_changelist")).content.decode()
    assert html.index("Waiting longest") < html.index("Just handed in")
    assert "Still a draft" not in html
    # The article list points editors to it.
    changelist = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Review queue (2 articles)" in changelist


def test_publishing_from_the_review_queue(client, editor):
    article = ArticleFactory(status=ArticleStatus.REVIEW, published_at=None)
    client.force_login(editor)
    url = reverse("admin:articles_articleinreview_changelist")
    client.post(url, {"action": "publish", "_selected_action": [article.pk]})
    assert Article.objects.published().filter(pk=article.pk).exists()
    # The queue's entries open the article's own page.
    response = client.get(reverse("admin:articles_articleinreview_change", args=[article.pk]))
    assert response["Location"] == change_url(article)


def test_review_queue_query_count_does_not_grow_with_rows(client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    url = reverse("admin:articles_articleinreview_changelist")
    ArticleFactory.create_batch(3, status=ArticleStatus.REVIEW, published_at=None, authors=[editor])
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    ArticleFactory.create_batch(
        30, status=ArticleStatus.REVIEW, published_at=None, authors=[editor]
    )
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


# -- scheduled publishing ------------------------------------------------------------------
def test_a_scheduled_article_appears_exactly_when_its_time_passes(client):
    go_live = timezone.now().replace(microsecond=0) + timedelta(days=1)
    article = ArticleFactory(title="Embargoed launch", published_at=go_live)
    url = article.get_absolute_url()
    section = article.category.get_absolute_url()
    with time_machine.travel(go_live - timedelta(seconds=1), tick=False):
        assert not Article.objects.published().filter(pk=article.pk).exists()
        assert client.get(url).status_code == 404
        assert "Embargoed launch" not in client.get(section).content.decode()
    with time_machine.travel(go_live, tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists()
        response = client.get(url)
        assert response.status_code == 200
        assert "Embargoed launch" in response.content.decode()
        assert "Embargoed launch" in client.get(section).content.decode()


def test_staff_see_a_scheduled_article_at_its_url_marked_as_a_preview(client, editor):
    article = ArticleFactory(published_at=timezone.now() + timedelta(days=1))
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.context["is_preview"] is True
    assert "readers cannot see this article yet" in response.content.decode()


def test_the_workflow_admin_speaks_german(client, author, settings):
    settings.LANGUAGE_CODE = "de"
    article = ArticleFactory(draft=True, authors=[author])
    client.force_login(author)
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Sichern und zur Prüfung einreichen" in html
    assert "Vorschau-Link" in html


def test_save_and_publish_with_a_future_time_schedules_the_article(client, editor):
    article = ArticleFactory(status=ArticleStatus.REVIEW, published_at=None)
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), "article_form")
    later = timezone.localtime() + timedelta(days=3)
    data.update(
        status=["published"],  # picked in the form as well: no complaint
        published_at_0=[later.strftime("%Y-%m-%d")],
        published_at_1=[later.strftime("%H:%M:%S")],
        _publish=["Save and publish"],
    )
    response = client.post(change_url(article), data, follow=True)
    html = response.content.decode()
    assert "Scheduled for" in html
    assert "already published" not in html
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert not article.is_published
