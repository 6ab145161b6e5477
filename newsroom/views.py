import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database_answers() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_answers() -> bool:
    # A value of its own each time: a cache that keeps nothing must not pass on an old one.
    value = secrets.token_hex(8)
    cache.set("healthz", value, 10)
    return cache.get("healthz") == value


PROBES = {"database": _database_answers, "cache": _cache_answers}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database and the cache both answer, else a 503
    naming those that did not."""
    failed = []
    for name, probe in PROBES.items():
        try:
            answers = probe()
        except Exception:  # whatever the backend raises, the answer is "not healthy"
            logger.exception("healthz: the %s does not answer", name)
            answers = False
        if not answers:
            failed.append(name)
    if failed:
        return JsonResponse({"status": "unavailable", "failed": failed}, status=503)
    return JsonResponse({"status": "ok"})
