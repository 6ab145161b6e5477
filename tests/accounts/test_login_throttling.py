"""Failed logins are throttled per address and username and per address, never per
username alone: an attacker shuts out only their own address, never a member."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.throttling import login_attempt

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")
RIGHT = "correct horse battery staple"
ATTACKER = "203.0.113.66"
MEMBER_HOME = "198.51.100.7"


def log_in(client: Client, username: str, password: str, url: str = LOGIN):
    return client.post(url, {"username": username, "password": password})


def logged_in(client: Client) -> bool:
    return SESSION_KEY in client.session


def test_twenty_wrong_passwords_shut_out_the_attackers_address_but_not_the_member(member):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    statuses = [log_in(attacker, member.username, f"guess {n}").status_code for n in range(20)]
    assert statuses == [200] * 5 + [429] * 15

    response = log_in(attacker, member.username, RIGHT)
    assert response.status_code == 429 and not logged_in(attacker)
    # The member, from their own address, is let in at once.
    at_home = Client(REMOTE_ADDR=MEMBER_HOME)
    assert log_in(at_home, member.username, RIGHT).status_code == 302
    assert logged_in(at_home)


def test_a_refused_login_keeps_the_username_and_says_when_to_try_again(member):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for n in range(5):
        log_in(attacker, member.username, f"guess {n}")
    response = log_in(attacker, member.username, RIGHT)
    html = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 900
    assert f'value="{member.username}"' in html
    assert re.search(r"Too many failed logins\. Please try again in 1[45] minutes\.", html)


def test_a_refused_login_says_when_in_german(member, settings):
    settings.LANGUAGE_CODE = "de"
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for n in range(6):
        response = log_in(attacker, member.username, f"guess {n}")
    assert response.status_code == 429
    assert re.search(
        r"Zu viele fehlgeschlagene Anmeldungen\. Bitte versuchen Sie es in 1[45] Minuten "
        r"noch einmal\.",
        response.content.decode(),
    )


def test_the_admin_login_is_throttled_the_same_way(admin_user):
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for n in range(5):
        assert log_in(attacker, admin_user.username, f"guess {n}", ADMIN_LOGIN).status_code == 200
    response = log_in(attacker, admin_user.username, "password", ADMIN_LOGIN)
    assert response.status_code == 429 and not logged_in(attacker)
    assert "Retry-After" in response and "Too many failed logins." in response.content.decode()
    assert f'value="{admin_user.username}"' in response.content.decode()
    elsewhere = Client(REMOTE_ADDR=MEMBER_HOME)
    assert log_in(elsewhere, admin_user.username, "password", ADMIN_LOGIN).status_code == 302


def test_failures_across_many_usernames_shut_out_the_address(member, settings):
    settings.ACCOUNTS_LOGIN_ADDRESS_RATE = "3/900"
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for name in ("anna", "bert", "carl"):
        assert log_in(attacker, name, "guess").status_code == 200
    assert log_in(attacker, member.username, RIGHT).status_code == 429
    assert log_in(Client(REMOTE_ADDR=MEMBER_HOME), member.username, RIGHT).status_code == 302


def test_successful_logins_do_not_count_as_failures(member, settings):
    settings.ACCOUNTS_LOGIN_RATE = settings.ACCOUNTS_LOGIN_ADDRESS_RATE = "2/900"
    client = Client(REMOTE_ADDR=MEMBER_HOME)
    for _ in range(4):
        assert log_in(client, member.username, RIGHT).status_code == 302
        client.logout()
    assert log_in(client, member.username, "typo").status_code == 200
    assert log_in(client, member.username, RIGHT).status_code == 302


def test_the_usernames_case_makes_no_new_guesses(member, settings):
    settings.ACCOUNTS_LOGIN_RATE = "2/900"
    attacker = Client(REMOTE_ADDR=ATTACKER)
    log_in(attacker, "Reader", "guess")
    log_in(attacker, "READER", "guess")
    assert log_in(attacker, "reader", "guess").status_code == 429


def test_an_attempt_counts_before_its_password_is_checked(settings):
    """Guesses sent at once are counted as they arrive, not once each has failed, so a
    burst cannot all pass the limit before the first failure is counted."""
    settings.ACCOUNTS_LOGIN_RATE = "1/900"
    request = RequestFactory().post(LOGIN, REMOTE_ADDR=ATTACKER)
    assert login_attempt(request=request, username="rita")
    # The first attempt is still being checked: a second one is refused meanwhile.
    assert not login_attempt(request=request, username="rita")


def test_a_member_at_the_admin_login_with_the_right_password_makes_no_failure(member, settings):
    settings.ACCOUNTS_LOGIN_RATE = "1/900"
    client = Client(REMOTE_ADDR=MEMBER_HOME)
    for _ in range(2):
        response = log_in(client, member.username, RIGHT, ADMIN_LOGIN)
        assert response.status_code == 200 and "staff account" in response.content.decode()
