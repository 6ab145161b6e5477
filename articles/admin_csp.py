"""The Content-Security-Policy of the admin's pages, a little looser than the site's.

The rich-text editor (django-prose-editor) finds its modules through an inline import
map, which is allowed by its hash rather than by letting every inline script run; the
category tree indents its rows and the editor sizes itself with style attributes, so
the admin allows those. The public site keeps the strict policy of settings.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django_prose_editor.widgets import importmap

_SCRIPT_TEXT = re.compile(r"<script[^>]*>(.*)</script>", re.DOTALL)


@cache
def import_map_source() -> str:
    """The CSP source that allows the editor's import map, as the admin renders it
    (its paths are the hashed static names in production, so it is worked out at run
    time, once per process)."""
    text = _SCRIPT_TEXT.fullmatch(str(importmap)).group(1)
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def _in_admin(request: HttpRequest) -> bool:
    try:
        prefix = reverse("admin:index")
    except NoReverseMatch:  # a URLconf without the admin
        return False
    return request.path_info.startswith(prefix)


class AdminContentSecurityPolicyMiddleware:
    """Adds the admin's allowances to the policy of the admin's responses; goes after
    csp.middleware.CSPMiddleware in MIDDLEWARE, which writes the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if _in_admin(request):
            update = dict(getattr(response, "_csp_update", None) or {})
            update["script-src"] = [*update.get("script-src", []), import_map_source()]
            update["style-src"] = [*update.get("style-src", []), "'unsafe-inline'"]
            response._csp_update = update
        return response
