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
  GET or HEAD, no query string, and no cookie but the CSRF one.
- A page is stored only when nothing in it belongs to one reader
  (`unstorable_reason()` says why not): a 200, not streamed, no cookie set, no
  private/no-store/no-cache, the session left alone, and the reader's CSRF token
  nowhere but in the value of `{% csrf_token %}` fields, which a hit fills in with
  the next reader's token. A token anywhere else (a script, a data attribute, a
  meta tag) keeps the page out of the cache, even when the page has a form too.
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
from django.middleware.csrf import CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH, get_token
from django.template.response import SimpleTemplateResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import popularity

GENERATION_KEY = "reader:generation"
# The exact markup of Django's {% csrf_token %}; a token used any other way keeps the page out.
_CSRF_INPUT = re.compile(
    rf'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{{{CSRF_TOKEN_LENGTH}}}(")'
)
# Anything shaped like a masked token or a bare secret, to look for the reader's own.
_TOKEN_LIKE = re.compile(
    rf"(?<![A-Za-z0-9])"
    rf"(?:[A-Za-z0-9]{{{CSRF_TOKEN_LENGTH}}}|[A-Za-z0-9]{{{CSRF_SECRET_LENGTH}}})"
    rf"(?![A-Za-z0-9])"
)
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
    return settings.READER_PAGE_CACHE_SECONDS


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


@dataclass(frozen=True)
class _PageInfo:
    """What a @reader_page view tells the cache about its response."""

    article_id: int | None = None


_INFO = "_reader_page"  # the one attribute a response carries for this module


def shows_article(response: HttpResponse, *, article_id: int) -> HttpResponse:
    """Say that this reader page shows an article, whose reads are then counted on
    every hit of the cached page too."""
    setattr(response, _INFO, _PageInfo(article_id=article_id))
    return response


def _page_info(response: HttpResponse) -> _PageInfo | None:
    return getattr(response, _INFO, None)


def _has_reader_token(text: str, secret: str) -> bool:
    """Whether `text` holds the reader's CSRF secret, bare or masked in any way."""
    # Django's own unmasking, so that the rule follows however Django masks tokens.
    from django.middleware.csrf import _unmask_cipher_token

    for match in _TOKEN_LIKE.finditer(text):
        candidate = match.group()
        if candidate == secret:
            return True
        if len(candidate) == CSRF_TOKEN_LENGTH and _unmask_cipher_token(candidate) == secret:
            return True
    return False


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
        text = _CSRF_INPUT.sub(r"\g<1>\g<2>", response.content.decode(response.charset))
        if _has_reader_token(text, request.META.get("CSRF_COOKIE", "")):
            return "the CSRF token is used outside a {% csrf_token %} field"
    return None


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
        text = _CSRF_INPUT.sub(rf"\g<1>{_CSRF_MARK}\g<2>", response.content.decode())
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
        article_id=_page_info(response).article_id,
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
        if unstorable_reason(request, response) is None:
            _store(request, response, slot)
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
