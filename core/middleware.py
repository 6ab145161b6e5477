"""Requests refused before any view or middleware reads them."""

from __future__ import annotations

import codecs

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

FORM_CONTENT_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


def _is_utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


class FormCharsetMiddleware:
    """A form body in any charset but UTF-8 gets the site's 400 page.

    Our pages send forms in UTF-8, and browsers never name another charset. For an
    urlencoded body Django raises BadRequest from request.POST, and again inside its
    own error page, which reads request.POST for the CSRF check: a 500. A multipart
    body it would decode in whatever charset is named. Placed after
    CsrfViewMiddleware, so that its cookie is set on the page, and before anything
    else reads the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Django parses the body of POST requests only.
        if (
            request.method == "POST"
            and request.content_type in FORM_CONTENT_TYPES
            and "charset" in request.content_params
        ):
            if not _is_utf8(request.content_params["charset"]):
                # Not Django's 400 view: it runs the CSRF check, which reads the body.
                return render(request, "400.html", status=400)
            # An alias ("utf8") is UTF-8 too, but Django reads only the exact name as such.
            request.encoding = "utf-8"
        return self.get_response(request)
