"""What every benchmark shares: a free loopback port, the throwaway database, the results."""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
# The fresh database made (and dropped) on the server BENCH_DATABASE_URL names.
POSTGRES_TEST_NAME = "newsroom_bench"


def port_answers(port: int) -> bool:
    """Whether a server (PostgreSQL, Redis) listens on this loopback port."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(sqlite_file: Path, *, variable: str = "BENCH_DATABASE_URL") -> str:
    """The PostgreSQL server `variable` names, or a temporary SQLite file."""
    return os.environ.get(variable) or f"sqlite:///{sqlite_file}"


def site_settings(*, folder: Path, url: str) -> dict[str, str]:
    """The environment of the site a benchmark serves: production settings (DEBUG off,
    a fresh secret) on the database at `url`, with its files under `folder`."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(folder / "media"),
        "BENCH_STATIC_ROOT": str(folder / "static"),
        "LOG_LEVEL": "WARNING",
    }


def vendor(*, variable: str = "BENCH_DATABASE_URL") -> str:
    url = os.environ.get(variable, "")
    return "postgresql" if url.startswith("postgres") else "sqlite"


def setup_django(*, url: str, sqlite_file: Path, postgres_name: str = POSTGRES_TEST_NAME) -> str:
    """django.setup() on `url`, with the test database the benchmark will create there.

    Returns that database's name (the SQLite file itself, or `postgres_name`).
    """
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(PROJECT_DIR))
    import django
    from django.conf import settings

    test_name = str(sqlite_file) if url.startswith("sqlite") else postgres_name
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = test_name
    django.setup()
    return test_name


def database_version(connection) -> str:
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version
    return f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"


def write_result(name: str, text: str, *, database: str | None = None) -> None:
    """Print the figures and keep them in bench/results/<name>-<database>.txt."""
    print(text, end="")
    RESULTS_DIR.mkdir(exist_ok=True)
    result_file = RESULTS_DIR / f"{name}-{database or vendor()}.txt"
    result_file.write_text(text)
    print(f"written to {result_file.relative_to(PROJECT_DIR)}")


class Gunicorn:
    """The site under gunicorn on a loopback port, as a benchmark runs it."""

    def __init__(
        self,
        *,
        env: dict[str, str],
        log: Path,
        workers: int,
        port: int | None = None,
        timeout: int | None = None,
    ):
        self.port = port or free_port()
        self.log = log
        command = [
            sys.executable, "-m", "gunicorn", "newsroom.wsgi:application",
            "--chdir", str(PROJECT_DIR), "--pythonpath", str(PROJECT_DIR),
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
            "--worker-class", "sync", "--error-logfile", str(log),
        ]  # fmt: skip
        if timeout is not None:
            command += ["--timeout", str(timeout)]
        self.process = subprocess.Popen(  # noqa: S603
            command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def wait_ready(
        self, path: str = "/healthz/", *, headers: dict[str, str] | None = None, timeout: float = 60
    ) -> None:
        """Until `path` answers 200; fails with gunicorn's log when it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ended: see {self.log}\n{self.log.read_text()}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                connection.request("GET", path, headers=headers or {})
                status = connection.getresponse().status
                connection.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer in {timeout} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
