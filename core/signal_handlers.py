from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, router
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
        unlog_cache_tables(using)


def unlog_cache_tables(using: str) -> None:
    """On PostgreSQL the database cache's table is UNLOGGED: its writes (a page stored,
    a reader's view counted, a rate-limit window) then wait for no WAL flush, which
    cost a cached page hit a millisecond or more of its few. What that gives up is
    what a cache may lose: the table is emptied after a crash and is not copied to
    standbys, as Redis keeps nothing here either."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    for alias in settings.CACHES:
        backend = caches[alias]
        if not isinstance(backend, DjangoDatabaseCache):
            continue
        if router.db_for_write(backend.cache_model_class) != using:
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT relpersistence FROM pg_class WHERE oid = %s::regclass",
                           [backend._table])  # fmt: skip
            if cursor.fetchone()[0] == "p":  # permanent: rewritten once, on this migrate
                cursor.execute(
                    f"ALTER TABLE {connection.ops.quote_name(backend._table)} SET UNLOGGED"
                )
