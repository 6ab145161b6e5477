"""A fixed-window counter in the cache, enough to slow a script down without a new dependency."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def _cache_key(scope: str, subject: str) -> str:
    # Hashed, so that any string (an address, an IPv6 address) makes a valid, short key.
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    return f"newsletter:rl:{scope}:{digest}"


def allow(*, scope: str, subject: str, limit: int, window: int) -> bool:
    """Count one hit for `subject`; False once more than `limit` came within `window` seconds."""
    key = _cache_key(scope, subject)
    # add() starts the window only if none is running, so its expiry is not pushed back.
    if cache.add(key, 1, timeout=window):
        return True
    try:
        hits = cache.incr(key)
    except ValueError:
        # The window ran out between add() and incr(): this hit starts a new one.
        cache.add(key, 1, timeout=window)
        return True
    return hits <= limit
