"""Requests refused before any view or middleware reads them, and headers every response gets."""

from __future__ import annotations

import codecs

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat

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


class RequestSizeLimitMiddleware:
    """A request whose body is larger than the reader may send gets a 413 at once.

    Django would otherwise stream a multipart body of any size to a temporary file
    before a view looks at it. The cap is REQUEST_MAX_BYTES, or STAFF_REQUEST_MAX_BYTES
    for a logged-in staff member (the article form carries image uploads). Only the
    declared Content-Length is read, so it must run before anything touches
    request.POST or request.FILES (CSRF checks them in process_view, later); a body
    without one is never read by Django under WSGI.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = _content_length(request)
        if declared > settings.REQUEST_MAX_BYTES:
            user = getattr(request, "user", None)
            staff = bool(user and user.is_active and user.is_staff)
            limit = settings.STAFF_REQUEST_MAX_BYTES if staff else settings.REQUEST_MAX_BYTES
            if declared > limit:
                return render(request, "413.html", {"limit": filesizeformat(limit)}, status=413)
        return self.get_response(request)


def _content_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class PermissionsPolicyMiddleware:
    """Sends PERMISSIONS_POLICY as the Permissions-Policy header of every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
