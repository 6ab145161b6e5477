"""Signed preview links: an unpublished article shown to someone without an account.

The link carries the article's id signed with the site's SECRET_KEY and a time
stamp, so it cannot be forged or guessed, and stops working after
ARTICLES_PREVIEW_LINK_MAX_AGE seconds. Nothing is stored; the price is that a link
cannot be revoked early other than by rotating SECRET_KEY.

The editorial side (making links) lives here; the reader site serves them.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .models import Article

SALT = "articles.preview"


def preview_token(article: Article) -> str:
    return signing.dumps(article.pk, salt=SALT, compress=False)


def preview_url(article: Article) -> str:
    return reverse("reader:article-preview", kwargs={"token": preview_token(article)})


def load_preview_token(token: str) -> int:
    """The article id a preview token names.

    Raises signing.SignatureExpired for an expired link and signing.BadSignature
    for one that was not made here.
    """
    return signing.loads(token, salt=SALT, max_age=settings.ARTICLES_PREVIEW_LINK_MAX_AGE)


def mark_private(response: HttpResponse) -> HttpResponse:
    """Neither a shared cache nor the browser may keep a draft, and search engines
    must not index it should the link travel."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The link is the key: keep it out of Referer headers sent to linked sites.
    response["Referrer-Policy"] = "no-referrer"
    return response
