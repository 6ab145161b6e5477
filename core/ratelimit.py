"""One rate limiter: a fixed window per scope and subject in the shared cache.

`allow()` counts an action and answers with a `Verdict`: true while the subject may
go on, and once it may not, how many seconds until its window ends; `undo()` takes a
counted action back (a login that turned out not to fail). The window lives in the
default cache, which every process of the site shares (core/cache.py), so every
process counts into one window; `add` starts a window without pushing an open one's
end back, and `incr` is atomic across processes on the backends settings.py allows,
so parallel requests are all counted. With Redis down the limit allows everything
(fails open) rather than refusing every reader.

A refused request answers 429 with a Retry-After header (`too_many_requests()`) and
says in words when to try again (`Verdict.try_again()`).
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Rate:
    """At most `count` actions within `seconds`."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """ "5/600" → five per ten minutes; raises ValueError for anything else."""
        count, _, seconds = text.partition("/")
        try:
            rate = cls(int(count), int(seconds))
        except ValueError:
            rate = None
        if rate is None or rate.count < 0 or rate.seconds <= 0:
            raise ValueError(f"a rate is COUNT/SECONDS with SECONDS > 0, not {text!r}")
        return rate

    def __str__(self) -> str:
        return f"{self.count}/{self.seconds}"


@dataclass(frozen=True)
class Verdict:
    """The limiter's answer: true while the subject may go on; once refused,
    `retry_after` is the number of seconds until its window ends."""

    allowed: bool
    retry_after: int = 0

    def __bool__(self) -> bool:
        return self.allowed

    def try_again(self) -> str:
        """ "Please try again in 4 minutes.", in whole minutes (hours for long waits),
        rounded up so that the reader who waits that long is let in."""
        minutes = max(1, math.ceil(self.retry_after / 60))
        if minutes > 90:
            hours = math.ceil(minutes / 60)
            return ngettext(
                "Please try again in %(count)d hour.", "Please try again in %(count)d hours.", hours
            ) % {"count": hours}
        return ngettext(
            "Please try again in %(count)d minute.",
            "Please try again in %(count)d minutes.",
            minutes,
        ) % {"count": minutes}


def _cache_keys(scope: str, subject: str) -> tuple[str, str]:
    """The window's counter and the moment it ends."""
    # Hashed, so that any string (an address, an IPv6 address) makes a valid, short key.
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    return f"rl:{scope}:{digest}", f"rl:{scope}:{digest}:ends"


def _refused(ends_key: str, rate: Rate, now: float) -> Verdict:
    # The end is missing only if it was evicted; then the whole window is the safe answer.
    ends = cache.get(ends_key) or now + rate.seconds
    return Verdict(False, retry_after=max(1, math.ceil(ends - now)))


def allow(*, scope: str, subject: str, rate: Rate) -> Verdict:
    """Count one action of `subject`; refused once more than `rate.count` came within
    `rate.seconds` of the first."""
    key, ends_key = _cache_keys(scope, subject)
    now = time.time()
    if cache.add(key, 1, timeout=rate.seconds):
        cache.set(ends_key, now + rate.seconds, timeout=rate.seconds)
        hits = 1
    else:
        try:
            hits = cache.incr(key)
        except ValueError:
            # The window ran out between add() and incr(): this hit starts a new one.
            cache.add(key, 1, timeout=rate.seconds)
            cache.set(ends_key, now + rate.seconds, timeout=rate.seconds)
            hits = 1
    return Verdict(True) if hits <= rate.count else _refused(ends_key, rate, now)


def undo(*, scope: str, subject: str) -> None:
    """Take back one action that `allow()` counted.

    For limits on failures (failed logins): each attempt is counted before its
    outcome is known, so that attempts sent in parallel cannot all slip past the
    limit, and is taken back once it turns out not to be a failure.
    """
    key, _ends_key = _cache_keys(scope, subject)
    # Once the window has ended there is nothing left to take back.
    with contextlib.suppress(ValueError):
        cache.decr(key)


def too_many_requests(response: HttpResponse, verdict: Verdict) -> HttpResponse:
    """`response`, the page that says what was refused, as a 429 with Retry-After."""
    response.status_code = 429
    response["Retry-After"] = str(verdict.retry_after)
    return response
