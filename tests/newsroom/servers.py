"""The site as production runs it: separate server processes on one database and one cache.

Each `Server` is a gunicorn of its own (one worker, DEBUG off) on a free loopback port,
so that two of them share nothing but what two machines would share: the database
named by DATABASE_URL and the cache named by CACHE_URL. `SiteDatabase` makes that
database for the tests (a SQLite file, or a fresh PostgreSQL database on the server of
the suite's DATABASE_URL), migrated, and drops it afterwards. `Browser` is a small HTTP
client with cookies, for forms with CSRF tokens.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.newsroom.served import end

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REDIS = ("127.0.0.1", 6379)
# Our own Redis database number; each run's keys carry a prefix of their own on top.
REDIS_DB = 13
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(address: tuple[str, int]) -> bool:
    try:
        socket.create_connection(address, 1).close()
    except OSError:
        return False
    return True


def require_redis() -> None:
    """Skip without a Redis on 127.0.0.1:6379; on CI, fail."""
    if answers(REDIS):
        return
    if os.environ.get("CI"):
        pytest.fail("CI needs Redis on 127.0.0.1:6379")
    pytest.skip("no Redis answers on 127.0.0.1:6379")


def suite_database_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def on_postgresql() -> bool:
    return suite_database_url().startswith("postgres")


def _base_environment() -> dict[str, str]:
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV"}
    return {name: value for name, value in os.environ.items() if name in keep}


class SiteDatabase:
    """A database of its own for server processes, migrated, dropped by `drop()`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        if on_postgresql():
            base = suite_database_url()
            server, _, name = base.rpartition("/")
            self.pg_server = server
            self.pg_name = f"{name.split('?')[0]}_mp_{secrets.token_hex(4)}"
            self.url = f"{server}/{self.pg_name}"
            self._postgres(f'CREATE DATABASE "{self.pg_name}"')
        else:
            self.pg_name = None
            self.url = f"sqlite:///{folder / 'site.sqlite3'}"
        self.static_root = folder / "static"
        self.secret_key = secrets.token_urlsafe(50)
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")

    def _postgres(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.pg_server}/postgres", autocommit=True) as connection:
            connection.execute(statement)

    def environment(self, **extra: str) -> dict[str, str]:
        return {
            **_base_environment(),
            "DJANGO_SETTINGS_MODULE": "tests.newsroom.server_settings",
            "SERVER_STATIC_ROOT": str(self.static_root),
            "DEBUG": "false",
            "SECRET_KEY": self.secret_key,
            "DATABASE_URL": self.url,
            "MEDIA_ROOT": str(self.folder / "media"),
            "LOG_LEVEL": "WARNING",
            **extra,
        }

    def manage(self, *args: str, **extra: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT, env=self.environment(**extra), capture_output=True, text=True,
            timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    def run_python(self, code: str, **extra: str):
        """Run `code` in a Django shell on this database; returns what it prints as JSON."""
        return json.loads(self.manage("shell", "-c", code, **extra).strip().splitlines()[-1])

    def drop(self) -> None:
        if self.pg_name:
            self._postgres(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


class Server:
    """One gunicorn, one worker, on a free loopback port; stop() ends it."""

    def __init__(self, database: SiteDatabase, *, name: str, **env: str) -> None:
        self.name = name
        self.port = free_port()
        self.log = database.folder / f"{name}.log"
        self.environment = database.environment(SITE_URL=f"http://127.0.0.1:{self.port}", **env)
        self._process = None

    def start(self) -> Server:
        self._log_file = self.log.open("ab")
        self._process = subprocess.Popen(
            [GUNICORN, "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
             "--timeout", "60", "--chdir", str(ROOT), "newsroom.wsgi:application"],
            cwd=ROOT, env=self.environment, stdout=self._log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise AssertionError(f"{self.name} did not start:\n{self.log_text()}")
            try:
                # Up once it answers; 503 is a server whose cache is down on purpose.
                if Browser(self).get("/healthz/").status in (200, 503):
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.name} did not answer in {START_SECONDS} s")

    def stop(self) -> None:
        if self._process is not None:
            end(self._process, timeout=20)
            self._process = None
            self._log_file.close()

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: str) -> None:
        self.status = status
        self.headers = headers
        self.text = body


class _FormInputs(HTMLParser):
    """The named inputs and textareas of the first form that posts to `action`."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.done = False
        self.inside = False
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("action") == self.action and not self.done:
            self.inside = True
        elif (
            self.inside
            and tag in ("input", "textarea")
            and attrs.get("name")
            and attrs.get("type") not in ("checkbox", "radio", "submit")
        ):
            self.values[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True


class Browser:
    """A reader's browser against one or more servers: keeps cookies, follows nothing."""

    def __init__(self, server: Server | None = None, *, user_agent: str = "") -> None:
        self.server = server
        self.cookies: dict[str, str] = {}
        self.user_agent = user_agent or f"Mozilla/5.0 (X11; Linux) Reader/{secrets.token_hex(4)}"

    def request(self, method: str, path: str, *, server: Server | None = None,
                data: dict | None = None) -> Response:  # fmt: skip
        server = server or self.server
        connection = HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = {"User-Agent": self.user_agent, "Host": f"127.0.0.1:{server.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{server.port}{path}"
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", errors="replace")
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    cookie, _, _ = value.partition(";")
                    key, _, cookie_value = cookie.partition("=")
                    if cookie_value.strip() in ("", '""'):  # deleted
                        self.cookies.pop(key.strip(), None)
                    else:
                        self.cookies[key.strip()] = cookie_value.strip()
            return Response(raw.status, dict(raw.getheaders()), text)
        finally:
            connection.close()

    def get(self, path: str, *, server: Server | None = None) -> Response:
        return self.request("GET", path, server=server)

    def post(self, path: str, data: dict, *, server: Server | None = None) -> Response:
        return self.request("POST", path, server=server, data=data)

    def form(self, path: str, action: str, *, server: Server | None = None) -> dict[str, str]:
        """The fields of the form on the page at `path` that posts to `action`, as the
        page fills them in, with the CSRF token fetched as static/js/form-token.js does
        when the page left it out (a page any reader may get from a cache)."""
        page = self.get(path, server=server)
        assert page.status == 200, (path, page.status)
        parser = _FormInputs(action)
        parser.feed(page.text)
        assert parser.values, f"no form posting to {action} on {path}"
        if parser.values.get("csrfmiddlewaretoken") == "":
            answer = self.get("/form-token/", server=server)
            assert answer.status == 200, answer.text[:300]
            parser.values["csrfmiddlewaretoken"] = json.loads(answer.text)["token"]
        return parser.values


# ------------------------------------------------------------------------------
# The content the tests read: one section, a few stories, an editor
# ------------------------------------------------------------------------------
PASSWORD = "correct horse battery staple"
_SEED = """
import json
from tests.articles.factories import ArticleFactory, CategoryFactory, UserFactory
section = CategoryFactory(name="News", slug="news")
stories = {
    role: ArticleFactory(category=section, slug=f"{role}-story", title=f"The {role} story")
    for role in ("unpublished", "commented", "read", "first-read")
}
UserFactory(username="editor", is_staff=True, is_superuser=True)
print(json.dumps({role: [a.pk, a.get_absolute_url()] for role, a in stories.items()}))
"""


def seed(database: SiteDatabase) -> dict[str, tuple[int, str]]:
    """The stories, by role: (id, path)."""
    return {role: tuple(story) for role, story in database.run_python(_SEED).items()}


def log_in(browser: Browser, server: Server) -> None:
    fields = browser.form("/admin/login/", "/admin/login/", server=server)
    fields.update(username="editor", password=PASSWORD, next="/admin/")
    response = browser.post("/admin/login/", fields, server=server)
    assert response.status == 302, response.text[:500]


def unpublish(editor: Browser, article_id: int) -> None:
    """The admin list's "unpublish" action, by a logged-in editor."""
    response = editor.post(
        "/admin/articles/article/",
        {"action": "unpublish", "_selected_action": str(article_id), "index": "0",
         "csrfmiddlewaretoken": editor.cookies["csrftoken"]},
    )  # fmt: skip
    assert response.status == 302, response.text[:500]
