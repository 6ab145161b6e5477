"""Forms on pages that a shared HTTP cache may keep for every anonymous reader.

Such a page cannot carry a reader's CSRF token: the next reader would get it, and
Django would set the cookie on a page every reader shares. So on a request that
carries nothing personal, `{% form_token %}` writes the token field empty, and
`static/js/form-token.js` fills it from `core:form-token` (never cached) when the
reader first touches the form. Without JavaScript the post arrives without a token;
CSRF_FAILURE_VIEW answers with the same form, filled in with what was typed and with
a token, on a page no cache keeps (newsroom.views.csrf_failure).

Everyone else (a member, a reader with a session, any POST) gets the ordinary
`{% csrf_token %}` field: their pages are private anyway.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# The field as `{% csrf_token %}` writes it; the script fills in fields marked like this.
EMPTY_FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="" data-form-token>'


def carries_nothing_personal(request: HttpRequest) -> bool:
    """A GET or HEAD with no cookie but the CSRF one: no session, no guest voter key,
    no message waiting. Its answer may be the same for every such reader."""
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}


def form_token_field(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    if carries_nothing_personal(request):
        return mark_safe(EMPTY_FIELD)  # noqa: S308 - a constant
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
