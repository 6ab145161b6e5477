"""Old WordPress addresses answer with a 301 to where their content is now.

The lookup costs a query only where a page would be a 404, or for the home page
asked with WordPress's own queries (?p=12, ?page_id=3, ?cat=5, ?attachment_id=7):
every other request goes through untouched.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from .models import LegacyRedirect

QUERY_KEYS = ("p", "page_id", "cat", "attachment_id")
# WordPress's ids are bigint(20) unsigned; a longer number names nothing, and int()
# refuses strings of thousands of digits with an error.
MAX_ID_DIGITS = 20


def _query_sources(request: HttpRequest) -> list[str]:
    sources = []
    for key in QUERY_KEYS:
        value = request.GET.get(key, "")
        if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
            sources.append(f"{request.path}?{key}={int(value)}")
    return sources


def _path_sources(path: str) -> list[str]:
    if "\x00" in path:
        return []  # no old address has one, and PostgreSQL refuses to compare it
    other = path[:-1] if path.endswith("/") else f"{path}/"
    return [path, other] if other else [path]


class LegacyRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        sources = _query_sources(request) if request.path == "/" else []
        if sources and (url := LegacyRedirect.objects.target_url(sources)):
            return HttpResponsePermanentRedirect(url)
        response = self.get_response(request)
        if response.status_code == 404:
            sources = [*_query_sources(request), *_path_sources(request.path)]
            if url := LegacyRedirect.objects.target_url(sources):
                return HttpResponsePermanentRedirect(url)
        return response
