"""A guest's confirmation: a short link whose token is kept only as a hash, and a browser
that confirmed an address is not asked again for a while, for that address only."""

import hashlib
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.guests import address_trusted
from comments.models import Comment, PendingComment
from tests.articles.factories import ArticleFactory

from .conftest import form_data

pytestmark = pytest.mark.django_db

POST_URL = reverse("comments:post")


def confirmation_path(message) -> str:
    match = re.search(r"https?://[^/\s]+(/comments/confirm/(\S+)/)", message.body)
    assert match, message.body
    return match.group(1)


def post_and_confirm(client, article, **fields) -> Comment:
    mail.outbox.clear()
    client.post(POST_URL, form_data(article, **fields))
    client.post(confirmation_path(mail.outbox[0]))
    return Comment.objects.latest("pk")


def test_the_link_is_short_and_its_token_is_kept_only_as_a_hash(client, article, settings):
    settings.SITE_URL = "https://news.example.org"
    client.post(POST_URL, form_data(article))
    link = re.search(r"https://\S+/comments/confirm/\S+/", mail.outbox[0].body).group(0)
    assert len(link) < 80
    token = link.rstrip("/").rsplit("/", 1)[1]
    pending = PendingComment.objects.get()
    assert pending.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(PendingComment.objects.values().get())
    lasts = pending.expires_at - pending.created_at
    assert abs(lasts - timezone.timedelta(days=7)) < timezone.timedelta(seconds=1)


def test_a_used_link_leads_to_the_comment_and_an_unknown_one_says_so(client, article):
    comment = post_and_confirm(client, article)
    path = confirmation_path(mail.outbox[0])
    assert client.get(path)["Location"] == comment.get_absolute_url()
    unknown = client.get(reverse("comments:confirm", args=["x" * 22]))
    assert unknown.status_code == 400
    assert "confirmation link is not valid" in unknown.content.decode()
    too_long = client.get(reverse("comments:confirm", args=["x" * 5000]))
    assert too_long.status_code == 400


def test_a_used_link_whose_comment_is_gone_gets_a_clear_page(client, article):
    comment = post_and_confirm(client, article, comment="Soon removed.")
    comment.delete()
    response = client.get(confirmation_path(mail.outbox[0]))
    assert response.status_code == 400
    assert "has been used already" in response.content.decode()
    assert "Soon removed." in response.content.decode()


def test_a_browser_that_confirmed_an_address_is_not_asked_again(client, article):
    post_and_confirm(client, article, comment="The first one.")
    mail.outbox.clear()
    response = client.post(POST_URL, form_data(article, comment="The second one."))
    second = Comment.objects.get(comment="The second one.")
    assert second.is_public and mail.outbox == []
    assert response["Location"].startswith(reverse("comments-xtd-sent"))


def test_the_remembered_address_is_bound_to_that_address(client, article):
    post_and_confirm(client, article)
    mail.outbox.clear()
    client.post(POST_URL, form_data(article, email="someone.else@example.com", comment="Other"))
    assert not Comment.objects.filter(comment="Other").exists()
    assert mail.outbox[0].to == ["someone.else@example.com"]
    # The case of the address does not matter.
    client.post(POST_URL, form_data(article, email="GINA@example.com", comment="Loud"))
    assert Comment.objects.filter(comment="Loud").exists()


def test_another_browser_is_asked_to_confirm(client, article):
    post_and_confirm(client, article)
    mail.outbox.clear()
    Client().post(POST_URL, form_data(article, comment="From elsewhere"))
    assert not Comment.objects.filter(comment="From elsewhere").exists()
    assert len(mail.outbox) == 1


def test_the_remembered_address_expires_after_the_configured_days(client, article, settings):
    settings.COMMENTS_GUEST_TRUST_DAYS = 3
    post_and_confirm(client, article)
    mail.outbox.clear()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=4)):
        client.post(POST_URL, form_data(article, comment="Much later"))
    assert not Comment.objects.filter(comment="Much later").exists()
    assert len(mail.outbox) == 1


def test_the_cookie_goes_to_the_posting_address_only_so_pages_stay_cached(client, article):
    client.post(POST_URL, form_data(article))
    response = client.post(confirmation_path(mail.outbox[0]))
    paths = {cookie["path"] for cookie in response.cookies.values()}
    assert paths == {"/comments/post/", "/de/comments/post/"}
    # Browsers send it with posts of the comment form only; pages get no cookie of it.
    assert all(cookie["httponly"] for cookie in response.cookies.values())


def test_a_forged_cookie_is_not_trusted(rf, article):
    request = rf.post(POST_URL)
    request.COOKIES["comment_guest_en"] = "gina@example.com"
    assert not address_trusted(request, "gina@example.com")


def test_the_remembered_address_holds_in_the_other_edition_too(client, article):
    german = ArticleFactory(language="de")
    post_and_confirm(client, article)
    mail.outbox.clear()
    client.post(f"/de{POST_URL}", form_data(german, comment="Auf Deutsch"))
    assert Comment.objects.filter(comment="Auf Deutsch").exists()
    assert mail.outbox == []
