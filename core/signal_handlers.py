from django.core.management import call_command
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


@receiver(post_migrate, dispatch_uid="cache_table_after_migrate")
def create_cache_table(sender, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs) -> None:
    """`migrate` makes the database cache's table too (`make run`, a deploy, the tests'
    servers), so that no one has to remember `createcachetable`. It does nothing when
    the table is there or the cache is not in the database."""
    if sender.label == "sites":
        call_command("createcachetable", database=using, verbosity=verbosity)
