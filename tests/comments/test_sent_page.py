"""The page after posting, /comments/sent/?c=…: it names only what the reader may see."""

import pytest
from django.core import signing
from django.urls import reverse

from tests.articles.factories import ArticleFactory, UserFactory

from .factories import CommentFactory, MemberCommentFactory

pytestmark = pytest.mark.django_db

SENT = reverse("comments-xtd-sent")
GENERIC = "Thank you for your comment"


def sent_page(client, c):
    return client.get(SENT, {"c": c})


def assert_names_nothing(response, article) -> None:
    html = response.content.decode()
    assert response.status_code == 200 and GENERIC in html
    assert article.title not in html and article.slug not in html


def test_a_public_comment_on_a_published_article_leads_to_the_comment(client, article):
    comment = CommentFactory(article=article)
    response = sent_page(client, comment.pk)
    assert response["Location"] == f"{article.get_absolute_url()}#c{comment.pk}"


def test_the_article_of_a_draft_is_neither_named_nor_linked(client, member_client):
    draft = ArticleFactory(draft=True, title="Secret merger plans", slug="secret-merger")
    comment = CommentFactory(article=draft)
    assert_names_nothing(sent_page(client, comment.pk), draft)
    assert_names_nothing(sent_page(member_client, comment.pk), draft)


def test_staff_who_may_preview_the_draft_are_led_to_the_comment(staff_client):
    draft = ArticleFactory(draft=True)
    comment = CommentFactory(article=draft)
    response = sent_page(staff_client, comment.pk)
    assert response["Location"] == f"{draft.get_absolute_url()}#c{comment.pk}"


def test_a_comment_held_for_review_names_its_article_to_its_author_only(client, article):
    held = MemberCommentFactory(article=article, is_public=False)
    assert_names_nothing(sent_page(client, held.pk), article)
    client.force_login(UserFactory())
    assert_names_nothing(sent_page(client, held.pk), article)

    client.force_login(held.user)
    html = sent_page(client, held.pk).content.decode()
    assert "waits for review" in html and article.title in html


def test_a_removed_comment_names_nothing(client, article):
    removed = CommentFactory(article=article, is_removed=True)
    assert_names_nothing(sent_page(client, removed.pk), article)


@pytest.mark.parametrize(
    "c", ["", "999999", "abc", "-1", "0", "9223372036854775808", "2147483648", "9" * 5000]
)
def test_an_id_of_no_comment_gets_the_page_that_names_nothing(client, article, c):
    CommentFactory(article=article)
    assert_names_nothing(sent_page(client, c), article)


def test_without_an_id_the_page_names_nothing(client, article):
    assert_names_nothing(client.get(SENT), article)


def test_a_guest_waiting_for_the_mail_is_led_back_to_a_published_article(client, article):
    response = sent_page(client, signing.dumps(f"articles.article:{article.pk}"))
    html = response.content.decode()
    assert "Check your mail" in html and article.get_absolute_url() in html


def test_a_guest_waiting_for_the_mail_is_not_told_of_a_draft(client):
    draft = ArticleFactory(draft=True, title="Secret merger plans", slug="secret-merger")
    response = sent_page(client, signing.dumps(f"articles.article:{draft.pk}"))
    html = response.content.decode()
    assert "Check your mail" in html
    assert draft.title not in html and draft.slug not in html


def test_a_signed_value_about_anything_else_names_nothing(client, article):
    for value in (signing.dumps(f"auth.user:{article.pk}"), signing.dumps({"a": 1})):
        assert_names_nothing(sent_page(client, value), article)
