"""Mail about new comments: xtd's follow-ups, replies to one's comments, the article's authors."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from post_office.mail import send_queued
from post_office.models import STATUS, Email

from comments.models import Comment, NotificationMute
from comments.services import comment_approve, comment_hide, notifications_suppressed
from tests.articles.factories import UserFactory

from .conftest import form_data
from .factories import CommentFactory, MemberCommentFactory

pytestmark = pytest.mark.django_db

POST_URL = reverse("comments:post")


@pytest.fixture
def post_as(django_capture_on_commit_callbacks):
    """Post as a member; mails queued for after the commit are sent."""

    def post(user, article, **fields):
        client = Client()
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(POST_URL, form_data(article, **fields))
        assert response.status_code == 302, response.content.decode()
        return Comment.objects.latest("pk")

    return post


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_replies_to_my_comments_go_to_the_author_of_the_answered_comment_only(
    post_as, article, settings
):
    settings.COMMENTS_NOTIFY_AUTHORS = False
    alice, bob, carol = (UserFactory(username=name) for name in ("alice", "bob", "carol"))
    asked = post_as(alice, article, notify="replies", comment="What about battery life?")
    post_as(carol, article, notify="replies", comment="Unrelated thread")
    mail.outbox.clear()

    post_as(bob, article, reply_to=asked.pk, comment="About ten hours.")
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert "replied to your comment" in message.subject
    assert "About ten hours." in message.body
    reply = Comment.objects.latest("pk")
    assert f"{settings.SITE_URL}{article.get_absolute_url()}#c{reply.pk}" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{settings.SITE_URL}/comments/")

    # Answering yourself, or a comment whose author did not ask, sends nothing.
    mail.outbox.clear()
    post_as(alice, article, reply_to=asked.pk, comment="Thanks!")
    quiet = post_as(bob, article, comment="A thread of my own")
    post_as(carol, article, reply_to=quiet.pk, comment="Nice")
    assert mail.outbox == []


def test_a_reply_at_the_depth_limit_notifies_the_answered_author_not_the_parent(
    post_as, article, settings
):
    settings.COMMENTS_NOTIFY_AUTHORS = False
    settings.COMMENTS_MAX_DEPTH = settings.COMMENTS_XTD_MAX_THREAD_LEVEL = 1
    top_author, deep_author, replier = (UserFactory() for _ in range(3))
    top = post_as(top_author, article, notify="replies")
    deep = post_as(deep_author, article, reply_to=top.pk, notify="replies")
    mail.outbox.clear()
    post_as(replier, article, reply_to=deep.pk)
    assert recipients() == [deep_author.email]


def test_follow_up_mails_come_from_xtd_once_per_follower(post_as, article, settings):
    settings.COMMENTS_NOTIFY_AUTHORS = False
    follower, other = UserFactory(), UserFactory()
    first = post_as(follower, article, notify="followups")
    post_as(follower, article, notify="followups")
    mail.outbox.clear()
    # The follower also gets the reply, but only the follow-up mail, not two mails.
    post_as(other, article, reply_to=first.pk)
    [message] = mail.outbox
    assert message.to == [follower.email]
    mute = re.search(r"https?://\S+/comments/mute-followups/\S+/", message.body).group(0)
    assert mute.startswith(settings.SITE_URL)

    # Opening the link (as mail scanners do) mutes nothing; the button on the page does.
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(mute.removeprefix(settings.SITE_URL))
    assert page.status_code == 200 and "Stop the mails" in page.content.decode()
    assert follower.email in page.content.decode()
    assert Comment.objects.filter(user=follower, followup=True).count() == 2
    response = reader.post(
        mute.removeprefix(settings.SITE_URL),
        {"csrfmiddlewaretoken": reader.cookies["csrftoken"].value},
    )
    assert response.status_code == 200 and "no more mails" in response.content.decode()
    assert f'href="{article.get_absolute_url()}"' in response.content.decode()
    assert not Comment.objects.filter(user=follower, followup=True).exists()
    mail.outbox.clear()
    post_as(other, article)
    assert mail.outbox == []


def test_the_articles_authors_hear_of_new_comments_with_a_one_click_mute(
    post_as, article, author, settings
):
    reader = UserFactory()
    post_as(reader, article, comment="Great piece.")
    [message] = mail.outbox
    assert message.to == [author.email]
    assert "Great piece." in message.body
    mute = re.search(r"https?://\S+/comments/mute/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{mute}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Opening the link (as mail scanners do) only asks.
    page = Client().get(mute.removeprefix(settings.SITE_URL)).content.decode()
    assert "Stop the mails" in page and author.email in page
    assert not NotificationMute.objects.exists()
    # The mail client's one click (RFC 8058) has no cookies and no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        mute.removeprefix(settings.SITE_URL),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert "no more mails" in response.content.decode()
    assert NotificationMute.objects.filter(email=author.email, article=article).exists()
    mail.outbox.clear()
    post_as(reader, article, comment="Another one.")
    assert mail.outbox == []


def test_an_author_commenting_on_their_own_article_gets_no_mail(post_as, article, author):
    post_as(author, article)
    assert mail.outbox == []


def test_the_mute_link_stops_replies_to_my_comments_too(post_as, article, settings):
    settings.COMMENTS_NOTIFY_AUTHORS = False
    alice, bob = UserFactory(), UserFactory()
    asked = post_as(alice, article, notify="replies")
    post_as(bob, article, reply_to=asked.pk)
    mute = re.search(r"https?://\S+/comments/mute/\S+/", mail.outbox[0].body).group(0)
    Client().post(mute.removeprefix(settings.SITE_URL))
    mail.outbox.clear()
    post_as(bob, article, reply_to=asked.pk)
    assert mail.outbox == []


def test_a_forged_mute_link_gets_a_clear_page(client):
    for method in (client.get, client.post):
        response = method(reverse("comments:mute", args=["forged"]))
        assert response.status_code == 400 and "not valid" in response.content.decode()
        response = method(reverse("comments-xtd-mute", args=["forged.abc"]))
        assert response.status_code == 400


def test_a_guests_reply_notification_waits_for_their_confirmation(
    client, article, django_capture_on_commit_callbacks, settings
):
    settings.COMMENTS_NOTIFY_AUTHORS = False
    asked = MemberCommentFactory(article=article, notify_replies=True)
    client.post(POST_URL, form_data(article, reply_to=asked.pk))
    [confirmation] = mail.outbox  # only the guest's confirmation request so far
    assert confirmation.to == ["gina@example.com"]
    path = re.search(r"/comments/confirm/\S+/", confirmation.body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    assert [message.to for message in mail.outbox[1:]] == [[asked.user_email]]


def test_no_mails_for_comments_waiting_for_review_until_approved(
    post_as, article, author, settings, admin_user, django_capture_on_commit_callbacks
):
    settings.COMMENTS_HOLD_WORDS = ["casino"]
    held = post_as(UserFactory(), article, comment="casino news")
    assert held.is_public is False and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=admin_user)
    assert recipients() == [author.email]
    # A second approval (after hiding it again) does not announce it twice.
    comment_hide(comment=held, moderator=admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held, moderator=admin_user)
    assert recipients() == [author.email]


def test_notifications_are_suppressed_for_bulk_writes(
    article, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), notifications_suppressed():
        CommentFactory(article=article)
    assert mail.outbox == []


def test_with_the_queue_backend_comment_mails_wait_in_the_queue(post_as, article, author, settings):
    """Comment mails use Django's mail API, so a queueing EMAIL_BACKEND takes them off requests."""
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    }
    post_as(UserFactory(), article, comment="Queued, not sent.")
    Client().post(POST_URL, form_data(article))  # a guest: xtd's confirmation mail
    assert mail.outbox == []
    queued = Email.objects.filter(status=STATUS.queued)
    assert sorted(email.to[0] for email in queued) == [author.email, "gina@example.com"]


def test_with_smtp_down_a_comment_notification_waits_and_is_sent_exactly_once(
    post_as, article, author, settings, smtp_server
):
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    }
    smtp_server.stop()
    post_as(UserFactory(), article, comment="Sent while the mail server is down.")

    send_queued()  # what cron's send_queued_mail does, batch by batch
    assert smtp_server.inbox.messages == []
    [waiting] = Email.objects.all()
    assert waiting.status == STATUS.requeued and waiting.to == [author.email]

    smtp_server.start()
    retry_due = timezone.now() + settings.POST_OFFICE["RETRY_INTERVAL"] + timedelta(minutes=1)
    with time_machine.travel(retry_due, tick=True):
        send_queued()
        send_queued()

    assert [message["To"] for message in smtp_server.inbox.messages] == [author.email]
    assert "Sent while the mail server is down." in smtp_server.inbox.messages[0].get_content()
    assert Email.objects.get().status == STATUS.sent
