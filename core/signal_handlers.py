from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .public_site import site_sync


@receiver(post_migrate, dispatch_uid="site_follows_site_url_after_migrate")
def sync_site_with_site_url(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Every `migrate` (a deploy runs one) rewrites the Sites row from SITE_URL.

    Once per run, on the sites app's signal: Django makes its example.com row on that
    same signal, just before this handler (the sites app is installed first)."""
    if sender.label == "sites":
        site_sync(using=using)
