"""The one allow-list for article HTML: what the editor can produce, nothing more."""

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "s", "u", "sub", "sup", "code", "pre",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
}
# Relative links and these schemes only: no javascript:, data: or vbscript:.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    # External links in articles neither pass our referrer-sensitive context
    # nor give the target page a handle on ours.
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Return `html` reduced to the article allow-list (idempotent)."""
    if not html:
        return ""
    return _cleaner.clean(html).strip()
