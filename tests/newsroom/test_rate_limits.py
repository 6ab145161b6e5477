"""Every rate-limited form, walked together: behind a proxy, the address it saw is the
one counted (invented X-Forwarded-For entries in front dodge nothing), and a refused
request is a 429 with Retry-After that keeps what the reader wrote and says when to
try again."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from tests.articles.factories import ArticleFactory, UserFactory
from tests.comments.conftest import form_data
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

READER = "203.0.113.7"  # the address our proxy saw and appended
NEIGHBOUR = "203.0.113.8"


@dataclass(frozen=True)
class Limited:
    """A form with a limit per address: `send(client, n, headers)` makes its n-th request,
    `allowed` is the status of one that passes, `kept(n)` what the reader wrote."""

    settings: dict
    send: Callable[..., HttpResponse]
    allowed: int
    kept: Callable[[int], str] | None


def _comment(client, n, headers, world):
    data = form_data(world["article"], comment=f"My comment number {n}")
    return client.post(reverse("comments:post"), data, headers=headers)


def _vote(client, n, headers, world):
    url = reverse("comments:vote", args=[world["comments"][n].pk])
    return client.post(url, {"value": "up"}, headers=headers)


def _newsletter(client, n, headers, world):
    return client.post(
        reverse("newsletter:subscribe"), {"email": f"r{n}@example.com"}, headers=headers
    )


def _signup(client, n, headers, world):
    data = {
        "username": f"newreader{n}",
        "email": f"new{n}@example.com",
        "password1": "a long and unusual passphrase",
        "password2": "a long and unusual passphrase",
    }
    return client.post(reverse("signup"), data, headers=headers)


def _login(client, n, headers, world):
    data = {"username": world["member"].username, "password": f"guess {n}"}
    return client.post(reverse("login"), data, headers=headers)


LIMITED = {
    "comments": Limited(
        {"COMMENTS_POST_RATE": "1/600"}, _comment, 302, lambda n: f"My comment number {n}"
    ),
    "votes": Limited(
        {"COMMENTS_GUEST_VOTING": True, "COMMENTS_VOTE_RATE": "1/600"}, _vote, 302, None
    ),
    "newsletter": Limited(
        {"NEWSLETTER_RATE_LIMIT": 1}, _newsletter, 302, lambda n: f'value="r{n}@example.com"'
    ),
    "sign-up": Limited(
        {"ACCOUNTS_SIGNUP_RATE": "1/3600"}, _signup, 200, lambda n: f'value="newreader{n}"'
    ),
    "login": Limited({"ACCOUNTS_LOGIN_RATE": "1/900"}, _login, 200, lambda n: 'value="reader"'),
}


@pytest.fixture
def world(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    article = ArticleFactory()
    return {
        "article": article,
        "comments": CommentFactory.create_batch(12, article=article),
        "member": UserFactory(username="reader"),
    }


@pytest.fixture(params=LIMITED, ids=str)
def limited(request, settings) -> Limited:
    settings.CLIENT_IP_PROXY_COUNT = 1
    action = LIMITED[request.param]
    for name, value in action.settings.items():
        setattr(settings, name, value)
    return action


def test_invented_forwarded_entries_dodge_no_limit(limited, world):
    first = limited.send(Client(), 0, {"x-forwarded-for": READER}, world)
    assert first.status_code == limited.allowed
    for n in range(1, 11):
        spoofed = {"x-forwarded-for": f"10.9.{n}.1, {READER}"}
        assert limited.send(Client(), n, spoofed, world).status_code == 429
    # The proxy's entry for another reader is another address.
    other = limited.send(Client(), 11, {"x-forwarded-for": NEIGHBOUR}, world)
    assert other.status_code == limited.allowed


def test_a_refused_request_keeps_the_readers_text_and_says_when_to_try_again(limited, world):
    limited.send(Client(), 0, {"x-forwarded-for": READER}, world)
    refused = limited.send(Client(), 1, {"x-forwarded-for": READER}, world)
    html = refused.content.decode()
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Please try again in" in html
    if limited.kept:
        assert limited.kept(1) in html
