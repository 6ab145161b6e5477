"""The comment and vote forms of a page that a cache keeps for every reader carry no
CSRF token; sent without one (scripts off), each comes back with what was sent and a
token, on a page no cache keeps, and works when sent again."""

import re

import pytest
from django.test import Client

from comments.models import Comment, CommentVote
from tests.comments.conftest import form_data
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def the_token(html: str, action: str) -> str:
    form = html[html.index(f'action="{action}"') :]
    return TOKEN.search(form).group(1)


def test_a_guest_comment_sent_without_a_token_comes_back_as_typed_and_then_posts(article, settings):
    settings.COMMENTS_GUESTS = "publish"
    settings.COMMENTS_XTD_CONFIRM_EMAIL = False
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(article.get_absolute_url()).content.decode()
    assert the_token(page, "/comments/post/") == ""

    typed = form_data(article, comment="Typed once, kept.", csrfmiddlewaretoken="")
    again = reader.post("/comments/post/", typed)

    assert again.status_code == 403
    assert not Comment.objects.exists()
    assert "no-store" in again["Cache-Control"]
    html = again.content.decode()
    assert "Typed once, kept." in html and 'value="Gina Guest"' in html
    token = the_token(html, "/comments/post/")
    assert token
    fields = {**typed, "csrfmiddlewaretoken": token}
    assert reader.post("/comments/post/", fields).status_code == 302
    assert Comment.objects.get().comment == "Typed once, kept."


def test_a_guest_vote_sent_without_a_token_gets_a_button_that_sends_it(article, settings):
    settings.COMMENTS_GUEST_VOTING = True
    comment = CommentFactory(article=article)
    reader = Client(enforce_csrf_checks=True)
    vote_url = f"/comments/{comment.pk}/vote/"
    assert the_token(reader.get(article.get_absolute_url()).content.decode(), vote_url) == ""

    again = reader.post(vote_url, {"value": "up", "next": article.get_absolute_url()})

    assert again.status_code == 403
    assert not CommentVote.objects.exists()
    html = again.content.decode()
    token = the_token(html, vote_url)
    assert 'name="value" value="up"' in html
    sent = reader.post(
        vote_url, {"value": "up", "next": article.get_absolute_url(), "csrfmiddlewaretoken": token}
    )
    assert sent.status_code == 302
    assert CommentVote.objects.get().value == 1


def test_a_post_from_another_site_is_still_refused(article):
    reader = Client(enforce_csrf_checks=True)
    response = reader.post(
        "/comments/post/", form_data(article), HTTP_ORIGIN="https://elsewhere.example"
    )
    assert response.status_code == 403
    assert "Typed" not in response.content.decode()
    assert 'action="/comments/post/"' not in response.content.decode()


def test_a_member_gets_the_token_in_the_page(member_client, article):
    page = member_client.get(article.get_absolute_url()).content.decode()
    assert the_token(page, "/comments/post/")
