"""Counting reads for "Popular now" without a database write per request.

A read is counted once per reader, article page and day: the first read adds a
"seen" key to the cache, later ones find it and stop there (the page cache reads
that key with the page, so a returning reader's hit writes nothing). Counted reads go
to a per-article counter in the cache; an index of the articles counted that
day lets the flush find the counters without scanning keys (which the Django
cache API cannot do). All counter changes are atomic cache increments, so
reads that arrive while a flush runs are kept for the next one.

`flush_views()` moves the counters into `ArticleDailyViews` rows with `F()`
updates. It runs from the `flush_popular_views` management command (cron) and
opportunistically from a request at most once every
`READER_POPULAR_FLUSH_SECONDS`. The buffers are in the cache every process shares
(core/cache.py), so the command, a process of its own, sees every server's reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from articles.models import Article, ArticleDailyViews
from core.addresses import client_ip

logger = logging.getLogger(__name__)

# Crawlers, link previews, monitors and scripts: none of them is a reader.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetcher|facebookexternalhit|embedly|preview|"
    r"monitor|pingdom|uptime|lighthouse|headless|phantomjs|scrapy|python|curl|wget|"
    r"httpclient|okhttp|go-http|java/|libwww|perl|ruby|node-fetch|axios",
    re.IGNORECASE,
)
FLUSH_DUE_KEY = "reader:pv:flush-due"
FLUSH_LOCK_KEY = "reader:pv:flushing"
_KEEP = 2 * 24 * 3600  # buffers outlive their day, so that the day can still be flushed
# The day is part of a "seen" key, so the key only has to last until the day is over.
_SEEN_FOR = 24 * 3600


def is_bot(request: HttpRequest) -> bool:
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent))


def _signed_in_user(request: HttpRequest):
    """The signed-in user, without touching the session of a request that has none
    (which is most readers, and would cost a session lookup on every cache hit)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = request.user
    return user if user.is_authenticated else None


def reader_id(request: HttpRequest) -> str:
    """Who is reading: the account, or a hash of address and browser (no cookie needed)."""
    user = _signed_in_user(request)
    if user is not None:
        return f"u{user.pk}"
    raw = f"{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')}"
    return hashlib.blake2b(raw.encode(), digest_size=12).hexdigest()


def _today() -> date:
    """Today in the site's time zone (cheaper than localdate(), which asks the
    per-request active time zone; readers' requests never activate another)."""
    return datetime.now(timezone.get_default_timezone()).date()


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _seen_key(day: date, path: str, reader: str) -> str:
    return f"reader:pv:seen:{_day(day)}:{path}:{reader}"


def _count_key(day: date, article_id: int) -> str:
    return f"reader:pv:count:{_day(day)}:{article_id}"


def _index_length_key(day: date) -> str:
    return f"reader:pv:index:{_day(day)}"


def _index_key(day: date, slot: int) -> str:
    return f"reader:pv:index:{_day(day)}:{slot}"


def _increment(key: str, *, initial: int = 1) -> int:
    """cache.incr that also starts a missing counter; returns the new value."""
    if cache.add(key, initial, timeout=_KEEP):
        return initial
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, initial, timeout=_KEEP)
        return initial


def seen_key(request: HttpRequest) -> str | None:
    """The key that marks this request's reader as counted today for the page asked
    for, or None when the request is no reader's read. Keyed by the page's path, not
    the article, so that the page cache can read it with the page, in the same round
    trip, before it knows which article the page shows: a reader who comes back to a
    page (a reload, the back button) then costs the cache no write."""
    if request.method != "GET" or is_bot(request):
        return None
    user = _signed_in_user(request)
    if user is not None and user.is_staff:
        return None
    path = hashlib.blake2b(request.path.encode(), digest_size=12).hexdigest()
    return _seen_key(_today(), path, reader_id(request))


def record_view(request: HttpRequest, *, article_id: int, seen: str | None = None) -> bool:
    """Count a read of a published article; True when it counted. `seen` is
    `seen_key(request)` when the caller made it already.

    Costs one cache round trip for a reader already counted today, a few for a
    new one, and never a database query (but see `maybe_flush`).
    """
    seen = seen or seen_key(request)
    if seen is None or not cache.add(seen, 1, _SEEN_FOR):
        return False
    today = _today()
    count_key = _count_key(today, article_id)
    if cache.add(count_key, 1, timeout=_KEEP):
        # The article's first read in this buffer today: put it in the day's index.
        slot = _increment(_index_length_key(today))
        cache.set(_index_key(today, slot), article_id, timeout=_KEEP)
    else:
        _increment(count_key)
    maybe_flush()
    return True


def maybe_flush() -> None:
    """Flush at most once per interval, from whichever request comes first."""
    if cache.add(FLUSH_DUE_KEY, 1, timeout=settings.READER_POPULAR_FLUSH_SECONDS):
        try:
            flush_views()
        except Exception:  # a reader's page must not fail because of the counter
            logger.exception("Flushing popular-now counts failed")


def pending_views(day: date) -> dict[int, int]:
    """Counted reads of `day` not yet in the database, by article id."""
    length = cache.get(_index_length_key(day)) or 0
    slots = cache.get_many([_index_key(day, slot) for slot in range(1, length + 1)])
    article_ids = set(slots.values())
    keys = {_count_key(day, article_id): article_id for article_id in article_ids}
    counts = cache.get_many(list(keys))
    return {keys[key]: count for key, count in counts.items() if count > 0}


def flush_views() -> int:
    """Move buffered reads into ArticleDailyViews; returns how many reads moved."""
    if not cache.add(FLUSH_LOCK_KEY, 1, timeout=300):
        return 0  # another process is flushing
    moved = 0
    try:
        today = _today()
        for day in (today - timedelta(days=1), today):
            pending = pending_views(day)
            if not pending:
                continue
            existing = set(Article.objects.filter(pk__in=pending).values_list("pk", flat=True))
            with transaction.atomic():
                for article_id in existing:
                    _add_views(article_id=article_id, day=day, views=pending[article_id])
            # Subtract only what was written: reads counted meanwhile stay in the buffer.
            for article_id, views in pending.items():
                # A counter that expired meanwhile has nothing left to subtract.
                with contextlib.suppress(ValueError):
                    cache.decr(_count_key(day, article_id), views)
                if article_id in existing:
                    moved += views
    finally:
        cache.delete(FLUSH_LOCK_KEY)
    return moved


def _add_views(*, article_id: int, day: date, views: int) -> None:
    rows = ArticleDailyViews.objects.filter(article_id=article_id, day=day)
    if rows.update(views=F("views") + views):
        return
    try:
        with transaction.atomic():
            ArticleDailyViews.objects.create(article_id=article_id, day=day, views=views)
    except IntegrityError:  # another writer made the row first
        rows.update(views=F("views") + views)
