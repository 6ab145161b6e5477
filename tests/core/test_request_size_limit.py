"""A request body larger than its sender may send is refused with a 413 before anything
reads it: Django would otherwise spool a multipart body of any size to disk first."""

import pytest
from django.test import Client

from tests.articles.factories import UserFactory
from tests.newsroom.urlwalk import walk

pytestmark = pytest.mark.django_db

MIB = 1024 * 1024
PATTERNS = list(walk())


class UnreadBody:
    """A wsgi.input that fails the test when anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def announce(client: Client, path: str, size: int):
    """A POST that declares a `size`-byte upload; its body must never be read."""
    return client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": UnreadBody()},
    )


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.route)
def test_an_anonymous_300_mb_upload_is_refused_on_every_route_before_it_is_read(pattern):
    response = announce(Client(raise_request_exception=True), pattern.url("1"), 300 * MIB)
    assert response.status_code == 413
    assert "Too much data" in response.content.decode()


@pytest.mark.parametrize("who", ["member", "staff"])
def test_a_logged_in_300_mb_upload_is_refused_before_it_is_read(who, admin_user):
    client = Client(raise_request_exception=True)
    client.force_login(admin_user if who == "staff" else UserFactory())
    response = announce(client, "/admin/articles/article/add/", 300 * MIB)
    assert response.status_code == 413


def test_a_readers_form_above_the_readers_cap_is_refused(client, settings):
    body = "email=" + "a" * (settings.REQUEST_MAX_BYTES + 1)
    response = client.post("/newsletter/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413


def test_staff_may_send_an_image_upload_larger_than_a_readers_cap(admin_user, settings):
    client = Client(raise_request_exception=True)
    client.force_login(admin_user)
    size = settings.REQUEST_MAX_BYTES * 3
    assert size < settings.STAFF_REQUEST_MAX_BYTES
    # A member may not; the same body from staff reaches the admin's form.
    member = Client(raise_request_exception=True)
    member.force_login(UserFactory())
    body = {"title": "x", "note": "n" * size}
    assert member.post("/admin/articles/article/add/", body).status_code == 413
    assert client.post("/admin/articles/article/add/", body).status_code == 200


def test_the_413_page_says_how_much_is_accepted_in_the_readers_language(settings):
    settings.LANGUAGE_CODE = "de"
    response = announce(Client(), "/newsletter/", 300 * MIB)
    html = response.content.decode()
    assert "<h1>Zu viele Daten</h1>" in html
    assert "1,0\xa0MB" in html or "1,0 MB" in html
