"""One rate limiter: a fixed window per scope and subject in the shared cache.

`allow()` answers True while the subject may go on. The window lives in the
default cache, which every process of the site shares (core/cache.py), so every
process counts into one window; `add` starts a window without pushing an open one's
expiry back, and `incr` is atomic across processes on the backends settings.py
allows, so parallel requests are all counted. With Redis down the limit allows
everything (fails open) rather than refusing every reader.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Rate:
    """At most `count` actions within `seconds`."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """"5/600" → five per ten minutes; raises ValueError for anything else."""
        count, _, seconds = text.partition("/")
        rate = cls(int(count), int(seconds))
        if rate.count < 0 or rate.seconds <= 0:
            raise ValueError(f"a rate is COUNT/SECONDS with SECONDS > 0, not {text!r}")
        return rate

    def __str__(self) -> str:
        return f"{self.count}/{self.seconds}"


def _cache_key(scope: str, subject: str) -> str:
    # Hashed, so that any string (an address, an IPv6 address) makes a valid, short key.
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    return f"rl:{scope}:{digest}"


def allow(*, scope: str, subject: str, rate: Rate) -> bool:
    """Count one action of `subject`; False once more than `rate.count` came within
    `rate.seconds`."""
    key = _cache_key(scope, subject)
    if cache.add(key, 1, timeout=rate.seconds):
        return rate.count >= 1
    try:
        hits = cache.incr(key)
    except ValueError:
        # The window ran out between add() and incr(): this hit starts a new one.
        cache.add(key, 1, timeout=rate.seconds)
        return rate.count >= 1
    return hits <= rate.count
