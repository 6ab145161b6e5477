"""The comment and vote forms of a page that a cache keeps for every reader carry no
CSRF token; sent without one (scripts off), each comes back with what was sent and a
token, on a page no cache keeps, and works when sent again."""

import re

import pytest
from django.test import Client
from django.test.signals import template_rendered

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


HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')


def comment_form_of(html: str) -> str:
    start = html.index('id="comment-form"')
    return html[start : html.index("</form>", start)]


@pytest.fixture
def form_renders():
    renders = []

    def record(sender, template, **kwargs):
        if template.name == "comments/includes/form.html":
            renders.append(template.name)

    template_rendered.connect(record)
    yield renders
    template_rendered.disconnect(record)


def test_readers_with_nothing_personal_share_one_rendered_form_and_it_still_posts(
    article, settings, form_renders
):
    settings.COMMENTS_GUESTS = "publish"
    settings.COMMENTS_XTD_CONFIRM_EMAIL = False
    url = article.get_absolute_url() + "?sort=newest"  # never from the page cache
    first = comment_form_of(Client().get(url).content.decode())
    second = comment_form_of(Client().get(url).content.decode())

    assert form_renders == ["comments/includes/form.html"]
    assert second == first
    assert TOKEN.search(second).group(1) == ""
    # The kept form's security data (its time and hash) is still accepted.
    kept = dict(HIDDEN.findall(second))
    fields = form_data(article, comment="From the kept form.")
    fields |= {
        name: kept[name] for name in ("timestamp", "security_hash", "object_pk", "content_type")
    }
    assert Client().post("/comments/post/", fields).status_code == 302
    assert Comment.objects.get().comment == "From the kept form."


def test_a_member_between_two_readers_gets_a_form_of_their_own(article, member_client):
    url = article.get_absolute_url() + "?sort=newest"
    before = comment_form_of(Client().get(url).content.decode())
    mine = comment_form_of(member_client.get(url).content.decode())
    after = comment_form_of(Client().get(url).content.decode())

    assert TOKEN.search(mine).group(1)
    assert "Post as a guest" not in mine
    assert TOKEN.search(after).group(1) == "" and "Post as a guest" in after
    assert after == before


def test_the_kept_form_follows_its_article_to_a_new_address(article):
    url = article.get_absolute_url() + "?sort=newest"
    Client().get(url)
    article.slug = "chips-get-even-smaller"
    article.save()

    moved = article.get_absolute_url()
    form = comment_form_of(Client().get(moved + "?sort=newest").content.decode())
    assert f"?next={moved}%23comments" in form.replace("%2F", "/")


def test_a_reply_form_is_never_the_kept_one(article, form_renders):
    comment = CommentFactory(article=article)
    url = article.get_absolute_url()
    Client().get(f"{url}?reply={comment.pk}")
    Client().get(f"{url}?reply={comment.pk}")
    # Each reply page renders its own form, with the comment it answers.
    assert len(form_renders) == 2
