"""How the site tells times: to readers ("3 hours ago") and to machines (ISO 8601)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timesince import timesince
from django.utils.translation import get_language, gettext, npgettext_lazy

# One unit only ("3 hours ago", not "3 hours, 2 minutes ago"), in phrases of their
# own so that languages can inflect them: German needs "vor 3 Tagen".
AGO = {
    "year": npgettext_lazy("time ago", "%(num)d year ago", "%(num)d years ago", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month ago", "%(num)d months ago", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week ago", "%(num)d weeks ago", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day ago", "%(num)d days ago", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour ago", "%(num)d hours ago", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute ago", "%(num)d minutes ago", "num"),
}


class _AgoPhrase:
    """One of AGO's phrases as timesince() uses it (`phrase % {"num": 3}`), translated
    once per language and number: a page with every comment shown asks for one per
    comment, and translating was half of what telling "3 hours ago" cost."""

    def __init__(self, unit: str):
        self.unit = unit

    def __mod__(self, values: dict) -> str:
        return _ago_phrase(self.unit, values["num"], get_language())


@lru_cache(maxsize=1024)
def _ago_phrase(unit: str, num: int, language: str | None) -> str:
    # `language` is the active one; it is an argument to be part of the key.
    return str(AGO[unit] % {"num": num})


_AGO_PHRASES = {unit: _AgoPhrase(unit) for unit in AGO}


def time_ago(value: datetime | None, now: datetime | None = None) -> str:
    """The phrase "3 hours ago", "1 year ago" ("vor 1 Jahr"): the largest unit only,
    which is all a reader needs. A time in the future (a scheduled article in a
    preview) is shown as a date instead."""
    if not value:
        return ""
    now = now or timezone.now()
    if value > now:
        return long_datetime(value)
    if (now - value).total_seconds() < 60:
        return gettext("just now")
    return timesince(value, now, time_strings=_AGO_PHRASES, depth=1)


def long_datetime(moment: datetime | None) -> str:
    """`moment` as readers read it, in the active language and time zone
    ("3. Dezember 2026 um 18:58")."""
    if moment is None:
        return ""
    return _long_datetime(moment, get_language(), timezone.get_current_timezone_name())


# A pure function of the moment, the language and the zone, and Django's formatter is the
# costliest part of a comment's header (each comment shows its date on hover): each
# process keeps the last few thousand, as comments.text keeps the comments' HTML.
@lru_cache(maxsize=8192)
def _long_datetime(moment: datetime, language: str | None, zone: str) -> str:
    # `language` and `zone` are the active ones; they are arguments to be part of the key.
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def to_the_second(moment: datetime) -> datetime:
    """`moment` without its fraction of a second, for code that formats it itself
    (Django's feed generators)."""
    return moment.replace(microsecond=0)


def machine_datetime(moment: datetime | None) -> str | None:
    """The one form of a date for machines (`<time datetime>`, Open Graph, JSON-LD,
    sitemaps, exports): ISO 8601 to the second, with the site's UTC offset.

    The database keeps microseconds, and HTML allows at most three digits of a
    second's fraction; nobody needs more than seconds.
    """
    if moment is None:
        return None
    return _machine_datetime(moment, timezone.get_current_timezone_name())


@lru_cache(maxsize=8192)
def _machine_datetime(moment: datetime, zone: str) -> str:
    # `zone` is the active one; it is an argument to be part of the key.
    return timezone.localtime(to_the_second(moment)).isoformat()
