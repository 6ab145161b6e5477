"""gunicorn's settings for production (`make serve`, `manage.py serve`).

Each one can be changed by the environment variable named beside it; the README's
"Deploy" section says when to. https://docs.gunicorn.org/en/stable/settings.html
"""

import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


# Loopback only: the front server (deploy/nginx.conf) is the one client. Whoever can
# reach this address can claim any X-Forwarded-For and X-Forwarded-Proto.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers, each one request at a time: the pages are CPU-bound templates,
# and nginx buffers slow clients. 2 × cores + 1 is gunicorn's own rule of thumb.
workers = _int("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1) + 1)
# A request taking longer is killed (the worker restarts); graceful stops (HUP, TERM)
# let running requests finish this long.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Restart each worker after about this many requests, staggered, so that a slow leak
# in any library never grows without bound.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10
# Request line and headers: gunicorn refuses larger ones with a 400 before Django
# sees them (bodies are capped by nginx and by core.middleware.RequestSizeLimitMiddleware).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Django alone decides whether a request came over https (SECURE_PROXY_SSL_HEADER,
# trusted only with CLIENT_IP_PROXY_COUNT); gunicorn's own guess from the same headers
# would be trusted from any local client.
secure_scheme_headers = {}
forwarded_allow_ips = "127.0.0.1,::1"
# Logs to stdout and stderr, for systemd's journal.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# gunicorn's runtime control socket lives in $HOME by default, one path for every
# gunicorn of the user; nothing here uses it (signals do: HUP, TERM, TTIN/TTOU).
control_socket_disable = True
