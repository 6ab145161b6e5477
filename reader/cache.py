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

The contract between views and the cache:

- A view opts in with `@reader_page`; no other page is ever stored. An article
  page says which article it shows with `shows_article(response, article_id=…)`,
  so that reads are counted on hits as well.
- Only requests that cannot carry anything personal are served from the cache:
  GET or HEAD, no query string, and no cookie but the CSRF one
  (`core.forms_token.carries_nothing_personal`).
- A page is stored only when nothing in it belongs to one reader
  (`unstorable_reason()` says why not): a 200, not streamed, no cookie set, no
  private/no-store/no-cache, the session left alone, and the reader's CSRF token
  not used at all. Forms on reader pages write `{% form_token %}`, which leaves the
  token out for such readers (a script fetches it; core/forms_token.py).

The same pages may be kept by a shared HTTP cache in front (Varnish, a CDN): see
`reader/http_cache.py` for their headers (`Cache-Control: public`, the surrogate keys
naming what each page shows) and the purges sent to it. Every purge below goes to both.
"""

from __future__ import annotations

import hashlib
import secrets
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils import translation

from core import read_ahead
from core.forms_token import carries_nothing_personal

from . import http_cache, keys, popularity

GENERATION_KEY = "reader:generation"
_UNCACHEABLE = ("private", "no-store", "no-cache")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def page_key(path: str, language: str, digest: str | None = None) -> str:
    # "pagez": pages stored compressed (CachedPage), never read as the older "page" ones.
    return f"reader:pagez:{language}:{digest or _digest(path)}"


def path_version_key(path: str, digest: str | None = None) -> str:
    return f"reader:pathver:{digest or _digest(path)}"


def _new_token() -> str:
    return secrets.token_hex(8)


def _timeout() -> int:
    return settings.READER_PAGE_CACHE_SECONDS


# What this request has already read from the shared cache and may read again: the
# generation (every cached list's key holds it; an article page asked for it six
# times, a query each on the database cache) and the category tree. Only for the length
# of one request (ReaderPageCacheMiddleware opens it): it is never a process's memory
# of what the processes share, and a purge in this request updates it.
_this_request: ContextVar[dict | None] = ContextVar("reader_cache_this_request", default=None)


def remembered_for_request(key: str, load):
    """`load()`, read once per request (every time outside a request)."""
    memo = _this_request.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    return memo[key]


def _remember_generation(token: str) -> None:
    memo = _this_request.get()
    if memo is not None:
        memo.clear()  # what was read under the old generation is stale too
        memo[GENERATION_KEY] = token
    read_ahead.forget()


def _fresh_generation() -> str:
    """Start a generation that lasts until the next scheduled article goes live."""
    from articles.models import Article

    go_live = Article.objects.scheduled().aggregate(first=Min("published_at"))["first"]
    token = _new_token()
    cache.set(GENERATION_KEY, (token, go_live.timestamp() if go_live else None), timeout=None)
    _remember_generation(token)
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
    return remembered_for_request(
        GENERATION_KEY, lambda: _live_token(cache.get(GENERATION_KEY)) or _fresh_generation()
    )


@contextmanager
def purges_held() -> Iterator[None]:
    """For bulk writes (an import of thousands of rows in one transaction): no purge
    for each row, which would pile up a callback per row until the commit (and a query
    per comment), but one purge of the whole site when done."""
    token = http_cache.held.set(True)
    try:
        yield
    finally:
        http_cache.held.reset(token)
    purge_site()


def _after_commit_too(purge) -> None:
    """Purge now, so that this process reads fresh data at once, and again after the
    commit, so that a page rendered from the old rows in between is not kept."""
    if http_cache.held.get():
        return
    purge()
    transaction.on_commit(purge)


def purge_site(*, http_keys: Iterable[str] = (keys.SITE,)) -> None:
    """Every cached page and list here is stale (an article appeared, changed or went
    away); in the HTTP cache in front, the pages named by `http_keys` (reader/keys.py:
    the default, every page)."""
    _after_commit_too(_fresh_generation)
    http_cache.purge(http_keys)


def _version_or_new(key: str, version: str | None) -> str:
    """A path's version as read, or a new one when it has none yet (the first process
    to add it wins, and every other reads that one)."""
    if version is None:
        version = _new_token()
        if not cache.add(key, version, timeout=None):
            version = cache.get(key, version)
    return version


def path_version(path: str) -> str:
    """The token of the page at `path`, which purge_path replaces: what is kept for that
    page alone (its comments, see comments.selectors.comment_section) is kept under it.
    Read once per request (the page cache's lookup has read it already for anonymous
    readers)."""
    key = path_version_key(path)
    return remembered_for_request(key, lambda: _version_or_new(key, cache.get(key)))


def purge_path(path: str) -> None:
    """The cached page at `path` is stale, in every language (here only: the HTTP cache
    in front is purged by surrogate keys)."""
    key = path_version_key(path)

    def purge() -> None:
        token = _new_token()
        cache.set(key, token, timeout=None)
        if (memo := _this_request.get()) is not None:
            memo[key] = token  # this request renders what it changed, too
        read_ahead.forget()

    _after_commit_too(purge)


def purge_article(article_id: int) -> None:
    """The article's own page is stale (e.g. a comment was posted); lists are not.

    For other apps' signal handlers: `reader.cache.purge_article(article.pk)`.
    """
    from articles.models import Article

    if http_cache.held.get():
        return
    article = Article.objects.select_related("category").filter(pk=article_id).first()
    if article is not None:
        purge_path(article.get_absolute_url())
        http_cache.purge([keys.article_page(article_id)])


# ------------------------------------------------------------------------------
# Serving and storing: a middleware does both, views opt in with @reader_page
# ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CachedPage:
    # zlib-compressed: the database cache stores values in base64, and decoding a whole
    # page on every hit cost more than decompressing a sixth of it (0.2 ms against 0.09
    # for an article page); with Redis, a sixth of the bytes travel.
    compressed_content: bytes
    headers: dict
    generation: str
    version: str
    article_id: int | None
    keys: frozenset[str]


@dataclass(frozen=True)
class _Slot:
    """Where a missed page is to be stored, and the tokens it was rendered under."""

    key: str
    version_key: str
    generation: str | None  # None: there was none yet (a cold cache)
    version: str
    # When the generation ends by itself (the next scheduled article goes live).
    ends_at: float | None


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        _timeout() > 0
        and carries_nothing_personal(request)
        and not request.META.get("QUERY_STRING")
    )


@dataclass(frozen=True)
class _PageInfo:
    """What a @reader_page view tells the cache about its response."""

    article_id: int | None = None


_INFO = "_reader_page"  # what @reader_page and shows_article() say about a response
_KEYS = "_reader_keys"  # what shows() says the page shows


def shows(response: HttpResponse, *, page_keys: Iterable[str]) -> HttpResponse:
    """Say what this page shows (surrogate keys, reader/keys.py), so that the HTTP cache
    in front drops it when one of those things changes. A reader page that says
    nothing is dropped on every article change (keys.UNNAMED)."""
    setattr(response, _KEYS, getattr(response, _KEYS, frozenset()) | frozenset(page_keys))
    return response


def shows_article(response: HttpResponse, *, article_id: int) -> HttpResponse:
    """Say that this reader page shows an article, whose reads are then counted on
    every hit of the cached page too."""
    setattr(response, _INFO, _PageInfo(article_id=article_id))
    return shows(response, page_keys=keys.article_page_keys(article_id))


def _page_info(response: HttpResponse) -> _PageInfo | None:
    return getattr(response, _INFO, None)


def unstorable_reason(request: HttpRequest, response: HttpResponse) -> str | None:
    """Why this response must not be kept for other readers, or None when it may be."""
    if _page_info(response) is None:
        return "not a reader page (no @reader_page)"
    if response.status_code != 200:
        return f"status {response.status_code}"
    if response.streaming:
        return "streamed"
    if response.cookies:
        return "sets a cookie"
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in _UNCACHEABLE):
        return f"Cache-Control: {cache_control}"
    session = getattr(request, "session", None)
    # Reading an empty session (asking request.user who this is) is no harm; a session
    # written to, or one that holds anything, is this reader's.
    if session is not None and (session.modified or (session.accessed and not session.is_empty())):
        return "uses the session"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "uses the reader's CSRF token (reader pages write {% form_token %})"
    return None


def _lookup(request: HttpRequest, seen: str | None) -> tuple[CachedPage | None, _Slot, bool]:
    """One cache round trip: the page, the tokens it must still carry, and whether its
    reader was counted today already (popularity.seen_key)."""
    digest = _digest(request.path)
    key = page_key(request.path, translation.get_language(), digest)
    version_key = path_version_key(request.path, digest)
    found = cache.get_many([key, GENERATION_KEY, version_key, *([seen] if seen else [])])
    # Not made here when missing: most requests that pass by are not reader pages, and
    # the first reader page rendered makes it (its lists are keyed by it).
    record = found.get(GENERATION_KEY)
    generation = _live_token(record)
    ends_at = record[1] if generation else None
    version = _version_or_new(version_key, found.get(version_key))
    page = found.get(key)
    if page is not None and (page.generation, page.version) != (generation, version):
        page = None
    counted = seen is not None and seen in found
    return page, _Slot(key, version_key, generation, version, ends_at), counted


def _still_current(slot: _Slot) -> bool:
    """Whether no purge came while the page was rendered: a page made from the rows of
    before a change must not reach a cache that the change's purge has already passed.
    On a cold cache nobody can tell: that first page is not offered to one."""
    if slot.generation is None:
        return False
    found = cache.get_many([GENERATION_KEY, slot.version_key])
    return (_live_token(found.get(GENERATION_KEY)), found.get(slot.version_key)) == (
        slot.generation,
        slot.version,
    )


def _restore(page: CachedPage) -> HttpResponse:
    response = HttpResponse(zlib.decompress(page.compressed_content), headers=page.headers)
    response["X-Reader-Cache"] = "hit"
    return response


def _store(response: HttpResponse, slot: _Slot, page_keys: frozenset[str]) -> None:
    page = CachedPage(
        compressed_content=zlib.compress(response.content),
        headers=dict(response.headers),
        # On a cold cache the page's own lists usually made the generation while rendering.
        generation=slot.generation or current_generation(),
        version=slot.version,
        article_id=_page_info(response).article_id,
        keys=page_keys,
    )
    cache.set(slot.key, page, timeout=_timeout())
    response["X-Reader-Cache"] = "miss"


def _page_keys(response: HttpResponse) -> frozenset[str]:
    named = getattr(response, _KEYS, frozenset())
    return frozenset({keys.SITE, *(named or keys.UNNAMED)})


class ReaderPageCacheMiddleware:
    """Serve anonymous readers' pages from the cache before URL resolution, and mark
    those a shared HTTP cache may keep (http_cache.SharedCacheHeadersMiddleware writes
    the headers).

    Placed right after CsrfViewMiddleware: the middlewares inside it (auth,
    messages, clickjacking) have nothing to do for a cookieless reader, and the
    headers they add are stored with the page; those outside it (security,
    sessions, CSRF) still run on every hit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        memo = _this_request.set({})
        try:
            with read_ahead.reading_ahead():
                return self._respond(request)
        finally:
            _this_request.reset(memo)

    def _respond(self, request: HttpRequest) -> HttpResponse:
        if not carries_nothing_personal(request):
            return self.get_response(request)
        seen = popularity.seen_key(request)
        page, slot, counted = _lookup(request, seen)
        if slot.generation is not None:
            _remember_generation(slot.generation)  # read with the page: no second query
        _this_request.get()[slot.version_key] = slot.version  # and so is the path's
        if page is not None and _may_use_cache(request):
            if page.article_id is not None and not counted:
                popularity.record_view(request, article_id=page.article_id, seen=seen)
            return http_cache.mark_public(_restore(page), page.keys, ends_at=slot.ends_at)
        response = self.get_response(request)
        if unstorable_reason(request, response) is None:
            page_keys = _page_keys(response)
            if _may_use_cache(request):
                _store(response, slot, page_keys)
            if _still_current(slot):
                http_cache.mark_public(response, page_keys, ends_at=slot.ends_at)
        return response


def reader_page(view):
    """Let the page cache keep this view's pages for anonymous readers (see the
    module's docstring for what keeps a page out anyway), and count article reads."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if isinstance(response, SimpleTemplateResponse):
            response.render()  # what is stored must be the finished page
        info = _page_info(response)
        if info is None:
            setattr(response, _INFO, _PageInfo())
        elif info.article_id is not None:
            popularity.record_view(request, article_id=info.article_id)
        return response

    return wrapper
