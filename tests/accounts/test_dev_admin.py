"""`make run`'s admin / newsroom-dev opens the admin in development only: with DEBUG off
the login is refused with a reason, an old session ends, and `check --deploy` says so."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import DatabaseError
from django.urls import reverse

from accounts import checks
from accounts.dev_admin import PASSWORD, USERNAME

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = reverse("admin:login")
ADMIN_INDEX = reverse("admin:index")
REASON = "This is the development password, which logs nobody in"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dev_admin(settings):
    """The account as `make run` leaves it, then the same database served with DEBUG off."""
    settings.DEBUG = True
    call_command("ensure_dev_admin", stdout=io.StringIO())
    settings.DEBUG = False
    return get_user_model().objects.get(username=USERNAME)


def log_in(client, url=ADMIN_LOGIN, username=USERNAME, password=PASSWORD):
    return client.post(url, {"username": username, "password": password, "next": ADMIN_INDEX})


def test_with_debug_off_the_development_login_is_refused_at_the_admin_with_a_reason(
    client, dev_admin
):
    response = log_in(client)
    assert response.status_code == 200
    assert REASON in response.content.decode()
    assert client.get(ADMIN_INDEX).status_code == 302  # back to the login page


def test_with_debug_off_the_development_login_is_refused_at_the_reader_login_too(client, dev_admin):
    # A session opened there would open the admin as well.
    response = log_in(client, url=reverse("login"))
    assert response.status_code == 200
    assert REASON in response.content.decode()
    assert client.get(ADMIN_INDEX).status_code == 302


def test_with_debug_off_the_development_password_opens_no_other_account_either(client):
    get_user_model().objects.create_superuser("chief", password=PASSWORD)
    response = log_in(client, username="chief")
    assert REASON in response.content.decode()
    assert client.get(ADMIN_INDEX).status_code == 302


def test_a_wrong_password_still_gets_the_usual_message(client, dev_admin):
    response = log_in(client, password="not-it")
    page = response.content.decode()
    assert "enter the correct username and password" in page and REASON not in page


def test_with_debug_off_a_session_from_development_no_longer_opens_the_admin(
    client, dev_admin, settings
):
    settings.DEBUG = True
    assert log_in(client).status_code == 302
    assert client.get(ADMIN_INDEX).status_code == 200
    settings.DEBUG = False
    assert client.get(ADMIN_INDEX).status_code == 302


def test_with_debug_on_the_development_login_opens_the_admin(client, dev_admin, settings):
    settings.DEBUG = True
    assert log_in(client)["Location"] == ADMIN_INDEX
    assert client.get(ADMIN_INDEX).status_code == 200


def test_once_its_password_is_changed_the_account_logs_in_with_debug_off(client, dev_admin):
    dev_admin.set_password("a password of its own, long enough")
    dev_admin.save()
    response = log_in(client, password="a password of its own, long enough")
    assert response["Location"] == ADMIN_INDEX
    assert client.get(ADMIN_INDEX).status_code == 200


def test_check_deploy_fails_while_the_development_account_keeps_its_password(dev_admin):
    with pytest.raises(SystemCheckError, match=r"accounts\.E001"):
        call_command("check", deploy=True)
    dev_admin.set_password("a password of its own, long enough")
    dev_admin.save()
    call_command("check", deploy=True, stdout=io.StringIO())


def test_check_deploy_passes_a_database_without_the_users_table(monkeypatch):
    def no_table():
        raise DatabaseError("no such table: auth_user")

    monkeypatch.setattr(checks, "development_account", no_table)
    assert checks.development_admin_left_in(None) == []
