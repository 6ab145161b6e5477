"""Absolute URLs on the site's public address, for mails, feeds, sitemaps and metadata,
which are read away from the request that made them."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """SITE_URL + path: `absolute_url("/news/")` → "https://example.org/news/"."""
    return f"{settings.SITE_URL}{path}"
