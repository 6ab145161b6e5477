"""The one allow-list for article HTML: what the editor can produce, nothing more."""

import re

import nh3

from .passages import PASSAGE_ATTRIBUTE, drop_repeated_passages, is_passage_id
from .placeholders import LINK_PLACEHOLDER

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "s", "u", "sub", "sup", "code", "pre",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    # A paragraph open for readers' feedback (articles/passages.py).
    "p": {PASSAGE_ATTRIBUTE},
}
# Relative links and these schemes only: no javascript:, data: or vbscript:.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_LINK = re.compile(LINK_PLACEHOLDER)


def _checked_value(tag: str, attribute: str, value: str) -> str | None:
    """A passage id that is not one of ours is dropped, and with it the mark; an href
    in our placeholders' brackets is an internal link written exactly as
    link_placeholder() writes it, or no href at all: nothing half-formed is stored."""
    if attribute == PASSAGE_ATTRIBUTE:
        return value if is_passage_id(value) else None
    if tag == "a" and attribute == "href" and value.startswith("["):
        return value if _LINK.fullmatch(value) else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    # External links in articles neither pass our referrer-sensitive context
    # nor give the target page a handle on ours.
    link_rel="noopener noreferrer",
    strip_comments=True,
    attribute_filter=_checked_value,
)


def sanitize_html(html: str) -> str:
    """Return `html` reduced to the article allow-list (idempotent)."""
    if not html:
        return ""
    return drop_repeated_passages(_cleaner.clean(html).strip())
