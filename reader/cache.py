"""The page cache for anonymous readers, and the purges other apps may call.

Every cached page records two tokens it was rendered under:

- the site *generation*, replaced whenever anything that shows up in lists
  changes (an article, a category, tags, authors): every page may list the
  changed article, so every page is stale. The generation also ends by itself
  when the next scheduled article goes live, so that it appears on time;
- the *path version* of its URL, replaced by `purge_article()` when only that
  article's own page changed (a new comment, a source, an image).

A page is served only while both tokens still match, so a purge is one cache
write, and a lookup is one `get_many` round trip. Tokens are random rather than
counters: a token evicted from the cache and made again can never match an
old page by accident.

Only requests that cannot carry anything personal use the cache: GET or HEAD,
no query string, and no cookie but the CSRF one. A CSRF token in a cached page
is swapped for the current reader's token on the way out.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import popularity

GENERATION_KEY = "reader:generation"
# The exact markup of Django's {% csrf_token %}; a token used any other way keeps the page out.
_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
_CSRF_MARK = "\x00csrf\x00"
_UNCACHEABLE = ("private", "no-store", "no-cache")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def page_key(path: str, language: str, digest: str | None = None) -> str:
    return f"reader:page:{language}:{digest or _digest(path)}"


def path_version_key(path: str, digest: str | None = None) -> str:
    return f"reader:pathver:{digest or _digest(path)}"


def _new_token() -> str:
    return secrets.token_hex(8)


def _timeout() -> int:
    return settings.ARTICLES_PAGE_CACHE_SECONDS


def _fresh_generation() -> str:
    """Start a generation that lasts until the next scheduled article goes live."""
    from articles.models import Article

    go_live = Article.objects.scheduled().aggregate(first=Min("published_at"))["first"]
    token = _new_token()
    cache.set(GENERATION_KEY, (token, go_live.timestamp() if go_live else None), timeout=None)
    return token


def _live_token(record: tuple[str, float | None] | None) -> str | None:
    if record is None:
        return None
    token, ends_at = record
    if ends_at is not None and time.time() >= ends_at:
        return None  # a scheduled article is out now: every list may have to show it
    return token


def current_generation() -> str:
    """The site generation's token; keys of cached pages and derived lists include it."""
    return _live_token(cache.get(GENERATION_KEY)) or _fresh_generation()


def _after_commit_too(purge) -> None:
    """Purge now, so that this process reads fresh data at once, and again after the
    commit, so that a page rendered from the old rows in between is not kept."""
    purge()
    transaction.on_commit(purge)


def purge_site() -> None:
    """Every cached page and list is stale (an article appeared, changed or went away)."""
    _after_commit_too(_fresh_generation)


def purge_path(path: str) -> None:
    """The cached page at `path` is stale, in every language."""
    _after_commit_too(lambda: cache.set(path_version_key(path), _new_token(), timeout=None))


def purge_article(article_id: int) -> None:
    """The article's own page is stale (e.g. a comment was posted); lists are not.

    For other apps' signal handlers: `reader.cache.purge_article(article.pk)`.
    """
    from articles.models import Article

    article = Article.objects.select_related("category").filter(pk=article_id).first()
    if article is not None:
        purge_path(article.get_absolute_url())


# ------------------------------------------------------------------------------
# Serving and storing: a middleware does both, views opt in with @reader_page
# ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CachedPage:
    # The page cut where each CSRF token goes (one piece when it has none), so that a
    # hit joins the pieces around the reader's token instead of searching the page.
    pieces: tuple[bytes, ...]
    headers: dict
    generation: str
    version: str
    has_csrf: bool
    article_id: int | None


@dataclass(frozen=True)
class _Slot:
    """Where a missed page is to be stored, and the tokens it was rendered under."""

    key: str
    generation: str | None  # None: there was none yet (a cold cache)
    version: str


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        _timeout() > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}
    )


def _may_store(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(response, "reader_cacheable", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in _UNCACHEABLE)
    )


def _lookup(request: HttpRequest) -> tuple[CachedPage | None, _Slot]:
    """One cache round trip: the page, and the tokens it must still carry."""
    digest = _digest(request.path)
    key = page_key(request.path, translation.get_language(), digest)
    version_key = path_version_key(request.path, digest)
    found = cache.get_many([key, GENERATION_KEY, version_key])
    # Not made here when missing: most requests that pass by are not reader pages, and
    # the first reader page rendered makes it (its lists are keyed by it).
    generation = _live_token(found.get(GENERATION_KEY))
    version = found.get(version_key)
    if version is None:
        version = _new_token()
        if not cache.add(version_key, version, timeout=None):
            version = cache.get(version_key, version)
    page = found.get(key)
    if page is not None and (page.generation, page.version) != (generation, version):
        page = None
    return page, _Slot(key, generation, version)


def _restore(request: HttpRequest, page: CachedPage) -> HttpResponse:
    # get_token() also makes the CSRF middleware send this reader's cookie.
    token = get_token(request).encode() if page.has_csrf else b""
    response = HttpResponse(token.join(page.pieces), headers=page.headers)
    response["X-Reader-Cache"] = "hit"
    return response


def _store(request: HttpRequest, response: HttpResponse, slot: _Slot) -> None:
    # On a cold cache the page's own lists usually made the generation while rendering.
    generation = slot.generation or current_generation()
    pieces = (response.content,)
    has_csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if has_csrf:
        text, found = _CSRF_INPUT.subn(rf"\g<1>{_CSRF_MARK}\g<2>", response.content.decode())
        if not found:
            return  # the token is used somewhere we cannot swap it
        pieces = tuple(piece.encode() for piece in text.split(_CSRF_MARK))
    # Signed-in readers bypass this cache, so the page differs by cookie; say so to
    # any cache downstream, as Django does when a page reads the session.
    patch_vary_headers(response, ("Cookie",))
    page = CachedPage(
        pieces=pieces,
        headers=dict(response.headers),
        generation=generation,
        version=slot.version,
        has_csrf=has_csrf,
        article_id=getattr(response, "reader_article_id", None),
    )
    cache.set(slot.key, page, timeout=_timeout())
    response["X-Reader-Cache"] = "miss"


class ReaderPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache before URL resolution.

    Placed right after CsrfViewMiddleware: the middlewares inside it (auth,
    messages, clickjacking) have nothing to do for a cookieless reader, and the
    headers they add are stored with the page; those outside it (security,
    sessions, CSRF) still run on every hit, so the reader's CSRF cookie is sent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _may_use_cache(request):
            return self.get_response(request)
        page, slot = _lookup(request)
        if page is not None:
            if page.article_id is not None:
                popularity.record_view(request, article_id=page.article_id)
            return _restore(request, page)
        response = self.get_response(request)
        if _may_store(response):
            _store(request, response, slot)
        return response


def reader_page(view):
    """Let the page cache keep this view's pages for anonymous readers, and count
    article reads (a view marks an article page with `response.reader_article_id`,
    which is kept with the cached page so that hits are counted too)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if isinstance(response, SimpleTemplateResponse):
            response.render()  # what is stored must be the finished page
        response.reader_cacheable = True
        article_id = getattr(response, "reader_article_id", None)
        if article_id is not None:
            popularity.record_view(request, article_id=article_id)
        return response

    return wrapper
