"""How a comment's plain text becomes HTML."""

from __future__ import annotations

from functools import lru_cache

from django.utils.html import Urlizer
from django.utils.safestring import SafeString, mark_safe


class CommentUrlizer(Urlizer):
    """Django's urlize, with the link relations user-submitted links need.

    Addresses that look like email are left as text: a comment is no place to
    harvest them from.
    """

    url_template = '<a href="{href}" rel="nofollow ugc noopener"{attrs}>{url}</a>'

    def is_email_simple(self, value) -> bool:
        return False


_urlize = CommentUrlizer()


# A pure function of the text, and linking URLs is the costliest step of a comment's
# rendering: each process keeps the last few thousand. An edited text is another key.
@lru_cache(maxsize=4096)
def comment_html(text: str) -> SafeString:
    """Escape everything, link the URLs, keep the line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    linked = _urlize(text, trim_url_limit=60, nofollow=False, autoescape=True)
    return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308 - every part is escaped above
