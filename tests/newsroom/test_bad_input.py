"""Bad input from the street never gives a 500: ids out of range, forms in foreign charsets."""

import pytest
from django.test import Client

from articles.ids import ModelIdConverter, max_id
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
