"""
Newsroom settings: every value that differs between machines comes from the
environment, with defaults that suit a developer's laptop.

https://docs.djangoproject.com/en/5.2/ref/settings/
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from accounts import conf as accounts_conf
from articles import conf as articles_conf
from articles.passages import editor_extension as passage_editor_extension
from comments import conf as comments_conf
from core.conf import from_environment, unshared_cache_reason
from core.ratelimit import Rate
from newsletter import conf as newsletter_conf
from reader import conf as reader_conf
from wordpress import conf as wordpress_conf

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A .env file is optional; real environment variables win over it.
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

# ------------------------------------------------------------------------------
# Core
# ------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: "
            "generate one with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured("SECRET_KEY is too weak for production: use 32+ random characters.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

SITE_NAME = env.str("SITE_NAME", default="Newsroom")
# The public base URL that mails, feeds and sitemaps use, with no trailing slash.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])
# Forms on cached pages carry no token without JavaScript (core/forms_token.py): such a
# post gets its form back, filled in, with a token, instead of Django's bare 403.
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"

# ------------------------------------------------------------------------------
# Applications
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
    # Before the admin: its admin classes and per-language model fields.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
    "storages",
    "mptt",
    "taggit",
    "imagekit",
    "django_prose_editor",
    "core",
    "articles",
    "pages",
    "reader",
    "accounts",
    # xtd before django_comments: its templates and admin take precedence.
    "django_comments_xtd",
    "django_comments",
    "comments",
    "newsletter",
    "demo",
    "wordpress",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy on every page.
    "articles.admin_csp.ContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control and surrogate keys for the HTTP cache in front (reader/http_cache.py),
    # outside the middlewares that add Vary and cookies on the way out.
    "reader.http_cache.SharedCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The edition from the URL prefix (/de/…); the default language is unprefixed.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Old WordPress addresses answer 301 (wordpress/middleware.py): asked only on a 404,
    # or for ?p=, ?page_id=, ?cat= on the home page.
    "wordpress.middleware.LegacyRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Anonymous readers' cached pages, served before URL resolution (reader/cache.py).
    "reader.cache.ReaderPageCacheMiddleware",
    # Forms in another charset than UTF-8: a 400 page before anything reads the body.
    "core.middleware.FormCharsetMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Bodies above the cap get a 413 before anything reads them (it needs the user).
    "core.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reader.context_processors.site",
            ],
        },
    },
    # Beside the Django template language, for the comment tree only (comments/tree.py):
    # hundreds of small fragments a page, which Jinja2 renders several times faster.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "comments.jinja_env.environment",
            "trim_blocks": True,
            "lstrip_blocks": True,
        },
    },
]

# ------------------------------------------------------------------------------
# Database: DATABASE_URL, a SQLite file by default
# https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-notes
# ------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# With SQLite's defaults, concurrent writers fail with "database is locked": a
# deferred transaction that reads first and writes later cannot wait for the
# lock. IMMEDIATE takes the write lock up front, so the busy timeout applies,
# and WAL lets readers carry on while one connection writes.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=20000;"
        "PRAGMA foreign_keys=ON;"
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ------------------------------------------------------------------------------
# The HTTP cache in front (Varnish, a CDN): HTTP_CACHE_PURGE_URL, the caches that take
# `PURGE` with an `xkey` header (deploy/varnish.vcl), comma-separated, e.g.
# http://127.0.0.1:6081/. Empty, the default: no purges are sent (reader/http_cache.py).
# ------------------------------------------------------------------------------
HTTP_CACHE_PURGE_URL = env.list("HTTP_CACHE_PURGE_URL", default=[])

# ------------------------------------------------------------------------------
# Cache: CACHE_URL, a table in the database by default, redis://… for Redis. Every
# process of the site must share it (README, "Running several processes"): the page
# cache and its purges, rate limits and the "Popular now" buffers live there.
# https://docs.djangoproject.com/en/5.2/topics/cache/#database-caching
# ------------------------------------------------------------------------------
CACHES = {"default": env.cache_url("CACHE_URL", default="dbcache://newsroom_cache")}
_cache = CACHES["default"]
if _cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    # Django's, with add and incr that stay atomic across processes (core/cache.py).
    _cache["BACKEND"] = "core.cache.DatabaseCache"
    # Past this many entries a write drops the expired ones and a third of the rest
    # (Django's default, 300, would evict pages after a few hundred readers).
    _cache.setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 200_000)
elif _cache["BACKEND"].endswith("RedisCache"):
    # Django's own Redis backend (django-redis is not needed), made to survive Redis
    # being down; short timeouts, so that a lost server costs a page little.
    _cache["BACKEND"] = "core.cache.RedisCache"
    _cache["OPTIONS"] = {"socket_connect_timeout": 1, "socket_timeout": 1}
_cache.setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="newsroom"))
if not DEBUG and (_reason := unshared_cache_reason(_cache["BACKEND"])):
    raise ImproperlyConfigured(
        f"CACHE_URL names {_cache['BACKEND']}, which {_reason}: with DEBUG off the site "
        "may run as several processes, which must share one cache. Leave CACHE_URL unset "
        "(a table in the database) or use redis://…"
    )

# ------------------------------------------------------------------------------
# Mail: EMAIL_URL, the console by default
# ------------------------------------------------------------------------------
_EMAIL = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(_EMAIL)  # EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS, … as the URL says
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"{SITE_NAME} <newsroom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ------------------------------------------------------------------------------
# Authentication
# ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's model backend, except that the development login (`make run`'s admin) opens
# nothing with DEBUG off: articles/dev_admin.py.
AUTHENTICATION_BACKENDS = ["accounts.dev_admin.DevelopmentLoginGuardBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reader:home"
LOGOUT_REDIRECT_URL = "reader:home"

# ------------------------------------------------------------------------------
# Internationalisation: one edition per language in LANGUAGES, each under its own
# URL prefix (/de/…); LANGUAGE_CODE's edition has none. One entry: a single edition.
# ------------------------------------------------------------------------------
_LANGUAGE_NAMES = {"en": _("English"), "de": _("German")}
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
_EDITIONS = env.list("EDITIONS", default=["en", "de"])
if LANGUAGE_CODE not in _EDITIONS or not set(_EDITIONS) <= set(_LANGUAGE_NAMES):
    raise ImproperlyConfigured(
        f"EDITIONS must list languages of {sorted(_LANGUAGE_NAMES)} and include "
        f"LANGUAGE_CODE ({LANGUAGE_CODE!r}); it is {_EDITIONS!r}."
    )
LANGUAGES = [(code, _LANGUAGE_NAMES[code]) for code in _EDITIONS]
# Section and tag names per language (django-modeltranslation): a name not yet
# translated shows in the default language, then in any other.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(_EDITIONS)
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": (LANGUAGE_CODE, *_EDITIONS)}
# One catalogue per area of the site, so that each area's translations can be
# kept (and merged) on their own; Django merges them at run time.
LOCALE_PATHS = [
    BASE_DIR / "locale" / area
    for area in (
        "core",
        "reader",
        "comments",
        "newsletter",
        "workflow",
        "editions",
        "imports",
        "library",
    )
]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# ------------------------------------------------------------------------------
# Static files and uploads
# https://docs.djangoproject.com/en/5.2/howto/static-files/deployment/
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
# `collectstatic` writes here; in production the front server serves it (deploy/nginx.conf).
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Our own buttons in the article body editor: django-prose-editor loads each module
# when a field's configuration names its extension (articles.models.ARTICLE_BODY_EXTENSIONS).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    passage_editor_extension(), *articles_conf.PROSE_EDITOR_EXTENSIONS,
]  # fmt: skip
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files in production; plain ones in development so
        # that no collectstatic is needed to run the site or the tests.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
# Uploads and their renditions: on this machine's disk (MEDIA_ROOT, served by the front
# server), or in an S3-compatible bucket that every machine shares (django-storages).
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            # Empty: Amazon S3 itself; any other S3-compatible service by its URL.
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            # Empty: boto3 finds credentials itself (instance role, ~/.aws).
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            # A CDN or a public host name in front of the bucket.
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            # Plain URLs: cached pages must not carry signatures that expire. The
            # bucket (or the CDN) lets anyone read; only the site writes.
            "querystring_auth": False,
            # A second upload of the same name gets a name of its own, as on disk, so a
            # stored name always means the same bytes and may be cached for a year.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be local or s3.")


def _media_origins() -> list[str]:
    """Where images are loaded from besides the site itself, for the CSP's img-src."""
    if MEDIA_STORAGE != "s3":
        return []
    options = STORAGES["default"]["OPTIONS"]
    if options["custom_domain"]:
        return [f"https://{options['custom_domain']}"]
    if options["endpoint_url"]:
        return [options["endpoint_url"].rstrip("/")]
    # Amazon's own host names for the bucket, with and without the region.
    host = f"{options['bucket_name']}.s3"
    regional = [f"https://{host}.{options['region_name']}.amazonaws.com"]
    return [f"https://{host}.amazonaws.com", *(regional if options["region_name"] else [])]


# Request size limits. A request body above REQUEST_MAX_BYTES (STAFF_REQUEST_MAX_BYTES
# for a logged-in staff member, whose article form carries image uploads) is refused
# with a 413 before anything reads it (core/middleware.py); the front server's
# client_max_body_size (deploy/nginx.conf) is the outer bound. Below that, Django
# keeps form fields up to DATA_UPLOAD_MAX_MEMORY_SIZE in memory (more is a 400) and
# spools a file above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file.
# https://docs.djangoproject.com/en/5.2/ref/settings/#data-upload-max-memory-size
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=1024 * 1024)
STAFF_REQUEST_MAX_BYTES = env.int("STAFF_REQUEST_MAX_BYTES", default=50 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# ------------------------------------------------------------------------------
# The reader's address (core/addresses.py): the number of reverse proxies in front of
# the site that append to X-Forwarded-For; 0 means REMOTE_ADDR is the reader's.
# ------------------------------------------------------------------------------
CLIENT_IP_PROXY_COUNT = env.int("CLIENT_IP_PROXY_COUNT", default=0)

# ------------------------------------------------------------------------------
# Security (Django's defaults stay on; these harden production)
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
# ------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No page of ours is ever shown in a frame, the admin's included (its pop-ups are windows).
X_FRAME_OPTIONS = "DENY"
# Browser features no page uses, turned off for them and for anything they embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# The public site runs no script at all and the admin only files of ours and of its
# packages, so no inline script may run (JSON-LD is data: browsers do not run it, and
# script-src does not apply to it). The admin's pages get a few allowances of their
# own (articles/admin_csp.py).
# https://django-csp.readthedocs.io/en/latest/configuration.html
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *_media_origins()],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
if not DEBUG:
    _HTTPS = SITE_URL.startswith("https://")
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=_HTTPS)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # Behind a front server that terminates TLS this needs CLIENT_IP_PROXY_COUNT, or every
    # request looks like plain http and is redirected to itself.
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_HTTPS)
    # Load balancers probe over plain http inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    if CLIENT_IP_PROXY_COUNT:
        # Only a proxy of ours may say the request came over https; without one the
        # header would be the client's to write.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # A year of HTTPS-only once a browser has seen the site over https; the preload
    # directive alone enrols nothing (see README, "Deploy").
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if _HTTPS else 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_HTTPS)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_HTTPS)

# ------------------------------------------------------------------------------
# Logging
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# ------------------------------------------------------------------------------
# Third-party apps
# ------------------------------------------------------------------------------
TAGGIT_CASE_INSENSITIVE = True
# Renditions are made on first request, and that their file exists is remembered in a
# cache of each process's own: it only spares a storage lookup, so it need not be shared
# (a process that has not seen a rendition asks storage once; a replaced image's
# renditions get new names), and in the shared cache it would cost a query, or a Redis
# round trip, per rendition on every page (README, "Running several processes").
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.JustInTime"
IMAGEKIT_CACHEFILE_DIR = "renditions"
IMAGEKIT_CACHE_BACKEND = "renditions"
# How long a process trusts that a rendition's file exists: one storage lookup per
# rendition and process every ten minutes, so that a rendition removed from the storage
# (a cleanup, a restore without the renditions folder) is made again within that time
# instead of being a broken image until the process restarts.
IMAGEKIT_CACHE_TIMEOUT = 600
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 50_000},
}

# ------------------------------------------------------------------------------
# Newsroom apps: each app's settings carry its prefix and are declared, with their
# defaults, in its conf.py; any of them can be set by an environment variable of
# the same name (core/conf.py).
# ------------------------------------------------------------------------------
_apps = {}
for _conf in (articles_conf, reader_conf, comments_conf, accounts_conf, newsletter_conf,
              wordpress_conf):  # fmt: skip
    _apps.update(from_environment(env, _conf.DEFAULTS))
globals().update(_apps)
if _apps["COMMENTS_GUESTS"] not in {"confirm", "moderate", "publish", "off"}:
    raise ImproperlyConfigured("COMMENTS_GUESTS must be confirm, moderate, publish or off.")
for _name, _value in _apps.items():
    # A limit that cannot be read would fail every request it guards: fail at start.
    if _name.endswith("_RATE"):
        try:
            Rate.parse(_value)
        except ValueError as error:
            raise ImproperlyConfigured(f"{_name}: {error}") from None

# ------------------------------------------------------------------------------
# Editorial workflow (roles, review, previews, revision history)
# ------------------------------------------------------------------------------
# django-reversion keeps every admin save of an article, with its sources and images.
INSTALLED_APPS += ["reversion"]

# ------------------------------------------------------------------------------
# Newsletter: subscriptions, digests and the mail queue (django-post-office)
# https://github.com/ui/django-post_office#settings
# ------------------------------------------------------------------------------
INSTALLED_APPS += ["post_office"]
POST_OFFICE = {
    "BATCH_SIZE": _apps["NEWSLETTER_BATCH_SIZE"],
    # One sending thread, so one SMTP connection per batch.
    "THREADS_PER_PROCESS": 1,
    "MAX_RETRIES": _apps["NEWSLETTER_MAIL_MAX_RETRIES"],
    "RETRY_INTERVAL": timedelta(minutes=_apps["NEWSLETTER_MAIL_RETRY_MINUTES"]),
    # Failures only: a log row for every sent mail would double the writes of a digest.
    "LOG_LEVEL": 1,
    "MESSAGE_ID_ENABLED": True,
}
# All mail (comment notices, password resets, confirmations) goes through the queue when
# EMAIL_QUEUE is on, by default whenever DEBUG is off: a request only writes a row, and
# `send_queued_mail` (cron, every minute) delivers it with EMAIL_URL's backend. In
# development mail goes straight to EMAIL_URL's backend, the console.
EMAIL_QUEUE = env.bool("EMAIL_QUEUE", default=not DEBUG)
if EMAIL_QUEUE:
    POST_OFFICE["BACKENDS"] = {"default": EMAIL_BACKEND}
    EMAIL_BACKEND = "post_office.EmailBackend"
# The queue logs every batch at INFO; our commands print their own summary.
LOGGING["loggers"] = {
    **LOGGING.get("loggers", {}),
    "post_office": {"handlers": ["console"], "level": "WARNING", "propagate": False},
}

# ------------------------------------------------------------------------------
# Comments: django-comments-xtd with our `comments` app on top
# https://django-comments-xtd.readthedocs.io/en/latest/configuration.html
# ------------------------------------------------------------------------------
COMMENT_MAX_LENGTH = 3000  # read by django-contrib-comments' form

COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.Comment"
COMMENTS_XTD_FORM_CLASS = "comments.forms.CommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = _apps["COMMENTS_MAX_DEPTH"]
# Guests confirm by our own short link (comments.models.PendingComment), before xtd
# sees the comment; xtd stores whatever reaches it.
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_SALT = b"newsroom-comments"
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_SEND_HTML_EMAIL = False
# Mail goes through Django's mail API in the calling thread, never xtd's ad-hoc
# threads: point EMAIL_URL / EMAIL_BACKEND at a queue to take it off requests.
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "articles.article": {
        "who_can_post": "users" if _apps["COMMENTS_GUESTS"] == "off" else "all",
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
    }
}
