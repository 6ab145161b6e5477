from django.conf import settings
from django.core.checks import Error, Tags, register

from .conf import unshared_cache_reason


@register(Tags.caches, deploy=True)
def cache_shared_by_every_process(app_configs, **kwargs):
    """The same rule that stops settings.py with DEBUG off, for `check --deploy` run
    with DEBUG on."""
    backend = settings.CACHES["default"]["BACKEND"]
    reason = unshared_cache_reason(backend)
    if reason is None:
        return []
    return [
        Error(
            f"The default cache, {backend}, {reason}; in production the site's "
            "processes must share one cache (page purges, rate limits, Popular now).",
            hint="Leave CACHE_URL unset (a table in the database) or set redis://…",
            id="core.E001",
        )
    ]
