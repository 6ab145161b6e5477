"""The one answer to "which address is this reader's?"."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The reader's address, for rate limits, read counts and the comment record.

    Without proxies (CLIENT_IP_PROXY_COUNT = 0) it is REMOTE_ADDR. Behind N proxies
    that each append the address they saw to X-Forwarded-For, it is the entry N
    places from the right: everything left of it was written by the client and can
    be anything. A header with fewer entries than proxies (a request that reached a
    proxy without a header) gives its leftmost entry, which a proxy still wrote.
    """
    proxies = settings.CLIENT_IP_PROXY_COUNT
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if entries:
            return entries[-min(proxies, len(entries))]
    return request.META.get("REMOTE_ADDR", "")
