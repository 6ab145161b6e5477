"""Signed preview links: an unpublished article shown to someone without an account.

The link carries the article's id signed with the site's SECRET_KEY and a time
stamp, so it cannot be forged or guessed, and stops working after
ARTICLES_PREVIEW_LINK_MAX_AGE seconds. Nothing is stored; the price is that a link
cannot be revoked early other than by rotating SECRET_KEY.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from . import selectors, views
from .models import Article

SALT = "articles.preview"


def preview_token(article: Article) -> str:
    return signing.dumps(article.pk, salt=SALT, compress=False)


def preview_url(article: Article) -> str:
    return reverse("article_preview", kwargs={"token": preview_token(article)})


def _private(response: HttpResponse) -> HttpResponse:
    # Neither a shared cache nor the browser may keep a draft, and search engines
    # must not index it should the link travel.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The link is the key: keep it out of Referer headers sent to linked sites.
    response["Referrer-Policy"] = "no-referrer"
    return response


def _invalid_link(request: HttpRequest, *, expired: bool) -> HttpResponse:
    response = render(
        request,
        "workflow/preview_invalid.html",
        {"expired": expired},
        status=410 if expired else 404,
    )
    return _private(response)


def article_preview(request: HttpRequest, token: str) -> HttpResponse:
    try:
        article_id = signing.loads(token, salt=SALT, max_age=settings.ARTICLES_PREVIEW_LINK_MAX_AGE)
    except signing.SignatureExpired:
        return _invalid_link(request, expired=True)
    except signing.BadSignature:
        return _invalid_link(request, expired=False)
    article = selectors.article_page_queryset(preview=True).filter(pk=article_id).first()
    if article is None:
        raise Http404("The article of this preview no longer exists")
    if article.is_published:
        # Out now: everyone reads the real page, which may be cached and indexed.
        return HttpResponseRedirect(article.get_absolute_url())
    return _private(views.article_detail(request, article))
