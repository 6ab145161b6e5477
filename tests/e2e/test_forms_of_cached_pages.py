"""With JavaScript on, the forms of a page every reader shares work at the first click:
static/js/form-token.js fetches the reader's token when a form is used."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from comments.models import CommentVote
from newsletter.models import Subscriber
from tests.articles.factories import ArticleFactory, CategoryFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.e2e


def test_a_guest_comments_votes_and_subscribes_from_a_cached_page(page_with_js, settings):
    settings.COMMENTS_GUEST_VOTING = True
    CategoryFactory(name="News")
    article = ArticleFactory(title="Cached for everyone")
    comment = CommentFactory(article=article, comment="Vote on this one.")
    page = page_with_js
    page.goto(article.get_absolute_url())
    page.goto(article.get_absolute_url())  # the second reader's copy: from the cache

    # comments.js sends the vote in place once form-token.js has put the token in.
    card = page.locator(f"#c{comment.pk} > article")
    card.get_by_role("button", name="Vote up").click()
    expect(card.locator(".vote__score")).to_have_text("1")
    assert CommentVote.objects.get().value == 1

    page.get_by_label("Your comment").fill("Posted at the first click.")
    page.get_by_label("Name", exact=True).fill("Gina Guest")
    page.get_by_label("Email", exact=True).fill("gina@example.com")
    page.get_by_role("button", name="Post comment").click()
    # Accepted at once: a guest's comment waits for the link mailed to them.
    expect(page.locator("#comments")).to_contain_text("We have sent you a link.")
    [message] = mail.outbox
    assert "gina@example.com" in message.to

    page.goto(article.get_absolute_url())
    box = page.locator(".nl-box").first
    box.get_by_label("Email address").fill("sam@example.com")
    box.get_by_role("button", name="Subscribe").click()
    page.wait_for_url("**/newsletter/check-your-inbox/")
    assert Subscriber.objects.filter(email="sam@example.com").exists()
