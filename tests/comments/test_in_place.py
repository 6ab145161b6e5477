"""What the page's script (static/js/comments.js) gets from the server: the section at its
own address for the page's query, and the outcome of each form as JSON, under the same
rules as the plain form posts."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.articles.factories import ArticleFactory

from .conftest import form_data
from .factories import CommentFactory, MemberCommentFactory

pytestmark = pytest.mark.django_db

JSON = {"Accept": "application/json"}


def section_url(article, query: str = "") -> str:
    return reverse("comments:section", args=[article.pk]) + (f"?{query}" if query else "")


def texts_in_order(html: str) -> list[str]:
    return re.findall(r'<div class="comment__text">(.*?)</div>', html)


def at(minutes_ago: int):
    return timezone.now() - timedelta(minutes=minutes_ago)


# ------------------------------------------------------------------------------
# The section alone
# ------------------------------------------------------------------------------
def test_the_section_alone_follows_the_pages_query(client, article, settings):
    settings.COMMENTS_THREADS_SHOWN = 2
    for n in range(3):
        CommentFactory(article=article, comment=f"Thread {n}", submit_date=at(100 - n))
    first = client.get(section_url(article, "sort=oldest"))
    html = first.content.decode()
    assert html.lstrip().startswith('<section id="comments"')
    assert "<html" not in html
    assert texts_in_order(html) == ["Thread 0", "Thread 1"]
    everything = client.get(section_url(article, "sort=newest&comments=all")).content.decode()
    assert texts_in_order(everything) == ["Thread 2", "Thread 1", "Thread 0"]


def test_the_sections_links_and_forms_lead_back_to_the_article_page(client, article):
    comment = CommentFactory(article=article)
    html = client.get(section_url(article, "sort=votes")).content.decode()
    page = f"{article.get_absolute_url()}?sort=votes"
    assert f'name="next" value="{page}"' in html
    assert f'href="?sort=votes&amp;reply={comment.pk}#reply-form"' in html


def test_the_section_alone_opens_the_reply_form_under_its_comment(client, article):
    comment = CommentFactory(article=article)
    html = client.get(section_url(article, f"reply={comment.pk}")).content.decode()
    start = html.index(f'id="c{comment.pk}"')
    assert html.index('id="reply-form"', start) > start
    assert 'id="comment-form"' not in html


def test_the_section_alone_is_never_cached_and_sets_no_cookie(client, article):
    CommentFactory(article=article)
    response = client.get(section_url(article))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies
    # Its address is not the page's, so no cache can serve it in the page's place.
    assert section_url(article) != article.get_absolute_url()


def test_the_section_alone_shows_the_readers_own_votes_and_edit_links(member_client, member):
    article = ArticleFactory()
    mine = MemberCommentFactory(article=article, user=member)
    html = member_client.get(section_url(article)).content.decode()
    assert f'href="{reverse("comments:edit", args=[mine.pk])}" data-edit' in html


def test_no_section_for_a_draft_or_an_unknown_article(client):
    draft = ArticleFactory(status="draft", published_at=None)
    assert client.get(section_url(draft)).status_code == 404
    assert client.get("/comments/on/99999999999999999999/").status_code == 404


def test_the_section_alone_speaks_the_editions_language(client):
    article = ArticleFactory(language="de")
    CommentFactory(article=article)
    html = client.get(f"/de{section_url(article)}").content.decode()
    assert "Antworten" in html and ">Reply<" not in html


def test_the_section_alone_costs_as_many_queries_with_many_comments(
    client, article, django_assert_max_num_queries
):
    CommentFactory(article=article)
    client.get(section_url(article))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(section_url(article))
    for _ in range(20):
        CommentFactory(parent=CommentFactory(article=article))
    with django_assert_max_num_queries(len(few)):
        client.get(section_url(article, "comments=all"))


# ------------------------------------------------------------------------------
# Posting by script
# ------------------------------------------------------------------------------
def test_a_members_comment_by_script_is_posted_and_named(member_client, article):
    response = member_client.post(
        reverse("comments:post"), form_data(article, comment="In place."), headers=JSON
    )
    comment = Comment.objects.get(comment="In place.")
    assert response.status_code == 200
    assert response.json() == {
        "status": "published",
        "comment": comment.pk,
        "message": "Your comment is posted.",
    }


def test_a_reply_by_script_lands_under_its_comment(member_client, article):
    parent = CommentFactory(article=article)
    response = member_client.post(
        reverse("comments:post"),
        form_data(article, comment="Agreed.", reply_to=str(parent.pk)),
        headers=JSON,
    )
    reply = Comment.objects.get(comment="Agreed.")
    assert reply.parent_id == parent.pk and response.json()["comment"] == reply.pk


def test_a_guests_comment_by_script_says_to_check_the_mail(client, article, settings):
    settings.COMMENTS_GUESTS = "confirm"
    response = client.post(reverse("comments:post"), form_data(article), headers=JSON)
    assert response.json()["status"] == "confirm"
    assert "We have sent you a link" in response.json()["message"]
    assert len(mail.outbox) == 1 and not Comment.objects.exists()


def test_a_held_comment_by_script_says_it_waits(member_client, article, settings):
    settings.COMMENTS_HOLD_LINKS = 0
    response = member_client.post(
        reverse("comments:post"), form_data(article, comment="See https://a.example"), headers=JSON
    )
    assert response.json()["status"] == "held"
    assert not Comment.objects.get().is_public


def test_a_refused_comment_by_script_names_the_fields(client, article):
    response = client.post(
        reverse("comments:post"), form_data(article, comment="", name=""), headers=JSON
    )
    assert response.status_code == 400
    data = response.json()
    assert set(data["errors"]) >= {"comment", "name"}
    assert data["message"]
    assert not Comment.objects.exists()


def test_too_many_comments_by_script_are_refused_with_the_wait(member_client, article, settings):
    settings.COMMENTS_POST_RATE = "1/600"
    member_client.post(reverse("comments:post"), form_data(article, comment="One"), headers=JSON)
    response = member_client.post(
        reverse("comments:post"), form_data(article, comment="Two"), headers=JSON
    )
    assert response.status_code == 429 and response.has_header("Retry-After")
    assert "Too many comments" in response.json()["message"]
    assert list(Comment.objects.values_list("comment", flat=True)) == ["One"]


def test_a_comment_by_script_on_a_closed_article_is_refused(member_client):
    article = ArticleFactory(allow_comments=False)
    response = member_client.post(reverse("comments:post"), form_data(article), headers=JSON)
    assert response.status_code == 403
    assert response.json()["message"] == "Comments on this article are closed."


def test_a_post_by_script_without_its_token_is_refused(client, article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("comments:post"), form_data(article), headers=JSON)
    assert response.status_code == 403
    assert not Comment.objects.exists()


# ------------------------------------------------------------------------------
# Editing by script
# ------------------------------------------------------------------------------
def test_an_edit_by_script_returns_the_new_text(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member, comment="Old")
    response = member_client.post(
        reverse("comments:edit", args=[comment.pk]), {"comment": "New <b>text</b>"}, headers=JSON
    )
    data = response.json()
    assert data["message"] == "Your comment has been updated."
    assert data["html"] == "New &lt;b&gt;text&lt;/b&gt;"
    assert Comment.objects.get(pk=comment.pk).comment == "New <b>text</b>"


def test_an_edit_by_script_after_the_window_is_refused(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member, comment="Old", submit_date=at(60))
    response = member_client.post(
        reverse("comments:edit", args=[comment.pk]), {"comment": "Late"}, headers=JSON
    )
    assert response.status_code == 403
    assert response.json()["message"] == "The time for editing this comment has passed."
    assert Comment.objects.get(pk=comment.pk).comment == "Old"


def test_an_empty_edit_by_script_is_refused_with_a_message(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member, comment="Old")
    response = member_client.post(
        reverse("comments:edit", args=[comment.pk]), {"comment": "  "}, headers=JSON
    )
    assert response.status_code == 400 and response.json()["message"]
    assert Comment.objects.get(pk=comment.pk).comment == "Old"


def test_nobody_edits_anothers_comment_by_script(member_client, article):
    comment = CommentFactory(article=article, comment="Theirs")
    response = member_client.post(
        reverse("comments:edit", args=[comment.pk]), {"comment": "Mine now"}, headers=JSON
    )
    assert response.status_code == 403
    assert Comment.objects.get(pk=comment.pk).comment == "Theirs"
