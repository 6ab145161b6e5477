"""App settings: declared with their defaults in each app's conf.py, read from the
environment only by newsroom/settings.py."""

import re
from pathlib import Path

import environ
from django.conf import settings

from accounts import conf as accounts_conf
from articles import conf as articles_conf
from comments import conf as comments_conf
from core.conf import from_environment
from newsletter import conf as newsletter_conf
from reader import conf as reader_conf
from wordpress import conf as wordpress_conf

ROOT = Path(__file__).resolve().parents[2]
APPS = {
    "ARTICLES_": articles_conf,
    "READER_": reader_conf,
    "COMMENTS_": comments_conf,
    "ACCOUNTS_": accounts_conf,
    "NEWSLETTER_": newsletter_conf,
    "WORDPRESS_": wordpress_conf,
}
# Settings of third-party apps that share a prefix with ours.
THIRD_PARTY = re.compile(r"^COMMENTS_(XTD_|APP$)")


def test_every_app_setting_is_declared_in_its_apps_conf():
    undeclared = [
        name
        for name in dir(settings)
        for prefix, conf in APPS.items()
        if name.startswith(prefix) and not THIRD_PARTY.match(name) and name not in conf.DEFAULTS
    ]
    assert undeclared == []


def test_every_declared_setting_carries_its_apps_prefix():
    misnamed = [
        name
        for prefix, conf in APPS.items()
        for name in conf.DEFAULTS
        if not name.startswith(prefix)
    ]
    assert misnamed == []


def test_an_app_setting_comes_from_the_environment_typed_like_its_default(monkeypatch):
    monkeypatch.setenv("COMMENTS_MAX_DEPTH", "5")
    monkeypatch.setenv("COMMENTS_GUEST_VOTING", "yes")
    monkeypatch.setenv("COMMENTS_HOLD_WORDS", "casino,crypto")
    values = from_environment(environ.Env(), comments_conf.DEFAULTS)
    assert values["COMMENTS_MAX_DEPTH"] == 5
    assert values["COMMENTS_GUEST_VOTING"] is True
    assert values["COMMENTS_HOLD_WORDS"] == ["casino", "crypto"]
    assert values["COMMENTS_POST_RATE"] == comments_conf.DEFAULTS["COMMENTS_POST_RATE"]


def test_no_module_but_the_settings_reads_the_environment():
    readers = re.compile(r"os\.environ|os\.getenv|environ\.Env\(|\benv\.(str|int|bool|list)\(")
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("core", "articles", "reader", "comments", "accounts", "newsletter", "demo",
                        "newsroom")
        for path in (ROOT / package).rglob("*.py")
        if path.name != "settings.py"
        # wsgi.py and asgi.py name the settings module, as every Django project does.
        and readers.search(path.read_text().replace('os.environ.setdefault("DJANGO_SETTINGS', ""))
    ]  # fmt: skip
    assert offenders == []
