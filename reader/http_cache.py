"""The HTTP cache in front of the site (Varnish, a CDN): what it may keep, and purges.

Reader pages that carry nothing of one reader's (reader/cache.py decides, with the
same rules as its own page cache) leave with `Cache-Control: public, max-age=…,
s-maxage=…`, no `Vary` on the cookie or the language (the language is in the URL),
and a surrogate-key header (`xkey`, READER_SURROGATE_KEY_HEADER) naming what they show
(reader/keys.py). Every other answer to a GET says `private`: `no-store` for a reader
with a session or any cookie of their own, `no-cache` for the rest.

With HTTP_CACHE_PURGE_URL set, every purge of reader/cache.py also sends
`PURGE` with the keys in an `xkey` header, after the commit, to each of those URLs
(deploy/varnish.vcl accepts them from the site's own address only). A cache that does
not answer is logged; the change that purged is kept, and the request goes on.
"""

from __future__ import annotations

import logging
import time
import urllib.request
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from core.forms_token import carries_nothing_personal

logger = logging.getLogger(__name__)

_PUBLIC = "_reader_public"  # (keys, seconds) on a response a shared cache may keep
# Django adds these when a page reads the session or the language; reader pages look the
# same for every reader without a cookie of their own, in the language their URL names.
_NOT_VARYING = {"cookie", "accept-language"}


# Set by reader.cache.purges_held(): bulk writes send one purge of everything at the end.
held = ContextVar("http_cache_purges_held", default=False)


def enabled() -> bool:
    return bool(settings.HTTP_CACHE_PURGE_URL)


def shared_seconds() -> int:
    """How long a cache in front may keep a page. One nobody purges keeps it no longer
    than the page cache here does."""
    if enabled():
        return settings.READER_SHARED_CACHE_SECONDS
    return min(settings.READER_SHARED_CACHE_SECONDS, settings.READER_PAGE_CACHE_SECONDS)


def mark_public(response: HttpResponse, page_keys, *, ends_at: float | None) -> HttpResponse:
    """Let a shared cache keep this page, until `ends_at` at the latest (when the next
    scheduled article goes live, which no purge announces)."""
    seconds = shared_seconds()
    if ends_at is not None:
        seconds = min(seconds, int(ends_at - time.time()))
    if seconds > 0:
        setattr(response, _PUBLIC, (frozenset(page_keys), seconds))
    return response


def _public_headers(response: HttpResponse, page_keys: frozenset[str], seconds: int) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.READER_BROWSER_CACHE_SECONDS,
        s_maxage=seconds,
    )
    if response.has_header("Vary"):
        kept = [v for v in cc_delim_re.split(response["Vary"]) if v.lower() not in _NOT_VARYING]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
    header = settings.READER_SURROGATE_KEY_HEADER
    # Cloudflare's Cache-Tag is comma-separated; xkey and Fastly's Surrogate-Key, spaces.
    separator = "," if header.lower() == "cache-tag" else " "
    response[header] = separator.join(sorted(page_keys))


class SharedCacheHeadersMiddleware:
    """Write the caching headers last, outside the session, locale and CSRF middlewares
    (they add `Vary` and cookies on the way out). Placed before SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        public = getattr(response, _PUBLIC, None)
        if public is not None and not response.cookies:
            _public_headers(response, *public)
        elif request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
            if carries_nothing_personal(request):
                patch_cache_control(response, private=True, no_cache=True)
            else:
                patch_cache_control(response, private=True, no_store=True)
        return response


# ------------------------------------------------------------------------------
# Purges
# ------------------------------------------------------------------------------
def purge(page_keys: Iterable[str] | Callable[[], Iterable[str]]) -> None:
    """Drop the pages carrying any of these keys from the caches in front, once the
    transaction commits. `page_keys` may be a function, called only when purges are
    sent (working out the keys of a change may cost queries)."""
    if not enabled() or held.get():
        return
    found = frozenset(page_keys() if callable(page_keys) else page_keys)
    if found:
        transaction.on_commit(lambda: send_purge(found))


def send_purge(page_keys: Iterable[str]) -> bool:
    """One PURGE per cache in front; False (and a log line) when one did not take it."""
    header = " ".join(sorted(page_keys))
    done = True
    for url in settings.HTTP_CACHE_PURGE_URL:
        if not url.startswith(("http://", "https://")):
            logger.error("HTTP_CACHE_PURGE_URL names %r, not an http(s) URL: no purge", url)
            done = False
            continue
        request = urllib.request.Request(url, method="PURGE", headers={"xkey": header})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=settings.READER_HTTP_CACHE_PURGE_TIMEOUT):  # noqa: S310
                pass  # any 2xx: purged
        except (OSError, ValueError) as error:  # refused, timed out, a 4xx/5xx, a bad URL
            logger.error("HTTP cache purge of %s at %s failed: %s", header, url, error)
            done = False
    return done
