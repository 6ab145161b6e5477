"""Posting comments and replies: members, guests (confirmed by mail), and bad input."""

import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.articles.factories import ArticleFactory

from .conftest import form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

POST_URL = reverse("comments:post")


def confirmation_link(message) -> str:
    match = re.search(r"https?://\S+/comments/confirm/\S+/", message.body)
    assert match, message.body
    return match.group(0)


# ------------------------------------------------------------------------------
# Members
# ------------------------------------------------------------------------------
def test_a_member_posts_under_their_account_name_and_lands_on_the_comment(
    member_client, member, article
):
    # A forged name in the request does not change whose comment it is.
    response = member_client.post(POST_URL, form_data(article, name="Someone Else", email=""))
    comment = Comment.objects.get()
    assert (comment.user, comment.user_name, comment.user_email) == (
        member, "Rita Reader", member.email
    )  # fmt: skip
    assert comment.is_public and comment.article == article
    final = member_client.get(response["Location"])
    assert final["Location"] == f"{article.get_absolute_url()}#c{comment.pk}"
    page = member_client.get(article.get_absolute_url())
    assert "Smaller chips, bigger questions." in page.content.decode()


def comment_form(html: str) -> str:
    start = html.index('id="comment-form"')
    return html[start : html.index("</form>", start)]


def test_members_see_the_short_form_and_guests_the_full_one(client, member, article):
    guest_page = client.get(article.get_absolute_url()).content.decode()
    guest_form = comment_form(guest_page)
    assert 'name="name"' in guest_form and 'name="email"' in guest_form
    assert 'name="url"' in guest_form
    client.force_login(member)
    member_page = client.get(article.get_absolute_url()).content.decode()
    member_form = comment_form(member_page)
    assert 'name="comment"' in member_form
    assert 'name="name"' not in member_form and 'name="email"' not in member_form
    assert "Logged in as <strong>Rita Reader</strong>" in member_page


# ------------------------------------------------------------------------------
# Guests: xtd's confirmation by mail
# ------------------------------------------------------------------------------
def test_a_guest_comment_waits_for_the_confirmation_mail_then_appears(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://news.example.org"
    text = "Smaller chips, bigger questions."
    response = client.post(POST_URL, form_data(article, comment=text))
    assert Comment.objects.count() == 0
    assert "Check your mail" in client.get(response["Location"]).content.decode()

    [message] = mail.outbox
    assert message.to == ["gina@example.com"]
    # The form cannot be used to send arbitrary text to arbitrary addresses.
    assert text not in message.body and "Gina" not in message.body
    link = confirmation_link(message)
    assert link.startswith("https://news.example.org/comments/confirm/")
    path = link.removeprefix("https://news.example.org")

    # Opening the link (as mail scanners do) publishes nothing; the button does.
    assert "Post my comment" in client.get(path).content.decode()
    assert Comment.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    comment = Comment.objects.get()
    assert response["Location"] == f"{article.get_absolute_url()}#c{comment.pk}"
    assert (comment.user_name, comment.comment, comment.is_public) == ("Gina Guest", text, True)
    # A second click does not post it twice.
    assert client.post(path)["Location"] == response["Location"]
    assert Comment.objects.count() == 1


def test_a_confirmation_link_expires_and_shows_the_text_again(client, article):
    client.post(POST_URL, form_data(article, comment="Typed a week ago."))
    path = confirmation_link(mail.outbox[0]).split("8000", 1)[1]
    with time_machine.travel(timezone.now() + timezone.timedelta(days=8)):
        response = client.get(path)
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert "Typed a week ago." in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_damaged_confirmation_link_gets_a_clear_page(client):
    response = client.get(reverse("comments:confirm", args=["not-a-real-key.abc"]))
    assert response.status_code == 400
    assert "confirmation link is not valid" in response.content.decode()


def test_a_confirmation_for_a_deleted_article_gets_a_clear_page(client, article):
    client.post(POST_URL, form_data(article))
    path = confirmation_link(mail.outbox[0]).split("8000", 1)[1]
    article.delete()
    response = client.post(path)
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_without_confirmation_guests_post_at_once(client, article, settings):
    settings.COMMENTS_GUESTS = "publish"
    settings.COMMENTS_XTD_CONFIRM_EMAIL = False
    client.post(POST_URL, form_data(article, notify="followups"))
    comment = Comment.objects.get()
    assert comment.is_public and mail.outbox == []
    # No confirmed address, so no notifications to whatever address was typed in.
    assert not comment.followup and not comment.notify_replies


def test_guest_comments_can_go_to_moderation_instead(client, article, settings):
    settings.COMMENTS_GUESTS = "moderate"
    settings.COMMENTS_XTD_CONFIRM_EMAIL = False
    response = client.post(POST_URL, form_data(article))
    # A guest's held comment is one of anyone's ids: the page after posting names nothing.
    page = client.get(response["Location"]).content.decode()
    assert "If a moderator has to read it first" in page
    assert Comment.objects.get().is_public is False
    assert "Smaller chips" not in client.get(article.get_absolute_url()).content.decode()


def test_when_guests_may_not_post_they_are_sent_to_log_in(client, article, settings):
    settings.COMMENTS_GUESTS = "off"
    response = client.post(POST_URL, form_data(article))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert Comment.objects.count() == 0 and mail.outbox == []
    assert "Log in to comment" in client.get(article.get_absolute_url()).content.decode()


# ------------------------------------------------------------------------------
# Replies and the depth limit
# ------------------------------------------------------------------------------
def test_replies_nest_up_to_the_configured_depth(member_client, article, settings):
    settings.COMMENTS_MAX_DEPTH = settings.COMMENTS_XTD_MAX_THREAD_LEVEL = 3
    parent = CommentFactory(article=article)
    for expected_level in (1, 2, 3):
        member_client.post(POST_URL, form_data(article, reply_to=parent.pk))
        parent = Comment.objects.latest("pk")
        assert parent.level == expected_level
    deepest = parent

    member_client.post(POST_URL, form_data(article, reply_to=deepest.pk, comment="Deeper?"))
    reply = Comment.objects.latest("pk")
    # It joins the deepest level, beside the comment it answers, and remembers it.
    assert reply.level == 3 and reply.parent_id == deepest.parent_id
    assert reply.replied_to == deepest
    page = member_client.get(article.get_absolute_url()).content.decode()
    assert f'in reply to <a href="#c{deepest.pk}">{deepest.user_name}</a>' in page


def test_a_reply_to_a_comment_of_another_article_is_refused(member_client, article):
    elsewhere = CommentFactory(article=ArticleFactory())
    response = member_client.post(POST_URL, form_data(article, reply_to=elsewhere.pk))
    assert response.status_code == 200
    assert "not available any more" in response.content.decode()
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("reply_to", ["9223372036854775808", "2147483648", "9" * 30])
def test_a_reply_to_an_id_no_comment_can_have_is_refused_like_a_missing_one(
    member_client, article, reply_to
):
    response = member_client.post(POST_URL, form_data(article, reply_to=reply_to))
    assert response.status_code == 200
    assert "not available any more" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_reply_to_a_hidden_comment_is_refused(member_client, article):
    hidden = CommentFactory(article=article, is_public=False)
    response = member_client.post(POST_URL, form_data(article, reply_to=hidden.pk))
    assert "not available any more" in response.content.decode()
    assert Comment.objects.count() == 1


def test_the_reply_link_opens_the_form_under_the_comment_without_javascript(client, article):
    comment = CommentFactory(article=article, user_name="Otto")
    page = client.get(f"{article.get_absolute_url()}?reply={comment.pk}").content.decode()
    assert 'id="reply-form"' in page and "Your reply to Otto" in page
    assert f'name="reply_to" value="{comment.pk}"' in page
    assert 'id="comment-form"' not in page
    stale = client.get(f"{article.get_absolute_url()}?reply=999999").content.decode()
    assert "not available any more" in stale and 'id="comment-form"' in stale
    assert client.get(f"{article.get_absolute_url()}?reply=abc").status_code == 200


# ------------------------------------------------------------------------------
# Bad input
# ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write something first."),
        ("   \n  ", "Please write something first."),
        ("x" * 3001, "at most 3000 characters"),
    ],
)
def test_empty_and_over_long_comments_are_shown_again_with_a_message(
    member_client, article, text, message
):
    response = member_client.post(POST_URL, form_data(article, comment=text))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_guest_who_forgets_the_name_keeps_the_text(client, article):
    response = client.post(POST_URL, form_data(article, name="", comment="Keep me."))
    body = response.content.decode()
    assert "Please tell us your name." in body and "Keep me." in body
    assert Comment.objects.count() == 0


def test_script_in_a_comment_is_shown_as_text(member_client, article):
    member_client.post(POST_URL, form_data(article, comment="<script>alert(1)</script> hi"))
    page = member_client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; hi" in page
    assert Comment.objects.get().comment == "<script>alert(1)</script> hi"


@pytest.mark.parametrize(
    "forgery",
    [
        {"content_type": "auth.user"},
        {"content_type": "nonsense"},
        {"object_pk": "999999"},
        {"object_pk": "abc"},
        {"object_pk": "9223372036854775808"},
        {"security_hash": "0" * 40},
        {"security_hash": ""},
        {"timestamp": "abc"},
    ],
)
def test_forged_form_fields_are_refused_with_a_page_that_keeps_the_text(
    member_client, article, forgery
):
    response = member_client.post(POST_URL, form_data(article, comment="My words.", **forgery))
    assert response.status_code == 400
    body = response.content.decode()
    assert "My words." in body
    assert Comment.objects.count() == 0


def test_another_articles_id_with_this_articles_hash_is_refused(member_client, article):
    other = ArticleFactory()
    response = member_client.post(POST_URL, form_data(article, object_pk=other.pk))
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_a_form_left_open_too_long_is_offered_again_with_the_text(member_client, article):
    data = form_data(article, comment="Written slowly.")
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=3)):
        response = member_client.post(POST_URL, data)
        assert response.status_code == 200
        body = response.content.decode()
        assert "open for a long time" in body and "Written slowly." in body
        fresh = re.search(r'name="timestamp" value="(\d+)"', body).group(1)
        assert fresh != data["timestamp"]
    assert Comment.objects.count() == 0


def test_the_honeypot_catches_bots(client, article):
    response = client.post(POST_URL, form_data(article, honeypot="http://spam.example"))
    assert response.status_code == 400
    assert Comment.objects.count() == 0 and mail.outbox == []


def test_get_on_the_post_url_is_not_allowed(client):
    assert client.get(POST_URL).status_code == 405


# ------------------------------------------------------------------------------
# Closed and unpublished articles
# ------------------------------------------------------------------------------
def test_an_article_with_comments_switched_off_refuses_them(member_client, article):
    article.allow_comments = False
    article.save()
    response = member_client.post(POST_URL, form_data(article, comment="Too late."))
    assert response.status_code == 403 and "Too late." in response.content.decode()
    assert Comment.objects.count() == 0
    page = member_client.get(article.get_absolute_url()).content.decode()
    assert "Comments on this article are closed." in page and 'id="comment-form"' not in page


def test_xtds_moderator_closes_threads_after_the_configured_days(member_client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = ArticleFactory(published_at=timezone.now() - timezone.timedelta(days=31))
    fresh = ArticleFactory(published_at=timezone.now() - timezone.timedelta(days=29))
    assert member_client.post(POST_URL, form_data(old)).status_code == 403
    assert member_client.post(POST_URL, form_data(fresh)).status_code == 302
    assert list(Comment.objects.values_list("article", flat=True)) == [fresh.pk]


def test_a_draft_cannot_be_commented_on(member_client):
    draft = ArticleFactory(draft=True)
    assert member_client.post(POST_URL, form_data(draft)).status_code == 400
    assert Comment.objects.count() == 0


# ------------------------------------------------------------------------------
# Held for review by xtd's moderator
# ------------------------------------------------------------------------------
def test_comments_with_many_links_wait_for_review(member_client, article, settings):
    settings.COMMENTS_HOLD_LINKS = 2
    text = "See https://a.example and https://b.example and www.c.example"
    response = member_client.post(POST_URL, form_data(article, comment=text))
    assert Comment.objects.get().is_public is False
    assert "waits for review" in member_client.get(response["Location"]).content.decode()


def test_comments_with_a_listed_word_wait_for_review(member_client, article, settings):
    settings.COMMENTS_HOLD_WORDS = ["casino"]
    member_client.post(POST_URL, form_data(article, comment="Best Casino bonus here"))
    member_client.post(POST_URL, form_data(article, comment="Occasional thoughts"))
    held = dict(Comment.objects.values_list("comment", "is_public"))
    assert held == {"Best Casino bonus here": False, "Occasional thoughts": True}


def test_a_confirmed_reply_whose_parent_was_removed_is_refused_with_its_text(client, article):
    parent = CommentFactory(article=article)
    client.post(POST_URL, form_data(article, reply_to=parent.pk, comment="My late reply"))
    path = confirmation_link(mail.outbox[0]).split("8000", 1)[1]
    parent.delete()
    response = client.post(path)
    assert response.status_code == 400
    assert "My late reply" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_name_with_line_breaks_is_kept_on_one_line(client, article):
    client.post(POST_URL, form_data(article, name="Gina\r\nBcc: victim@example.com"))
    assert "\n" not in mail.outbox[0].to[0]
    path = confirmation_link(mail.outbox[0]).split("8000", 1)[1]
    client.post(path)
    assert Comment.objects.get().user_name == "Gina Bcc: victim@example.com"


def test_behind_a_proxy_the_limit_and_the_record_use_the_address_the_proxy_saw(
    member_client, article, settings
):
    settings.CLIENT_IP_PROXY_COUNT = 1
    settings.COMMENTS_MEMBER_ADDRESS_POST_RATE = "1/600"
    headers = {"x-forwarded-for": "203.0.113.7"}
    member_client.post(POST_URL, form_data(article), headers=headers)
    assert Comment.objects.get().ip_address == "203.0.113.7"
    assert member_client.post(POST_URL, form_data(article), headers=headers).status_code == 429
    # An invented first entry does not make another reader: the proxy's entry counts.
    spoofed = {"x-forwarded-for": "198.51.100.1, 203.0.113.7"}
    assert (
        member_client.post(POST_URL, form_data(article, comment="Yo"), headers=spoofed).status_code
        == 429
    )
    other = {"x-forwarded-for": "203.0.113.8"}
    assert (
        member_client.post(POST_URL, form_data(article, comment="Hi"), headers=other).status_code
        == 302
    )
