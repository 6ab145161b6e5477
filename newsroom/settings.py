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

# ------------------------------------------------------------------------------
# Applications
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
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
    "mptt",
    "taggit",
    "imagekit",
    "django_prose_editor",
    "articles",
    # xtd before django_comments: its templates and admin take precedence.
    "django_comments_xtd",
    "django_comments",
    "comments",
    "newsletter",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Anonymous readers' cached pages, served before URL resolution (articles/cache.py).
    "articles.cache.ReaderPageCacheMiddleware",
    # Forms in another charset than UTF-8: a 400 page before anything reads the body.
    "newsroom.middleware.FormCharsetMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
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
                "newsroom.context_processors.site",
            ],
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
# Cache: CACHE_URL, local memory by default, redis://… for Redis
# ------------------------------------------------------------------------------
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://newsroom")}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Django's own Redis backend; django-redis is not needed.
    CACHES["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"
    CACHES["default"].pop("OPTIONS", None)
CACHES["default"].setdefault("KEY_PREFIX", env.str("CACHE_KEY_PREFIX", default="newsroom"))

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
AUTHENTICATION_BACKENDS = ["articles.dev_admin.DevelopmentLoginGuardBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# ------------------------------------------------------------------------------
# Internationalisation: one language per site, picked by LANGUAGE_CODE
# ------------------------------------------------------------------------------
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", _("English")), ("de", _("German"))]
# One catalogue per area of the site, so that each area's translations can be
# kept (and merged) on their own; Django merges them at run time.
LOCALE_PATHS = [
    BASE_DIR / "locale" / area for area in ("core", "reader", "comments", "newsletter", "workflow")
]
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# ------------------------------------------------------------------------------
# Static files and uploads
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
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
# Uploads above this are refused by the image validator with a form error.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# ------------------------------------------------------------------------------
# Security (Django's defaults stay on; these harden production)
# https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
# ------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # the prose editor's admin previews need same-origin frames
if not DEBUG:
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=SITE_URL.startswith("https"))
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)

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
# Renditions are made on first request and remembered in the cache, so pages
# never ask the database about thumbnails.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.JustInTime"
IMAGEKIT_CACHEFILE_DIR = "renditions"

# ------------------------------------------------------------------------------
# Newsroom apps (prefix per app; defaults documented in the README)
# ------------------------------------------------------------------------------
# Largest accepted image: pixels (width × height, summed over an animation's frames),
# frames and bytes. Together they bound the decoding and re-encoding an upload costs
# inside its request.
ARTICLES_IMAGE_MAX_PIXELS = env.int("ARTICLES_IMAGE_MAX_PIXELS", default=40_000_000)
ARTICLES_IMAGE_MAX_FRAMES = env.int("ARTICLES_IMAGE_MAX_FRAMES", default=1000)
ARTICLES_IMAGE_MAX_BYTES = env.int("ARTICLES_IMAGE_MAX_BYTES", default=15 * 1024 * 1024)

# ------------------------------------------------------------------------------
# Editorial workflow (roles, review, previews, revision history)
# ------------------------------------------------------------------------------
# django-reversion keeps every admin save of an article, with its sources and images.
INSTALLED_APPS += ["reversion"]
# How long a signed preview link works, in seconds (7 days): long enough to send a
# draft to someone for a fact check, short enough that a leaked link dies.
ARTICLES_PREVIEW_LINK_MAX_AGE = env.int("ARTICLES_PREVIEW_LINK_MAX_AGE", default=7 * 24 * 3600)

# ------------------------------------------------------------------------------
# Newsletter: subscriptions, digests and the mail queue (django-post-office)
# https://github.com/ui/django-post_office#settings
# ------------------------------------------------------------------------------
INSTALLED_APPS += ["post_office"]
# How long a confirmation link stays valid, and when unconfirmed sign-ups are purged.
NEWSLETTER_CONFIRM_MAX_AGE_DAYS = env.int("NEWSLETTER_CONFIRM_MAX_AGE_DAYS", default=3)
NEWSLETTER_PURGE_PENDING_AFTER_DAYS = env.int("NEWSLETTER_PURGE_PENDING_AFTER_DAYS", default=7)
# The same request for the same address sends one mail per cool-down, and an address
# gets only so many mails a day, so the form cannot be used to flood someone's inbox.
NEWSLETTER_RESEND_COOLDOWN_MINUTES = env.int("NEWSLETTER_RESEND_COOLDOWN_MINUTES", default=10)
NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY = env.int("NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY", default=5)
# Subscribe-form posts allowed per client IP address in a window of seconds.
NEWSLETTER_RATE_LIMIT = env.int("NEWSLETTER_RATE_LIMIT", default=10)
NEWSLETTER_RATE_LIMIT_WINDOW = env.int("NEWSLETTER_RATE_LIMIT_WINDOW", default=3600)
# Behind a reverse proxy every request comes from the proxy: name the header it sets
# with the client's address (e.g. HTTP_X_REAL_IP), or the limit is shared by everyone.
NEWSLETTER_CLIENT_IP_HEADER = env.str("NEWSLETTER_CLIENT_IP_HEADER", default="")
# The first digest looks back this many days; later ones start at the previous cut-off.
NEWSLETTER_FIRST_DIGEST_DAYS = env.int("NEWSLETTER_FIRST_DIGEST_DAYS", default=7)
# Send confirmation mails from the request instead of the queue: for development,
# where no `send_queued_mail` runs (`make run` turns it on).
NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE = env.bool(
    "NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE", default=False
)
# Subscribers per transaction when a digest is queued, and mails per SMTP connection.
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=500)
POST_OFFICE = {
    "BATCH_SIZE": NEWSLETTER_BATCH_SIZE,
    # One sending thread, so one SMTP connection per batch.
    "THREADS_PER_PROCESS": 1,
    # A failed mail is tried again every RETRY_INTERVAL, up to MAX_RETRIES times
    # (12 hours by default), so an SMTP outage delays mail instead of losing it.
    "MAX_RETRIES": env.int("NEWSLETTER_MAIL_MAX_RETRIES", default=48),
    "RETRY_INTERVAL": timedelta(minutes=env.int("NEWSLETTER_MAIL_RETRY_MINUTES", default=15)),
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
# Who may post without an account: "confirm" (by a mail link, xtd's flow),
# "moderate" (held for review), "publish" (at once) or "off" (members only).
COMMENTS_GUESTS = env.str("COMMENTS_GUESTS", default="confirm")
if COMMENTS_GUESTS not in {"confirm", "moderate", "publish", "off"}:
    raise ImproperlyConfigured("COMMENTS_GUESTS must be confirm, moderate, publish or off.")
# Whether readers without an account may vote (one vote per browser, limited per IP).
COMMENTS_GUEST_VOTING = env.bool("COMMENTS_GUEST_VOTING", default=False)
# Replies nest this many levels under a top-level comment; deeper replies join the last level.
COMMENTS_MAX_DEPTH = env.int("COMMENTS_MAX_DEPTH", default=3)
# New comments are refused this many days after publication (0: never close).
COMMENTS_CLOSE_AFTER_DAYS = env.int("COMMENTS_CLOSE_AFTER_DAYS", default=0)
COMMENTS_EDIT_MINUTES = 15  # authors may edit their comment for this long
COMMENTS_THREADS_SHOWN = 10  # threads on the article page before "View all comments"
COMMENTS_DEFAULT_SORT = "newest"  # newest, oldest or votes
COMMENTS_REPORTS_TO_HIDE = env.int("COMMENTS_REPORTS_TO_HIDE", default=3)
# Comments with more links than this, or with a listed word, wait for review.
COMMENTS_HOLD_LINKS = 2
COMMENTS_HOLD_WORDS = env.list("COMMENTS_HOLD_WORDS", default=[])
# Per-IP limits: (count, seconds). Behind a reverse proxy, the header with the client's
# address (e.g. HTTP_X_REAL_IP); by default the one the newsletter is told about.
COMMENTS_CLIENT_IP_HEADER = env.str(
    "COMMENTS_CLIENT_IP_HEADER", default=NEWSLETTER_CLIENT_IP_HEADER
)
COMMENTS_POST_RATE = (5, 10 * 60)
COMMENTS_VOTE_RATE = (60, 10 * 60)
# A guest's confirmation link stops working after this many days.
COMMENTS_CONFIRM_DAYS = 7
# Article authors get a mail about each new comment on their articles.
COMMENTS_NOTIFY_AUTHORS = env.bool("COMMENTS_NOTIFY_AUTHORS", default=True)
COMMENT_MAX_LENGTH = 3000  # read by django-contrib-comments' form

COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "comments.models.Comment"
COMMENTS_XTD_FORM_CLASS = "comments.forms.CommentForm"
COMMENTS_XTD_MAX_THREAD_LEVEL = COMMENTS_MAX_DEPTH
COMMENTS_XTD_CONFIRM_EMAIL = COMMENTS_GUESTS == "confirm"
COMMENTS_XTD_SALT = b"newsroom-comments"
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_SEND_HTML_EMAIL = False
# Mail goes through Django's mail API in the calling thread, never xtd's ad-hoc
# threads: point EMAIL_URL / EMAIL_BACKEND at a queue to take it off requests.
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "articles.article": {
        "who_can_post": "users" if COMMENTS_GUESTS == "off" else "all",
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
    }
}

# ------------------------------------------------------------------------------
# Reader site (articles app): page cache, "Popular now"
# ------------------------------------------------------------------------------
# Seconds an anonymous reader's page is served from the cache; 0 turns the page cache
# off. Saving an article, a category or a comment purges the affected pages at once.
ARTICLES_PAGE_CACHE_SECONDS = env.int("ARTICLES_PAGE_CACHE_SECONDS", default=60)
# "Popular now" ranks the reads of this many days (today included).
ARTICLES_POPULAR_DAYS = env.int("ARTICLES_POPULAR_DAYS", default=7)
# Reads are buffered in the cache and written to the database at most this often.
ARTICLES_POPULAR_FLUSH_SECONDS = env.int("ARTICLES_POPULAR_FLUSH_SECONDS", default=60)
# Behind a reverse proxy, the request header that carries the reader's address (e.g.
# HTTP_X_REAL_IP), for telling readers apart; by default the one the newsletter is told about.
ARTICLES_CLIENT_IP_HEADER = env.str(
    "ARTICLES_CLIENT_IP_HEADER", default=NEWSLETTER_CLIENT_IP_HEADER
)
