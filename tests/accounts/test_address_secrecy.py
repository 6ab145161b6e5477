"""Sign-up and password reset never tell a requester whether an address has an account:
the same answer, and the same mails-or-not, for a known and an unknown address.

Their times are made equal by design rather than measured (a timed test would be flaky
on a shared machine): both branches do the same work, which these tests check — one
password hash on sign-up, one mail rendered and handed to the backend (the queue in
production) on both.
"""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.articles.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET = reverse("password_reset")
DONE = reverse("password_reset_done")
SIGNUP = reverse("signup")


class CountingHasher(MD5PasswordHasher):
    """A fast hasher that counts the hashes made (the slow part of a sign-up)."""

    algorithm = "counting_md5"
    made = 0

    def encode(self, password, salt):
        type(self).made += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.made = 0
    return CountingHasher


def same_page(response) -> str:
    """The page without its per-response CSRF token and the address it names."""
    text = re.sub(r'value="[A-Za-z0-9]{64}"', "", response.content.decode())
    return text


@pytest.fixture
def owner():
    return UserFactory(username="owner", email="owner@example.com")


def test_a_reset_for_a_known_and_an_unknown_address_answers_the_same(owner):
    known = Client().post(RESET, {"email": "owner@example.com"}, follow=True)
    unknown = Client().post(RESET, {"email": "nobody@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain == [(DONE, 302)]
    assert same_page(known) == same_page(unknown)


def test_a_reset_mails_either_address_once_and_only_the_owner_gets_a_link(owner):
    Client().post(RESET, {"email": "owner@example.com"})
    Client().post(RESET, {"email": "nobody@example.com"})
    assert [message.to for message in mail.outbox] == [["owner@example.com"],
                                                       ["nobody@example.com"]]  # fmt: skip
    to_owner, to_nobody = mail.outbox
    assert "/accounts/reset/" in to_owner.body
    assert "/accounts/reset/" not in to_nobody.body
    assert "No account that logs in with a password uses it" in to_nobody.body
    assert to_nobody.subject == "Password reset at Newsroom"


def test_an_account_without_a_password_login_is_told_like_an_unknown_address(owner):
    owner.set_unusable_password()
    owner.save()
    Client().post(RESET, {"email": "owner@example.com"})
    [message] = mail.outbox
    assert "/accounts/reset/" not in message.body


def test_the_no_account_mail_is_in_the_language_of_the_edition_asked_in(settings):
    with translation.override("de"):
        url = reverse("password_reset")
    Client().post(url, {"email": "niemand@example.com"})
    [message] = mail.outbox
    assert message.subject == "Neues Passwort bei Newsroom"
    assert "Kein Konto, das sich mit einem Passwort anmeldet" in message.body


def test_sign_up_hashes_one_password_and_sends_one_mail_either_way(counting_hasher, owner):
    counting_hasher.made = 0
    data = {"password1": "a long and unusual passphrase",
            "password2": "a long and unusual passphrase"}  # fmt: skip
    Client().post(SIGNUP, {**data, "username": "fresh", "email": "fresh@example.com"})
    fresh = (counting_hasher.made, len(mail.outbox))
    counting_hasher.made = 0
    Client().post(SIGNUP, {**data, "username": "copycat", "email": "owner@example.com"})
    taken = (counting_hasher.made, len(mail.outbox) - fresh[1])
    assert fresh == taken == (1, 1)
