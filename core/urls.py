"""Absolute URLs on the site's public address, for mails, feeds, sitemaps and metadata,
which are read away from the request that made them (and must not name whatever host
that request came in on)."""

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def absolute_url(path: str) -> str:
    """SITE_URL + path: `absolute_url("/news/")` → "https://example.org/news/".

    A URL that is absolute already (a file on object storage) is returned as it is.
    """
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def own_url(request, target: str, fallback: str = "") -> str:
    """`target` when it leads to this site (and, on HTTPS, stays on HTTPS), else
    `fallback`: where a form may send its reader back to, never off the site."""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
