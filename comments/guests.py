"""A guest's confirmed address, remembered by their browser for a while.

After a guest has followed a confirmation link, their browser keeps a signed cookie
naming that address (COMMENTS_GUEST_TRUST_DAYS); a later comment from that browser
with the same address is posted without another mail. The cookie is sent only to the
posting address of each edition (its path), never to the pages: reader pages stay
free of cookies and so stay in the caches.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation

from core.editions import edition_codes

SALT = "comments.guest-address"


def _cookie_name(language: str) -> str:
    return f"comment_guest_{language}"


def _max_age() -> int:
    return settings.COMMENTS_GUEST_TRUST_DAYS * 24 * 3600


def address_trusted(request: HttpRequest, email: str) -> bool:
    """Whether this browser confirmed `email` (any case) within the period."""
    if settings.COMMENTS_GUEST_TRUST_DAYS <= 0 or not email:
        return False
    name = _cookie_name(translation.get_language() or settings.LANGUAGE_CODE)
    try:
        value = request.get_signed_cookie(name, default="", salt=SALT, max_age=_max_age())
    except signing.BadSignature:  # pragma: no cover - get_signed_cookie returns default
        return False
    return bool(value) and value == email.casefold()


def trust_address(response: HttpResponse, request: HttpRequest, email: str) -> None:
    """Remember in this browser that it confirmed `email`, for every edition's form."""
    if settings.COMMENTS_GUEST_TRUST_DAYS <= 0:
        return
    for language in edition_codes():
        with translation.override(language):
            path = reverse("comments:post")
        response.set_signed_cookie(
            _cookie_name(language),
            email.casefold(),
            salt=SALT,
            max_age=_max_age(),
            path=path,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
