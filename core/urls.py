"""Absolute URLs on the site's public address, for mails, feeds, sitemaps and metadata,
which are read away from the request that made them (and must not name whatever host
that request came in on)."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """SITE_URL + path: `absolute_url("/news/")` → "https://example.org/news/".

    A URL that is absolute already (a file on object storage) is returned as it is.
    """
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"
