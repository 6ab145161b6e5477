"""Where a form sends its reader back to (`next`): only ever a page of this site."""

import pytest
from django.test import RequestFactory

from core.urls import own_url


@pytest.fixture
def request_on_https(settings):
    settings.ALLOWED_HOSTS = ["news.example"]
    return RequestFactory().get("/", secure=True, HTTP_HOST="news.example")


@pytest.mark.parametrize(
    "target",
    [
        "/news/a-story/",
        "https://news.example/news/a-story/?sort=newest",
    ],
)
def test_a_page_of_the_site_is_where_the_reader_goes_back_to(request_on_https, target):
    assert own_url(request_on_https, target, "/fallback/") == target


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "http://news.example/news/",  # would leave HTTPS
        "javascript:alert(1)",
        "",
    ],
)
def test_anything_else_falls_back(request_on_https, target):
    assert own_url(request_on_https, target, "/fallback/") == "/fallback/"
