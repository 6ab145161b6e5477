"""One round trip for the shared-cache entries a page is about to read one by one.

An uncached article page read a dozen entries (its tags, the category tree, the
related lists, "Popular now", the rendered body, the kept fragments, the comments):
a round trip each, half a millisecond apiece on Redis and a query each on the
database cache. Once the view knows the article it names them all to `read_ahead`,
which fetches them with one `get_many`; the code that reads each entry asks `get`,
which hands over what was read ahead, or goes to the cache as before.

Only for the length of one request (`reading_ahead`, opened by the reader's page
cache middleware): an entry read ahead is handed out once, so a read after the
request wrote the key goes to the cache again, and `forget` drops them all when the
request purges (the keys it was about to read are of the old generation).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

_ahead: ContextVar[dict | None] = ContextVar("core_read_ahead", default=None)


@contextmanager
def reading_ahead() -> Iterator[None]:
    token = _ahead.set({})
    try:
        yield
    finally:
        _ahead.reset(token)


def read_ahead(keys: Iterable[str]) -> None:
    """Fetch these entries in one round trip for the `get`s of this request to come."""
    ahead = _ahead.get()
    if ahead is None:
        return
    wanted = [key for key in dict.fromkeys(keys) if key not in ahead]
    if not wanted:
        return
    found = cache.get_many(wanted)
    for key in wanted:
        ahead[key] = found.get(key)


def get(key: str):
    """`cache.get(key)`, from what this request read ahead when it did."""
    ahead = _ahead.get()
    if ahead is not None and key in ahead:
        return ahead.pop(key)
    return cache.get(key)


def forget() -> None:
    """Drop what was read ahead (the request purged: those entries may be stale)."""
    ahead = _ahead.get()
    if ahead is not None:
        ahead.clear()
