"""Editing one's own comment, readers' reports, and the moderators' admin."""

from urllib.parse import quote

import pytest
import time_machine
from django.contrib.admin.sites import site
from django.urls import reverse
from django.utils import timezone
from django_comments.models import Comment as DjangoComment
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from comments.models import Comment, CommentVote
from tests.articles.factories import UserFactory

from .factories import CommentFactory, MemberCommentFactory

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------------
# Edits
# ------------------------------------------------------------------------------
def edit_url(comment) -> str:
    return reverse("comments:edit", args=[comment.pk])


def test_authors_edit_their_comment_within_fifteen_minutes(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member)
    page = member_client.get(article.get_absolute_url()).content.decode()
    assert f'href="{edit_url(comment)}"' in page
    response = member_client.post(edit_url(comment), {"comment": "Fixed a typo."})
    assert response["Location"] == f"{article.get_absolute_url()}#c{comment.pk}"
    comment.refresh_from_db()
    assert comment.comment == "Fixed a typo." and comment.edited_at is not None
    assert "edited" in member_client.get(article.get_absolute_url()).content.decode()


def test_the_edit_window_closes_after_fifteen_minutes(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member, comment="Original")
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        page = member_client.get(article.get_absolute_url()).content.decode()
        assert f'href="{edit_url(comment)}"' not in page
        response = member_client.post(edit_url(comment), {"comment": "Too late"})
    assert response.status_code == 403
    assert "has passed" in response.content.decode()
    assert "Too late" in response.content.decode()  # shown again, not lost
    comment.refresh_from_db()
    assert comment.comment == "Original"


def test_nobody_edits_someone_elses_comment(member_client, article):
    comment = MemberCommentFactory(article=article, comment="Mine")
    assert member_client.post(edit_url(comment), {"comment": "Yours now"}).status_code == 403
    comment.refresh_from_db()
    assert comment.comment == "Mine"


def test_guests_are_asked_to_log_in_to_edit(client, article):
    comment = CommentFactory(article=article)
    response = client.get(edit_url(comment))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("text", "message"), [("  ", "write something"), ("x" * 3001, "3000")])
def test_an_edit_must_not_be_empty_or_too_long(member_client, member, article, text, message):
    comment = MemberCommentFactory(article=article, user=member, comment="Original")
    response = member_client.post(edit_url(comment), {"comment": text})
    assert response.status_code == 400 and message in response.content.decode()
    comment.refresh_from_db()
    assert comment.comment == "Original"


def test_an_edit_that_adds_many_links_waits_for_review(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member)
    links = "https://a.example https://b.example https://c.example"
    member_client.post(edit_url(comment), {"comment": links})
    comment.refresh_from_db()
    assert comment.is_public is False


def test_an_edit_keeps_hidden_replies_hidden(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member)
    reply = CommentFactory(parent=comment)
    Comment.objects.filter(pk=reply.pk).update(is_public=False)
    member_client.post(edit_url(comment), {"comment": "Changed"})
    reply.refresh_from_db()
    assert reply.is_public is False


# ------------------------------------------------------------------------------
# Reports
# ------------------------------------------------------------------------------
def report(user, comment, client):
    client.force_login(user)
    return client.post(reverse("comments:report", args=[comment.pk]))


def test_enough_reports_hide_a_comment_and_its_replies_until_reviewed(client, article, settings):
    settings.COMMENTS_REPORTS_TO_HIDE = 2
    comment = CommentFactory(article=article, comment="Rude words")
    reply = CommentFactory(parent=comment, comment="Reply to rude")
    reporter = UserFactory()
    report(reporter, comment, client)
    report(reporter, comment, client)  # the same reader twice counts once
    comment.refresh_from_db()
    assert comment.is_public
    response = report(UserFactory(), comment, client)
    assert response["Location"] == f"{article.get_absolute_url()}#comments"
    comment.refresh_from_db()
    reply.refresh_from_db()
    assert not comment.is_public and not reply.is_public
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Rude words" not in page and "Reply to rude" not in page
    assert "hidden until a moderator" in page


def test_after_a_moderator_keeps_a_comment_only_new_reports_count(
    client, article, settings, admin_user
):
    from comments.services import comment_approve

    settings.COMMENTS_REPORTS_TO_HIDE = 2
    comment = CommentFactory(article=article)
    first, second = UserFactory(), UserFactory()
    report(first, comment, client)
    report(second, comment, client)
    comment.refresh_from_db()
    comment_approve(comment=comment, moderator=admin_user)
    report(first, comment, client)
    comment.refresh_from_db()
    assert comment.is_public
    report(second, comment, client)
    comment.refresh_from_db()
    assert not comment.is_public


def test_guests_are_told_to_log_in_to_report_with_a_way_back(client, article):
    comment = CommentFactory(article=article, user_name="Nora")
    back = f"{article.get_absolute_url()}#c{comment.pk}"
    for response in (
        client.get(reverse("comments:report", args=[comment.pk])),
        client.post(reverse("comments:report", args=[comment.pk])),
    ):
        html = response.content.decode()
        assert response.status_code == 403
        assert "<h1>Log in to report a comment</h1>" in html
        assert f'href="/accounts/login/?next={quote(back, safe="/")}"' in html
        assert f'<a href="{back}">Back to the comment by Nora</a>' in html
    assert not CommentFlag.objects.exists()


def test_the_script_learns_a_guest_must_log_in_to_report(client, article):
    comment = CommentFactory(article=article)
    response = client.post(
        reverse("comments:report", args=[comment.pk]), headers={"Accept": "application/json"}
    )
    assert response.status_code == 403
    data = response.json()
    assert data["login"] == "Log in to report a comment"
    assert data["login_url"].startswith("/accounts/login/?next=")
    assert not CommentFlag.objects.exists()


def test_a_members_report_is_thanked_beside_the_comment(member_client, article):
    comment = CommentFactory(article=article)
    response = member_client.post(reverse("comments:report", args=[comment.pk]), follow=True)
    html = response.content.decode()
    start = html.index(f'id="c{comment.pk}"')
    end = html.index("</article>", start)
    assert "Thank you for the report. A moderator will look at the comment." in html[start:end]
    assert html.count("Thank you for the report") == 1
    assert CommentFlag.objects.filter(comment_id=comment.pk).count() == 1


def test_the_script_gets_the_reports_outcome_as_json(member_client, article, settings):
    settings.COMMENTS_REPORTS_TO_HIDE = 1
    comment = CommentFactory(article=article)
    response = member_client.post(
        reverse("comments:report", args=[comment.pk]), headers={"Accept": "application/json"}
    )
    assert response.json() == {
        "message": "Thank you. The comment is hidden until a moderator has looked at it.",
        "hidden": True,
    }
    assert not type(comment).objects.get(pk=comment.pk).is_public


def test_nobody_reports_their_own_comment(member_client, member, article):
    comment = MemberCommentFactory(article=article, user=member)
    response = member_client.post(reverse("comments:report", args=[comment.pk]))
    assert response.status_code == 400
    assert not CommentFlag.objects.exists()


# ------------------------------------------------------------------------------
# Admin
# ------------------------------------------------------------------------------
CHANGELIST = reverse("admin:comments_comment_changelist")


def test_the_admin_list_shows_article_author_status_score_and_reports(
    staff_client, article, django_assert_max_num_queries
):
    flagged = CommentFactory(article=article, user_name="Gina")
    CommentFlag.objects.create(
        comment=flagged, user=UserFactory(), flag=CommentFlag.SUGGEST_REMOVAL
    )
    Comment.objects.filter(pk=flagged.pk).update(score=4)
    for _ in range(30):
        MemberCommentFactory(article=article)
    # session, user, counts, the page of comments with articles and users, filters' dates
    with django_assert_max_num_queries(10):
        response = staff_client.get(CHANGELIST)
    html = response.content.decode()
    assert "Chips get smaller" in html and "Gina" in html and "(guest)" in html
    assert '<td class="field-score">4</td>' in html
    assert '<td class="field-open_reports">1</td>' in html
    assert html.count("Published") >= 31
    reported = staff_client.get(CHANGELIST + "?status=reported").content.decode()
    assert reported.count('<td class="field-open_reports">') == 1


@pytest.mark.parametrize(
    ("action", "is_public", "is_removed"),
    [("approve", True, False), ("hide", False, False), ("mark_spam", False, True)],
)
def test_admin_actions_change_the_status(staff_client, article, action, is_public, is_removed):
    comment = CommentFactory(article=article, is_public=action != "hide")
    reply = CommentFactory(parent=comment)
    if action == "approve":
        Comment.objects.filter(pk__in=[comment.pk, reply.pk]).update(is_public=False)
    staff_client.post(CHANGELIST, {"action": action, "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    reply.refresh_from_db()
    assert (comment.is_public, comment.is_removed) == (is_public, is_removed)
    assert comment.reviewed_at is not None
    assert reply.is_public is is_public  # the replies follow their parent (xtd)


def test_admin_deletes_comments_with_their_replies(staff_client, article):
    comment = CommentFactory(article=article)
    reply = CommentFactory(parent=comment)
    CommentFactory(parent=reply)
    other = CommentFactory(article=article)
    staff_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"}
    )
    assert list(Comment.objects.all()) == [other]
    html = staff_client.get(article.get_absolute_url()).content.decode()
    assert "1 comment" in html


def test_deleting_an_article_deletes_its_comments_votes_and_reports(article, member):
    comment = CommentFactory(article=article)
    CommentFactory(parent=comment)
    CommentVote.objects.create(comment=comment, user=member, value=1)
    CommentFlag.objects.create(comment=comment, user=member, flag=CommentFlag.SUGGEST_REMOVAL)
    article.delete()
    assert not Comment.objects.exists() and not XtdComment.objects.exists()
    assert not DjangoComment.objects.exists()
    assert not CommentVote.objects.exists() and not CommentFlag.objects.exists()


def test_the_admin_change_page_shows_reports(staff_client, article):
    comment = CommentFactory(article=article)
    CommentFlag.objects.create(comment=comment, user=UserFactory(username="tattletale"),
                               flag=CommentFlag.SUGGEST_REMOVAL)  # fmt: skip
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    html = staff_client.get(url).content.decode()
    assert "tattletale" in html and "removal suggestion" in html


def test_the_comment_admin_is_registered():
    assert Comment in site._registry
