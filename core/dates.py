"""How the site tells times: to readers ("3 hours ago") and to machines (ISO 8601)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timesince import timesince
from django.utils.translation import gettext, npgettext_lazy

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


def time_ago(value: datetime | None, now: datetime | None = None) -> str:
    """"3 hours ago", "1 year ago" ("vor 1 Jahr"): the largest unit only, which is all
    a reader needs. A time in the future (a scheduled article in a preview) is shown
    as a date instead."""
    if not value:
        return ""
    now = now or timezone.now()
    if value > now:
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if (now - value).total_seconds() < 60:
        return gettext("just now")
    return timesince(value, now, time_strings=AGO, depth=1)


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
    return timezone.localtime(to_the_second(moment)).isoformat()
