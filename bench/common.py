"""What every benchmark shares: a free loopback port, the throwaway database, the results."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
# The fresh database made (and dropped) on the server BENCH_DATABASE_URL names.
POSTGRES_TEST_NAME = "newsroom_bench"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(sqlite_file: Path, *, variable: str = "BENCH_DATABASE_URL") -> str:
    """The PostgreSQL server `variable` names, or a temporary SQLite file."""
    return os.environ.get(variable) or f"sqlite:///{sqlite_file}"


def vendor(*, variable: str = "BENCH_DATABASE_URL") -> str:
    url = os.environ.get(variable, "")
    return "postgresql" if url.startswith("postgres") else "sqlite"


def setup_django(
    *, url: str, sqlite_file: Path, postgres_name: str = POSTGRES_TEST_NAME
) -> str:
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
