"""The reader's flows work with JavaScript turned off, in a real browser."""

import re

import pytest
from django.core import mail

from comments.models import Comment
from newsletter.models import Subscriber, SubscriberStatus
from tests.articles.factories import ArticleFactory, CategoryFactory, UserFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.e2e


def link_in(message, pattern: str) -> str:
    match = re.search(pattern, message.body)
    assert match, message.body
    return match.group(0)


def test_a_guest_comments_confirms_by_mail_and_sees_the_comment(page_without_js, settings):
    settings.COMMENTS_GUESTS = "confirm"
    article = ArticleFactory(title="A chip that sips power")
    page = page_without_js
    page.goto(article.get_absolute_url())
    page.get_by_label("Your comment").fill("Battery life is what I care about.")
    page.get_by_label("Name", exact=True).fill("Gina Guest")
    page.get_by_label("Email", exact=True).fill("gina@example.com")
    page.get_by_role("button", name="Post comment").click()
    # The page came without the token a script would add: the form comes back as typed.
    assert "has not been sent yet" in page.content()
    assert page.get_by_label("Your comment").input_value() == "Battery life is what I care about."
    assert not Comment.objects.exists()
    page.get_by_role("button", name="Post comment").click()
    assert "Check your mail" in page.content()
    assert not Comment.objects.exists()

    [message] = mail.outbox
    page.goto(link_in(message, r"https?://\S+/comments/confirm/\S+/"))
    page.get_by_role("button", name="Post my comment").click()
    page.wait_for_url(re.compile(re.escape(article.get_absolute_url())))
    assert page.locator(".comment__text").first.inner_text() == (
        "Battery life is what I care about."
    )
    assert page.get_by_role("heading", name="1 comment").is_visible()


def test_a_member_logs_in_replies_votes_and_sorts(page_without_js, settings):
    member = UserFactory(username="rita", first_name="Rita", last_name="Reader")
    article = ArticleFactory()
    older = CommentFactory(article=article, comment="The older thread.")
    CommentFactory(article=article, comment="The newer thread.")
    page = page_without_js

    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.goto(article.get_absolute_url())

    # Reply to the older thread through the plain ?reply= link.
    page.locator(f"#c{older.pk}").get_by_role("link", name="Reply").first.click()
    page.locator("#reply-form").get_by_label("Your reply").fill("Seconded.")
    page.locator("#reply-form").get_by_role("button", name="Post reply").click()
    reply = Comment.objects.get(comment="Seconded.")
    assert reply.parent_id == older.pk and reply.user == member
    assert page.locator(f"#c{older.pk} #c{reply.pk}").is_visible()

    # Vote the older thread up: the score shows it, and the page stays on the section.
    page.locator(f"#c{older.pk} > article").get_by_role("button", name="Vote up").click()
    assert page.locator(f"#c{older.pk} > article .vote__score").inner_text() == "1"

    # Sort tabs are plain links.
    page.get_by_role("link", name="Oldest").click()
    threads = page.locator(".comment-list:not(.comment-list--replies) > .comment > article")
    texts = threads.locator(".comment__text").all_inner_texts()
    assert texts[:2] == ["The older thread.", "The newer thread."]
    page.get_by_role("link", name="Most voted").click()
    assert "sort=votes" in page.url


def test_a_reader_subscribes_and_confirms_the_newsletter(page_without_js, settings):
    settings.NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE = True
    CategoryFactory(name="News")
    article = ArticleFactory()
    page = page_without_js
    page.goto(article.get_absolute_url())
    box = page.locator(".nl-box").first
    box.get_by_label("Email address").fill("sam@example.com")
    box.get_by_role("button", name="Subscribe").click()
    # Without the script's token the sign-up comes back filled in; sent again, it counts.
    assert not Subscriber.objects.exists()
    assert page.get_by_label("Email address").input_value() == "sam@example.com"
    page.get_by_role("button", name="Subscribe").click()
    assert Subscriber.objects.get(email="sam@example.com").status == SubscriberStatus.PENDING

    [message] = mail.outbox
    page.goto(link_in(message, r"https?://\S+/newsletter/confirm/\S+"))
    page.get_by_role("button", name=re.compile("Confirm")).click()
    assert Subscriber.objects.get(email="sam@example.com").status == SubscriberStatus.ACTIVE
