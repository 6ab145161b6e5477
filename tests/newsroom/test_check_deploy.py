"""Production with the documented variables passes Django's deployment checklist, and an
https SITE_URL turns on what the checklist asks for. Each case runs in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SITE_URL": "https://news.example.org",
    "SECRET_KEY": "a-real-secret-of-fifty-or-more-random-looking-characters-9f3k2",
    "ALLOWED_HOSTS": "news.example.org",
}
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({name: getattr(s, name, None) for name in ("
    "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', "
    "'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SECURE_PROXY_SSL_HEADER')}))"
)


def run(args, tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {
        "DATABASE_URL", "CACHE_URL", "DEBUG", "SECRET_KEY", "SITE_URL", "ALLOWED_HOSTS",
        "CLIENT_IP_PROXY_COUNT", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
        "MEDIA_STORAGE"}}  # fmt: skip
    clean.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    clean.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_no_issue_with_the_documented_variables(tmp_path):
    migrate = run(["manage.py", "migrate", "--noinput", "-v", "0"], tmp_path, **PRODUCTION)
    assert migrate.returncode == 0, migrate.stderr
    result = run(["manage.py", "check", "--deploy"], tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout, result.stderr


def test_an_https_site_url_turns_on_hsts_secure_cookies_and_the_redirect(tmp_path):
    result = run(["-c", PROBE], tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        # Believed only from a proxy of ours.
        "SECURE_PROXY_SSL_HEADER": None,
    }


def test_behind_a_proxy_its_https_header_is_believed(tmp_path):
    result = run(["-c", PROBE], tmp_path, **PRODUCTION, CLIENT_IP_PROXY_COUNT="1")
    header = json.loads(result.stdout)["SECURE_PROXY_SSL_HEADER"]
    assert header == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_an_http_site_url_sends_no_hsts_and_no_redirect(tmp_path):
    result = run(["-c", PROBE], tmp_path, **PRODUCTION | {"SITE_URL": "http://intranet.local"})
    values = json.loads(result.stdout)
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is False
