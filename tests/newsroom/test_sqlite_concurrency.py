"""Concurrent writers on the embedded database: none may fail with "database is locked".

The test opens its own SQLite file through Django's backend with the project's
options (not the suite's in-memory database), so it runs in the SQLite and the
PostgreSQL run alike.
"""

import threading

import pytest
from django.conf import settings
from django.db import connections, transaction

from newsroom.settings import SQLITE_OPTIONS

WRITERS = 16
WRITES_EACH = 15


@pytest.fixture
def sqlite_aliases(tmp_path, django_db_blocker):
    """WRITERS + 1 connection aliases to one SQLite file, configured as the project does.

    The file is not the test database, so pytest-django's guard is lifted for it.
    """
    aliases = [f"concurrency_{n}" for n in range(WRITERS + 1)]
    for alias in aliases:
        connections.settings[alias] = {
            **connections.settings["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "concurrency.sqlite3"),
            "OPTIONS": dict(SQLITE_OPTIONS),
            "CONN_MAX_AGE": 0,
            "TEST": {},
        }
    with django_db_blocker.unblock():
        yield aliases
    for alias in aliases:
        if alias in connections:
            connections[alias].close()
            del connections[alias]
        del connections.settings[alias]


def test_sixteen_concurrent_read_then_write_transactions_all_succeed(sqlite_aliases):
    setup, *writers = sqlite_aliases
    with connections[setup].cursor() as cursor:
        cursor.execute("CREATE TABLE vote (id INTEGER PRIMARY KEY, writer INT, seen INT)")

    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def write(alias: str) -> None:
        try:
            start.wait()
            for _ in range(WRITES_EACH):
                # Read, then write in one transaction: the pattern with which a
                # deferred SQLite transaction fails instead of waiting for the lock.
                with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM vote")
                    seen = cursor.fetchone()[0]
                    cursor.execute("INSERT INTO vote (writer, seen) VALUES (%s, %s)", [1, seen])
        except BaseException as exc:  # noqa: BLE001 - any failure is what we look for
            errors.append(exc)
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=write, args=(alias,)) for alias in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with connections[setup].cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(DISTINCT seen) FROM vote")
        # Every write landed, and each saw a different count: they were serialised.
        assert cursor.fetchone() == (WRITERS * WRITES_EACH, WRITERS * WRITES_EACH)
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_the_sqlite_database_is_configured_with_immediate_transactions():
    default = settings.DATABASES["default"]
    if not default["ENGINE"].endswith("sqlite3"):
        pytest.skip("the PostgreSQL run has no SQLite options")
    assert default["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
