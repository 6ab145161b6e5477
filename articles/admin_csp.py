"""The Content-Security-Policy of the admin's pages, a little looser than the site's.

The rich-text editor (django-prose-editor) finds its modules through an inline import
map, which is allowed by its hash rather than by letting every inline script run; the
category tree indents its rows and the editor sizes itself with style attributes, so
the admin allows those. The public site keeps the strict policy of settings.py.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from functools import cache

from csp.middleware import CSPMiddleware
from django.http import HttpRequest, HttpResponseBase
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's allowances added to the admin's policy
    through its extension point (`get_policy_parts`), the way its `@csp_update`
    decorator adds a view's."""

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or not _in_admin(request):
            return parts
        update = dict(parts.update or {})
        update["script-src"] = [*update.get("script-src", []), import_map_source()]
        update["style-src"] = [*update.get("style-src", []), "'unsafe-inline'"]
        return dataclasses.replace(parts, update=update)
