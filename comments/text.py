"""How a comment's plain text becomes HTML, and how its age is told to readers."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.html import Urlizer
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince
from django.utils.translation import gettext, npgettext_lazy


class CommentUrlizer(Urlizer):
    """Django's urlize, with the link relations user-submitted links need.

    Addresses that look like email are left as text: a comment is no place to
    harvest them from.
    """

    url_template = '<a href="{href}" rel="nofollow ugc noopener"{attrs}>{url}</a>'

    def is_email_simple(self, value) -> bool:
        return False


_urlize = CommentUrlizer()


def comment_html(text: str) -> SafeString:
    """Escape everything, link the URLs, keep the line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    linked = _urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
    return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308 - every part is escaped above


# One unit only ("3 hours ago", not "3 hours, 2 minutes ago"), in phrases of
# their own so that languages can inflect them: German needs "vor 3 Tagen".
AGO = {
    "year": npgettext_lazy("time ago", "%(num)d year ago", "%(num)d years ago", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month ago", "%(num)d months ago", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week ago", "%(num)d weeks ago", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day ago", "%(num)d days ago", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour ago", "%(num)d hours ago", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute ago", "%(num)d minutes ago", "num"),
}


def time_ago(value: datetime, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if (now - value).total_seconds() < 60:
        return gettext("just now")
    return timesince(value, now, time_strings=AGO, depth=1)
