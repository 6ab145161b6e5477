"""Bad input from the street never gives a 500: ids out of range, forms in foreign charsets."""

import pytest
from django.test import Client

from core.ids import ModelIdConverter, max_id
from tests.articles.factories import UserFactory

from .urlwalk import walk

pytestmark = pytest.mark.django_db

# One past what SQLite and PostgreSQL's bigint hold, and one past PostgreSQL's integer
# (the id column of Django's users and of django-comments' comments).
OUT_OF_RANGE = ("9223372036854775808", "2147483648", "0")
# More digits than Python's int() reads from a string.
ENDLESS = "9" * 5000

PATTERNS = list(walk())
WITH_PLACEHOLDERS = [p for p in PATTERNS if p.placeholders]


@pytest.fixture(params=["anonymous", "member", "staff"])
def reader(request, settings) -> Client:
    # The real hasher costs half a second per user, and every case makes one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client(raise_request_exception=False)
    if request.param == "member":
        client.force_login(UserFactory())
    elif request.param == "staff":
        client.force_login(request.getfixturevalue("admin_user"))
    return client


def test_the_walk_sees_the_projects_and_the_admins_patterns():
    routes = {p.route for p in PATTERNS}
    assert "comments/<comment_id:pk>/vote/" in routes
    assert "comments/mute-followups/<str:key>/" in routes
    assert "comments/sent/" in routes
    assert "admin/comments/comment/<path:object_id>/change/" in routes
    assert any(p.converters == (None,) * p.placeholders and p.placeholders for p in PATTERNS)


@pytest.mark.parametrize("pattern", WITH_PLACEHOLDERS, ids=lambda p: p.route)
def test_no_url_pattern_answers_an_out_of_range_id_with_a_server_error(reader, pattern):
    for value in OUT_OF_RANGE:
        url = pattern.url(value)
        for method in (reader.get, reader.post):
            response = method(url)
            assert response.status_code < 500, (method.__name__, url)


@pytest.mark.parametrize(
    "pattern",
    [p for p in PATTERNS if any(isinstance(c, ModelIdConverter) for c in p.converters)],
    ids=lambda p: p.route,
)
def test_every_url_with_a_database_id_is_not_found_for_an_id_out_of_range(reader, pattern):
    [model] = {c.model for c in pattern.converters if isinstance(c, ModelIdConverter)}
    for value in (str(max_id(model) + 1), "0", ENDLESS):
        url = pattern.url(value)
        assert reader.get(url).status_code == 404, url
        assert reader.post(url).status_code == 404, url


# ------------------------------------------------------------------------------
# Form bodies in a charset other than UTF-8
# ------------------------------------------------------------------------------
FOREIGN_BODIES = {
    "urlencoded latin-1": (
        "application/x-www-form-urlencoded; charset=latin-1",
        b"email=caf\xe9@example.com&comment=caf\xe9",
    ),
    "urlencoded unknown": ("application/x-www-form-urlencoded; charset=foo", b"comment=x"),
    "multipart utf-16": (
        "multipart/form-data; boundary=b; charset=utf-16",
        b'--b\r\nContent-Disposition: form-data; name="comment"\r\n\r\n\xff\xfe\r\n--b--\r\n',
    ),
}


def csrf_client(staff_user=None) -> Client:
    """A browser as the site sees it: CSRF checks on, with its CSRF cookie."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if staff_user is not None:
        client.force_login(staff_user)
    client.get("/accounts/login/")
    return client


def assert_bad_request_page(response) -> None:
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Bad request</h1>" in html
    # The site's page, rendered with the request: its header and its name.
    assert 'class="site-header"' in html
    assert "<title>Bad request – Newsroom</title>" in html


@pytest.mark.parametrize("staff", [False, True], ids=["anonymous", "staff"])
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.route)
def test_a_form_in_a_foreign_charset_gets_the_bad_request_page_on_every_route(
    pattern, staff, settings, request
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = csrf_client(request.getfixturevalue("admin_user") if staff else None)
    token = client.cookies["csrftoken"].value.encode()
    for content_type, body in FOREIGN_BODIES.values():
        data = body + b"&csrfmiddlewaretoken=" + token if "urlencoded" in content_type else body
        response = client.generic("POST", pattern.url("1"), data, content_type=content_type)
        assert_bad_request_page(response)


def test_the_bad_request_page_is_in_the_readers_language(settings):
    settings.LANGUAGE_CODE = "de"
    content_type, body = FOREIGN_BODIES["urlencoded latin-1"]
    response = csrf_client().generic("POST", "/newsletter/", body, content_type=content_type)
    assert response.status_code == 400
    assert "<h1>Ungültige Anfrage</h1>" in response.content.decode()


def test_a_form_that_names_an_alias_of_utf8_is_read_as_utf8(client):
    response = client.generic(
        "POST",
        "/accounts/login/",
        b"username=ren%C3%A9&password=wrong",
        content_type="application/x-www-form-urlencoded; charset=UTF8",
    )
    assert response.status_code == 200
    assert 'value="rené"' in response.content.decode()


def test_a_body_django_refuses_gets_the_same_bad_request_page(settings):
    # More fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: Django refuses the body with a 400.
    body = "&".join(f"field{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = csrf_client().generic(
        "POST", "/newsletter/", body, content_type="application/x-www-form-urlencoded"
    )
    assert_bad_request_page(response)
