"""The site's public address is SITE_URL; the Sites framework's row is kept saying the same.

Our own links (mails, feeds, sitemaps, the admin's "View on site") are built from
SITE_URL. Django and the comment apps ask the Sites framework instead (the admin's
contenttypes redirect, moderation mails naming the site), so its row is rewritten
from SITE_URL and SITE_NAME after every `migrate` and when a server process starts:
settings change only with a restart, so nothing can drift in between.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction

from .urls import absolute_url

logger = logging.getLogger(__name__)


def public_domain() -> str:
    """SITE_URL's host, with its port when it names one: what Site.domain holds."""
    return urlsplit(settings.SITE_URL).netloc


def public_scheme() -> str:
    return urlsplit(settings.SITE_URL).scheme or "https"


def site_sync(*, using: str = DEFAULT_DB_ALIAS) -> bool:
    """Make the SITE_ID row name SITE_URL's host and SITE_NAME; True when it changed.

    One query when it agrees already (the usual start-up), two when it does not.
    """
    wanted = {"domain": public_domain(), "name": settings.SITE_NAME[:50]}
    with transaction.atomic(using=using):
        site = Site.objects.using(using).select_for_update().filter(pk=settings.SITE_ID).first()
        if site is None:
            Site.objects.using(using).create(pk=settings.SITE_ID, **wanted)
            return True
        if all(getattr(site, name) == value for name, value in wanted.items()):
            return False
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save(using=using)  # also drops the process's cached copy (SITE_CACHE)
        return True


def site_sync_at_start() -> None:
    """For wsgi.py and asgi.py: a server that cannot reach its database yet still
    starts (and says so); the next start or `migrate` puts the row right."""
    try:
        if site_sync():
            logger.info("The Sites framework now names %s, from SITE_URL.", public_domain())
    except DatabaseError as error:
        logger.warning("Could not bring the Sites framework in line with SITE_URL: %s", error)


class ViewOnPublicSite:
    """Admin mixin: "View on site" opens the public page at SITE_URL, with its scheme,
    whatever host and scheme the admin itself was reached on."""

    def view_on_site(self, obj) -> str:
        return absolute_url(obj.get_absolute_url())
