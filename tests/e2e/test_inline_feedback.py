"""Inline feedback in a real browser: a reader opens a passage's discussion and posts to it,
with JavaScript (in place, under the site's Content-Security-Policy) and without."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from comments.models import Comment
from tests.articles.factories import ArticleFactory, UserFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.e2e

BODY = (
    "<p>Opening words nobody comments on.</p>"
    '<p data-passage="heatwall">Heat is the real limit of small chips.</p>'
    "<p>Closing words.</p>"
)


def log_in(page, article):
    page.goto(article.get_absolute_url())
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.goto(article.get_absolute_url())


def test_with_javascript_the_thread_opens_in_place_and_takes_a_comment(page_as_served):
    member = UserFactory(username="rita", first_name="Rita", last_name="Reader")
    article = ArticleFactory(body=BODY)
    CommentFactory(article=article, passage="heatwall", comment="Cooling is the story.")
    page = page_as_served
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, article)

    marker = page.locator("#passage-heatwall a[data-passage-marker]")
    assert marker.inner_text() == "1"
    assert marker.get_attribute("aria-expanded") == "false"
    marker.click()
    thread = page.locator("#passage-heatwall + #passage-heatwall-thread")
    thread.wait_for()
    # In place: the address is the article's, the thread sits under its passage.
    assert page.url.endswith(article.get_absolute_url())
    assert marker.get_attribute("aria-expanded") == "true"
    assert "Cooling is the story." in thread.inner_text()
    # Screen readers hear what opened.
    expect(page.get_by_role("status").filter(has_text="1 comment on this passage")).to_have_count(1)

    # Closing it and opening it again.
    thread.get_by_role("link", name="Close the comments on this passage").click()
    assert thread.count() == 0 and marker.get_attribute("aria-expanded") == "false"
    marker.click()
    thread.wait_for()

    thread.get_by_label("Your comment").fill("And the power supply?")
    thread.get_by_role("button", name="Post comment").click()
    page.wait_for_url(re.compile(r"#c\d+$"))
    comment = Comment.objects.get(comment="And the power supply?")
    assert (comment.passage, comment.user, comment.is_public) == ("heatwall", member, True)
    assert page.locator("#passage-heatwall a[data-passage-marker]").inner_text() == "2"
    quote = page.locator(f"#c{comment.pk} .comment__passage")
    assert "Heat is the real limit of small chips." in quote.inner_text()
    assert errors == []


def test_without_javascript_the_marker_leads_to_the_thread_and_a_guest_posts_there(
    page_without_js, settings
):
    settings.COMMENTS_GUESTS = "confirm"
    article = ArticleFactory(body=BODY)
    page = page_without_js
    page.goto(article.get_absolute_url())
    page.locator("#passage-heatwall a[data-passage-marker]").click()
    assert "?passage=heatwall" in page.url
    thread = page.locator("#passage-heatwall-thread")
    assert thread.get_by_role("heading", name="0 comments on this passage").is_visible()
    assert "No comments on this passage yet." in thread.inner_text()

    def fill_and_post():
        form = page.locator("#passage-heatwall-thread form")
        form.get_by_label("Your comment").fill("Which chips, exactly?")
        form.get_by_label("Name", exact=True).fill("Gina Guest")
        form.get_by_label("Email", exact=True).fill("gina@example.com")
        form.get_by_role("button", name="Post comment").click()

    fill_and_post()
    if "has not been sent yet" in page.content():
        # The page came without the token a script would add; the form came back.
        page.get_by_role("button", name="Post comment").click()
    assert "Check your mail" in page.content()
    assert not Comment.objects.exists()

    [message] = mail.outbox
    page.goto(re.search(r"https?://\S+/comments/confirm/\S+/", message.body).group(0))
    page.get_by_role("button", name="Post my comment").click()
    page.wait_for_url(re.compile(re.escape(article.get_absolute_url())))
    comment = Comment.objects.get()
    assert (comment.passage, comment.comment) == ("heatwall", "Which chips, exactly?")
    assert page.locator("#passage-heatwall a[data-passage-marker]").inner_text() == "1"
    assert (
        "Heat is the real limit" in page.locator(f"#c{comment.pk} .comment__passage").inner_text()
    )


def test_an_editor_opens_a_paragraph_for_feedback_and_its_id_survives_other_edits(
    page_as_served, settings
):
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from articles.passages import passage_ids

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_superuser("editor", "e@example.org", "pass-word-1")
    article = ArticleFactory(body="<p>First paragraph.</p><p>Second paragraph.</p>")
    page = page_as_served
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass-word-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    change = f"/admin/articles/article/{article.pk}/change/"
    button_name = "Open the selected paragraphs for readers' feedback, or close them"

    page.goto(change)
    page.locator(".ProseMirror p", has_text="Second paragraph.").click()
    button = page.get_by_role("button", name=button_name)
    button.click()
    expect(button).to_have_class(re.compile(r"\bactive\b"))
    page.locator("input[name=_continue]").first.click()
    page.wait_for_url(f"**{change}")
    article.refresh_from_db()
    [passage] = passage_ids(article.body)
    assert f'<p data-passage="{passage}">Second paragraph.</p>' in article.body

    # Editing the other paragraph keeps the passage's id.
    page.locator(".ProseMirror p", has_text="First paragraph.").click()
    page.keyboard.press("End")
    page.keyboard.type(" More.")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_url(f"**{change}")
    body = Article.objects.get(pk=article.pk).body
    assert "First paragraph. More." in body and passage_ids(body) == [passage]
