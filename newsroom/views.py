import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import REASON_CSRF_TOKEN_MISSING, REASON_NO_CSRF_COOKIE, get_token
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache

from comments import views as comments_views
from newsletter import views as newsletter_views

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


@never_cache
def form_token(request: HttpRequest) -> JsonResponse:
    """The reader's CSRF token for the forms of a cached page (core/forms_token.py);
    never cached, and it sets the reader's CSRF cookie."""
    return JsonResponse({"token": get_token(request)})


# The forms on cached pages that get themselves back when they arrive without a token
# (scripts off): what was typed, filled in, with a token, on a page no cache keeps.
_SEND_AGAIN = {
    "comments:post": comments_views.post_without_token,
    "comments:vote": comments_views.vote_without_token,
    "newsletter:subscribe": newsletter_views.subscribe_without_token,
}
# Only a missing token or cookie: a post from another origin is refused before that.
_MISSING = (REASON_NO_CSRF_COOKIE, REASON_CSRF_TOKEN_MISSING)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form of a cached page sent without its token gets its page
    again (see _SEND_AGAIN); everything else Django's 403."""
    if reason in _MISSING:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        handler = _SEND_AGAIN.get(match.view_name) if match else None
        response = handler(request, **match.kwargs) if handler else None
        if response is not None:
            add_never_cache_headers(response)
            return response
    return django_csrf_failure(request, reason=reason)
