"""Password resets are limited per target address (silently: the page never tells
whether an address has an account) and per requesting address (with a 429)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

RESET = reverse("password_reset")
DONE = reverse("password_reset_done")


def same_page(response) -> str:
    """The page without its per-response CSRF token (masked anew on every response)."""
    return re.sub(r'value="[A-Za-z0-9]{64}"', "", response.content.decode())


def test_eight_resets_for_one_reader_send_at_most_the_limit(member, settings):
    settings.ACCOUNTS_PASSWORD_RESET_RATE = "3/3600"
    responses = [
        Client(REMOTE_ADDR=f"203.0.113.{n}").post(RESET, {"email": member.email.upper()})
        for n in range(8)
    ]
    assert [(r.status_code, r["Location"]) for r in responses] == [(302, DONE)] * 8
    assert len(mail.outbox) == 3 and {m.to[0] for m in mail.outbox} == {member.email}


def test_a_throttled_reset_answers_like_an_address_without_an_account(member, settings):
    settings.ACCOUNTS_PASSWORD_RESET_RATE = "1/3600"
    client = Client()
    client.post(RESET, {"email": member.email})
    throttled = client.post(RESET, {"email": member.email}, follow=True)
    unknown = client.post(RESET, {"email": "nobody@example.com"}, follow=True)
    assert throttled.redirect_chain == unknown.redirect_chain == [(DONE, 302)]
    assert same_page(throttled) == same_page(unknown)
    # The throttled request mails nobody; the unknown address hears it has no account.
    assert [message.to for message in mail.outbox] == [[member.email], ["nobody@example.com"]]


def test_too_many_resets_from_one_address_are_refused_with_the_address_kept(member, settings):
    settings.ACCOUNTS_PASSWORD_RESET_ADDRESS_RATE = "2/3600"
    client = Client(REMOTE_ADDR="203.0.113.9")
    for email in ("a@example.com", "b@example.com"):
        assert client.post(RESET, {"email": email}).status_code == 302
    response = client.post(RESET, {"email": member.email})
    html = response.content.decode()
    assert response.status_code == 429 and 0 < int(response["Retry-After"]) <= 3600
    assert f'value="{member.email}"' in html
    assert "Please try again in 60 minutes." in html
    # The two addresses without an account were told so; the member got nothing yet.
    assert [message.to for message in mail.outbox] == [["a@example.com"], ["b@example.com"]]
    assert (
        Client(REMOTE_ADDR="203.0.113.10").post(RESET, {"email": member.email}).status_code == 302
    )
    assert mail.outbox[-1].to == [member.email] and len(mail.outbox) == 3
