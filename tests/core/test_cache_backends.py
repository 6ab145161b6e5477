"""The cache backends of core/cache.py: counts that hold across processes, and Redis down.

The database cache is hammered by two processes at once on a database made for the
test (a SQLite file, or a fresh PostgreSQL database in the PostgreSQL run), since the
suite's own database lives in a transaction no other process can see.
"""

from __future__ import annotations

import logging
import secrets
import subprocess
import time

import pytest
import redis

from core.cache import RedisCache, _outages

from ..newsroom.servers import (
    PYTHON,
    REDIS_DB,
    ROOT,
    SiteDatabase,
    free_port,
    on_postgresql,
    require_redis,
)

ROUNDS = 150
KEYS = 60
HAMMER = """
import os, time
from core.cache import DatabaseCache
cache = DatabaseCache("newsroom_cache", {})
time.sleep(max(0.0, float(os.environ["START_AT"]) - time.time()))
wins = 0
for number in range(ROUNDS):
    cache.incr("counter")
    if number < KEYS:
        wins += cache.add(f"window:{number}", 1, 600)
print(wins)
""".replace("ROUNDS", str(ROUNDS)).replace("KEYS", str(KEYS))


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    database = SiteDatabase(tmp_path_factory.mktemp("cache-db"))
    yield database
    database.drop()


def test_two_processes_counting_at_once_lose_no_count(database):
    # A counter at 0, and expired windows that both processes try to start again.
    database.run_python(
        "from core.cache import DatabaseCache; c = DatabaseCache('newsroom_cache', {}); "
        "c.set('counter', 0, None); "
        f"[c.set(f'window:{{n}}', 0, -1) for n in range({KEYS})]; print(0)"
    )
    start_at = str(time.time() + 3)
    processes = [
        subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c", HAMMER],
            cwd=ROOT,
            env=database.environment(START_AT=start_at),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=180) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs

    counter = database.run_python(
        "from core.cache import DatabaseCache; "
        "print(DatabaseCache('newsroom_cache', {}).get('counter'))"
    )
    assert counter == 2 * ROUNDS
    # Each expired window was started again by exactly one of the two.
    assert sum(int(out.split()[-1]) for out, _ in outputs) == KEYS


@pytest.mark.django_db
@pytest.mark.skipif(not on_postgresql(), reason="UNLOGGED tables are PostgreSQL's")
def test_on_postgresql_migrate_makes_the_cache_table_unlogged_and_the_cache_still_works():
    from django.apps import apps
    from django.core.cache import caches
    from django.db import connection
    from django.test import override_settings

    from core.signal_handlers import create_cache_table

    def persistence():
        with connection.cursor() as cursor:
            cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = 'newsroom_cache'")
            return cursor.fetchone()[0]

    database_cache = {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "newsroom_cache"}
    with override_settings(CACHES={"default": database_cache}):
        create_cache_table(sender=apps.get_app_config("sites"), using="default", verbosity=0)
        # A table an older migrate made, before this rule: the next migrate changes it.
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE newsroom_cache SET LOGGED")
        create_cache_table(sender=apps.get_app_config("sites"), using="default", verbosity=0)
        assert persistence() == "u"
        cache = caches["default"]
        assert cache.add("rl:window", 1, 60) is True
        assert cache.incr("rl:window") == 2


# ------------------------------------------------------------------------------
# Redis down
# ------------------------------------------------------------------------------
@pytest.fixture
def redis_nowhere():
    """A core.cache.RedisCache pointed at a loopback port where nothing listens."""
    location = f"redis://127.0.0.1:{free_port()}/0"
    yield RedisCache(location, {"OPTIONS": {"socket_connect_timeout": 1}})
    _outages.pop(location, None)


def test_with_redis_down_reads_miss_writes_pass_and_one_line_is_logged(redis_nowhere, caplog):
    cache = redis_nowhere
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(3):
            assert cache.get("page") is None
            assert cache.get_many(["page", "generation"]) == {}
            cache.set("page", "html", 60)
            # The rate limiter's add: a new window each time, so it allows (fails open).
            assert cache.add("rl:window", 1, 60) is True
            assert cache.incr("reads", 1) == 1
            cache.delete("page")

    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert "Cache unavailable" in record.getMessage()
    assert "rate limits are not enforced" in record.getMessage()


def test_with_redis_down_calls_skip_it_for_a_while_instead_of_waiting_each(redis_nowhere):
    cache = redis_nowhere
    cache.get("page")  # the failure that notices
    started = time.monotonic()
    for _ in range(200):
        cache.get("page")
    assert time.monotonic() - started < 0.5


@pytest.fixture
def redis_cache():
    require_redis()
    prefix = f"test-cache-{secrets.token_hex(6)}"
    cache = RedisCache(f"redis://127.0.0.1:6379/{REDIS_DB}", {"KEY_PREFIX": prefix})
    yield cache
    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_a_redis_count_keeps_its_window_and_a_missing_one_is_not_made(redis_cache):
    assert redis_cache.add("rl:window", 1, 600)
    assert redis_cache.incr("rl:window") == 2
    ttl = redis_cache._cache.get_client().ttl(redis_cache.make_key("rl:window"))
    assert 0 < ttl <= 600
    with pytest.raises(ValueError):
        redis_cache.incr("rl:gone")
    # An INCR on a missing key would have made one that never expires.
    assert redis_cache.get("rl:gone") is None


def test_redis_calls_share_one_client_per_process_and_still_reach_redis(redis_cache):
    made = []
    make = redis_cache._cache._client

    def counting(**kwargs):
        made.append(kwargs)
        return make(**kwargs)

    redis_cache._cache._client = counting
    redis_cache.set("page", "a")
    for _ in range(20):
        assert redis_cache.get("page") == "a"
    redis_cache.set_many({"one": 1, "two": 2})
    assert redis_cache.get_many(["one", "two"]) == {"one": 1, "two": 2}
    # Django's own client makes a redis.Redis per call (its ~200 response callbacks
    # copied each time); ours keeps the first for every later call.
    assert len(made) == 1
