"""The comment section's journeys in a real browser, each twice: with JavaScript, where
static/js/comments.js does them in place (no page load), and without, where the same
links and forms reload the page. Each is checked in the page and in the database."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_comments.models import CommentFlag
from playwright.sync_api import expect

from comments.models import Comment, CommentVote
from tests.articles.factories import ArticleFactory, UserFactory
from tests.comments.factories import CommentFactory, MemberCommentFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WITH_AND_WITHOUT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


@pytest.fixture
def tab(request, javascript):
    """The browser tab: the site as served (its CSP on), with or without scripts."""
    return request.getfixturevalue("page_as_served" if javascript else "page_without_js")


@pytest.fixture(autouse=True)
def _roomy_limits(settings):
    settings.COMMENTS_POST_RATE = settings.COMMENTS_VOTE_RATE = "1000/600"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/)"))


class NoReload:
    """With scripts on, proves the journey happened without loading the page again."""

    def __init__(self, page, javascript: bool):
        self.page, self.javascript = page, javascript

    def __enter__(self):
        if self.javascript:
            self.page.evaluate("window.__samePage = true")
        return self

    def __exit__(self, *exc):
        if self.javascript and exc[0] is None:
            assert self.page.evaluate("window.__samePage === true"), "the page was loaded again"


def card(page, comment):
    return page.locator(f"#c{comment.pk} > article")


@WITH_AND_WITHOUT
def test_a_member_votes_and_takes_the_vote_back(tab, javascript):
    UserFactory(username="rita")
    article = ArticleFactory()
    comment = CommentFactory(article=article)
    log_in(tab, "rita")
    tab.goto(article.get_absolute_url())
    with NoReload(tab, javascript):
        card(tab, comment).get_by_role("button", name="Vote up").click()
        expect(card(tab, comment).locator(".vote__score")).to_have_text("1")
        expect(card(tab, comment).get_by_role("button", name="Vote up")).to_have_attribute(
            "aria-pressed", "true"
        )
        assert Comment.objects.get(pk=comment.pk).score == 1
        card(tab, comment).get_by_role("button", name="Vote up").click()
        expect(card(tab, comment).locator(".vote__score")).to_have_text("0")
        expect(card(tab, comment).get_by_role("button", name="Vote up")).to_have_attribute(
            "aria-pressed", "false"
        )
    assert not CommentVote.objects.exists() and Comment.objects.get(pk=comment.pk).score == 0
    if javascript:
        expect(tab.locator("[data-comments-live]")).to_contain_text("withdrawn")


@WITH_AND_WITHOUT
def test_a_guest_who_votes_is_told_to_log_in_with_a_way_back(tab, javascript, settings):
    settings.COMMENTS_GUEST_VOTING = False
    article = ArticleFactory()
    comment = CommentFactory(article=article)
    tab.goto(article.get_absolute_url())
    with NoReload(tab, javascript):
        card(tab, comment).get_by_role("button", name="Vote up").click()
        login = (
            tab.get_by_role("link", name="Log in to vote")
            if javascript
            else (tab.get_by_role("link", name="Log in", exact=True).last)
        )
        expect(login).to_be_visible()
    assert not CommentVote.objects.exists()
    login.click()
    tab.wait_for_url(re.compile(r"/accounts/login/\?next="))
    assert f"%23c{comment.pk}" in tab.url


@WITH_AND_WITHOUT
def test_sorting_lands_on_the_first_comment_and_the_address_follows(tab, javascript):
    article = ArticleFactory()
    old = CommentFactory(
        article=article, comment="The old one.", submit_date=timezone.now() - timedelta(hours=2)
    )
    CommentFactory(article=article, comment="The new one.")
    tab.goto(article.get_absolute_url())
    threads = tab.locator("#comment-list > .comment > article .comment__text")
    expect(threads.first).to_have_text("The new one.")
    with NoReload(tab, javascript):
        tab.get_by_role("link", name="Oldest").click()
        expect(threads.first).to_have_text("The old one.")
        expect(tab).to_have_url(re.compile(r"\?sort=oldest"))
    if javascript:
        assert tab.evaluate("document.activeElement.closest('.comment').id") == f"c{old.pk}"
        expect(tab.locator("[data-comments-live]")).to_have_text("Comments sorted: Oldest")
    else:
        assert tab.evaluate("location.hash") == "#comment-list"
    tab.reload()
    expect(threads.first).to_have_text("The old one.")


@WITH_AND_WITHOUT
def test_view_all_shows_the_other_threads(tab, javascript, settings):
    settings.COMMENTS_THREADS_SHOWN = 2
    article = ArticleFactory()
    now = timezone.now()
    made = [
        CommentFactory(
            article=article, comment=f"Thread {n}", submit_date=now - timedelta(minutes=10 - n)
        )
        for n in range(4)
    ]
    tab.goto(article.get_absolute_url())
    threads = tab.locator("#comment-list > .comment")
    expect(threads).to_have_count(2)
    with NoReload(tab, javascript):
        tab.get_by_role("link", name="View all comments (2 more)").click()
        expect(threads).to_have_count(4)
    expect(tab.get_by_role("link", name=re.compile("View all comments"))).to_have_count(0)
    if javascript:
        # The first thread the reader had not seen has the focus.
        focused = tab.evaluate("document.activeElement.closest('.comment').id")
        assert focused == f"c{made[1].pk}"
        expect(tab).to_have_url(re.compile(r"comments=all"))


@WITH_AND_WITHOUT
def test_a_member_replies_under_the_comment(tab, javascript):
    member = UserFactory(username="rita")
    article = ArticleFactory()
    parent = CommentFactory(article=article, comment="Is it fast?")
    log_in(tab, "rita")
    tab.goto(article.get_absolute_url())
    with NoReload(tab, javascript):
        card(tab, parent).get_by_role("link", name="Reply").click()
        form = tab.locator(f"#c{parent.pk} #reply-form")
        expect(form).to_be_visible()
        if javascript:
            expect(form.get_by_label("Your reply")).to_be_focused()
        form.get_by_label("Your reply").fill("Very fast.")
        form.get_by_role("button", name="Post reply").click()
        expect(tab.locator(f"#c{parent.pk} .comment-list--replies .comment__text")).to_have_text(
            "Very fast."
        )
    reply = Comment.objects.get(comment="Very fast.")
    assert reply.parent_id == parent.pk and reply.user == member and reply.is_public


@WITH_AND_WITHOUT
def test_a_member_reports_and_is_thanked_beside_the_comment(tab, javascript):
    member = UserFactory(username="rita")
    article = ArticleFactory()
    comment = CommentFactory(article=article)
    log_in(tab, "rita")
    tab.goto(article.get_absolute_url())
    with NoReload(tab, javascript):
        card(tab, comment).get_by_role("button", name="Report").click()
        expect(card(tab, comment)).to_contain_text("Thank you for the report.")
    assert CommentFlag.objects.filter(comment_id=comment.pk, user=member).count() == 1


@WITH_AND_WITHOUT
def test_a_member_edits_within_the_window(tab, javascript):
    member = UserFactory(username="rita")
    article = ArticleFactory()
    comment = MemberCommentFactory(article=article, user=member, comment="Teh chip.")
    log_in(tab, "rita")
    tab.goto(article.get_absolute_url())
    with NoReload(tab, javascript):
        card(tab, comment).get_by_role("link", name="Edit").click()
        box = (
            tab.get_by_label("Your comment").last
            if javascript
            else tab.get_by_label("Your comment")
        )
        expect(box).to_have_value("Teh chip.")
        box.fill("The chip.")
        tab.get_by_role("button", name="Save").click()
        expect(card(tab, comment).locator(".comment__text")).to_have_text("The chip.")
        expect(card(tab, comment)).to_contain_text("Your comment has been updated.")
    assert Comment.objects.get(pk=comment.pk).comment == "The chip."


@WITH_AND_WITHOUT
def test_a_guest_comments_and_the_browser_remembers_the_name_if_asked(tab, javascript, settings):
    settings.COMMENTS_GUESTS = "publish"
    article = ArticleFactory()
    tab.goto(article.get_absolute_url())
    remember = tab.get_by_label("Remember my name, email and website in this browser")
    if not javascript:
        # Without a script nothing could fill the fields again: the box is not offered.
        expect(remember).to_be_hidden()
    with NoReload(tab, javascript):
        tab.get_by_label("Your comment").fill("Guest words.")
        tab.get_by_label("Name", exact=True).fill("Gina Guest")
        tab.get_by_label("Email", exact=True).fill("gina@example.com")
        if javascript:
            remember.check()
        tab.get_by_role("button", name="Post comment").click()
        if not javascript:
            # The cached page's form came without a token: it is offered again, filled in.
            tab.get_by_role("button", name="Post comment").click()
        expect(tab.locator(".comment__text").first).to_have_text("Guest words.")
    assert Comment.objects.get().user_name == "Gina Guest"
    if javascript:
        tab.goto(ArticleFactory().get_absolute_url())
        expect(tab.get_by_label("Name", exact=True)).to_have_value("Gina Guest")
        expect(tab.get_by_label("Email", exact=True)).to_have_value("gina@example.com")
        # The page itself carried nothing of hers: it is filled in by the browser.
        assert "Gina" not in tab.evaluate("document.cookie")
