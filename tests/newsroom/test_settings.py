"""The settings module reads the environment; each case runs in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "db = s.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), "
    "'options': db.get('OPTIONS', {}), 'cache': s.CACHES['default']['BACKEND'], "
    "'email': s.EMAIL_BACKEND, 'queue': s.POST_OFFICE.get('BACKENDS', {}), "
    "'debug': s.DEBUG, 'site_url': s.SITE_URL, "
    "'language': s.LANGUAGE_CODE, 'media': str(s.MEDIA_ROOT), 'hosts': s.ALLOWED_HOSTS}))"
)


def run_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {
        "DATABASE_URL", "CACHE_URL", "CACHE_KEY_PREFIX", "EMAIL_URL", "DEBUG", "SECRET_KEY",
        "SITE_URL", "LANGUAGE_CODE", "MEDIA_ROOT", "ALLOWED_HOSTS", "EMAIL_QUEUE"}}  # fmt: skip
    clean.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def settings_with(**env) -> dict:
    result = run_settings(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_development_defaults_use_sqlite_with_wal_and_immediate_transactions():
    values = settings_with()
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db.sqlite3")
    assert values["options"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in values["options"]["init_command"]
    assert "busy_timeout" in values["options"]["init_command"]
    # One cache for every process, with no server to run: a table in the database.
    assert values["cache"] == "core.cache.DatabaseCache"
    assert values["email"].endswith("console.EmailBackend")


def test_urls_in_the_environment_select_postgresql_redis_and_smtp():
    values = settings_with(
        DATABASE_URL="postgres://newsroom:pw@db.internal:5432/news",
        CACHE_URL="redis://127.0.0.1:6379/2",
        EMAIL_URL="smtp://mailer:secret@smtp.internal:587",
        SITE_URL="https://news.example/",
        LANGUAGE_CODE="de",
        MEDIA_ROOT="/srv/media",
        ALLOWED_HOSTS="news.example,www.news.example",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "news"
    # Django's Redis backend, made to survive Redis being down (core/cache.py).
    assert values["cache"] == "core.cache.RedisCache"
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["site_url"] == "https://news.example"
    assert values["language"] == "de"
    assert values["media"] == "/srv/media"
    assert values["hosts"] == ["news.example", "www.news.example"]


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = run_settings(DEBUG="0", SECRET_KEY="short")
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_production_starts_with_a_real_secret_key():
    values = settings_with(DEBUG="0", SECRET_KEY="x" * 50)
    assert values["debug"] is False


def test_production_sends_mail_through_the_queue_with_the_configured_backend():
    values = settings_with(DEBUG="0", SECRET_KEY="x" * 50, EMAIL_URL="smtp://mx.internal:25")
    assert values["email"] == "post_office.EmailBackend"
    assert values["queue"] == {"default": "django.core.mail.backends.smtp.EmailBackend"}
    # Development: straight to the console, nothing to run besides the server.
    assert settings_with()["email"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    ("cache_url", "reason"),
    [
        ("locmemcache://", "keeps its entries in each process"),
        ("dummycache://", "keeps nothing"),
        ("filecache:///tmp/newsroom-cache", "parallel processes lose counts"),
    ],
)
def test_production_refuses_a_cache_its_processes_cannot_share(cache_url, reason):
    result = run_settings(DEBUG="0", SECRET_KEY="x" * 50, CACHE_URL=cache_url)
    assert result.returncode != 0
    assert reason in result.stderr
    assert "must share one cache" in result.stderr


def test_production_starts_on_the_database_cache_or_redis():
    assert settings_with(DEBUG="0", SECRET_KEY="x" * 50)["cache"] == "core.cache.DatabaseCache"
    redis = settings_with(DEBUG="0", SECRET_KEY="x" * 50, CACHE_URL="redis://127.0.0.1:6379/3")
    assert redis["cache"] == "core.cache.RedisCache"


def test_check_deploy_reports_a_per_process_cache(tmp_path):
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "CACHE_URL", "SECRET_KEY"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
        CACHE_URL="locmemcache://",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT, env=environment, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0
    assert "core.E001" in result.stderr
    assert "keeps its entries in each process" in result.stderr
