"""The cache backends the site runs on: one state shared by every process.

The page cache and its purges, the rate-limit windows and the buffered "Popular now"
reads must be the same for every process of the site, on every machine; and the rate
limiter and the read counters count with `add` and `incr`, which must not lose a count
when processes count at once. Two backends do both (settings.py picks one from
CACHE_URL; README, "Running several processes"):

- `DatabaseCache`, the embedded default: Django's database cache (a table in the
  site's own database, made by `migrate`), with an `add` and an `incr` that are atomic
  across processes;
- `RedisCache`, for CACHE_URL=redis://…: Django's Redis cache, which lets the site go
  on without Redis while it is down (pages from the database, writes accepted, rate
  limits not enforced) and says so in one log line.
"""

from __future__ import annotations

import base64
import logging
import pickle
import time
from datetime import UTC, datetime

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient
from django.db import connections, router, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


# When this process last swept expired rows (per process: Django makes a cache object
# per thread).
_last_sweep = 0.0


class DatabaseCache(DjangoDatabaseCache):
    """Django's database cache, with counts that hold when processes count at once.

    Django's `add` reads whether the entry is there, then inserts or overwrites an
    expired one, so two processes may both win; its `incr` reads, adds and writes back,
    so two processes may both write the same sum. Here `add` is one INSERT … ON
    CONFLICT statement (SQLite and PostgreSQL), and `incr` locks the row before it
    reads it, so every increment lands. Expired entries that only `add` ever touches
    (the "seen" keys of Popular now) are swept at most once a minute per process.
    """

    SWEEP_SECONDS = 60

    def _connection(self):
        return connections[router.db_for_write(self.cache_model_class)]

    def _now(self, connection):
        return connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))

    def _expiry(self, timeout, connection):
        timeout = self.get_backend_timeout(timeout)
        expires = datetime.max if timeout is None else datetime.fromtimestamp(timeout, tz=UTC)
        return connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))

    def _encode(self, value) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")

    def _decode(self, text: str):
        return pickle.loads(base64.b64decode(text.encode()))  # noqa: S301 - our own rows

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        connection = self._connection()
        table = connection.ops.quote_name(self._table)
        now = self._now(connection)
        self._sweep(connection, table, now)
        with connection.cursor() as cursor:
            # One statement, so one process wins: a new key is inserted, an expired
            # entry taken over, and a live one left alone (no row changed).
            cursor.execute(
                f"INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s) "  # noqa: S608
                "ON CONFLICT (cache_key) DO UPDATE "
                "SET value = excluded.value, expires = excluded.expires "
                f"WHERE {table}.expires < %s",
                [key, self._encode(value), self._expiry(timeout, connection), now],
            )
            return cursor.rowcount == 1

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        connection = self._connection()
        table = connection.ops.quote_name(self._table)
        now = self._now(connection)
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            # A write first: it locks the row (PostgreSQL) or the database (SQLite)
            # until the transaction ends, so no other process reads the old value.
            cursor.execute(
                f"UPDATE {table} SET expires = expires "  # noqa: S608
                "WHERE cache_key = %s AND expires >= %s",
                [key, now],
            )
            if cursor.rowcount != 1:
                raise ValueError(f"Key {key!r} not found.")
            cursor.execute(f"SELECT value FROM {table} WHERE cache_key = %s", [key])  # noqa: S608
            value = self._decode(connection.ops.process_clob(cursor.fetchone()[0])) + delta
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s",  # noqa: S608
                [self._encode(value), key],
            )
        return value

    def _sweep(self, connection, table: str, now) -> None:
        global _last_sweep
        if time.monotonic() - _last_sweep < self.SWEEP_SECONDS:
            return
        _last_sweep = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [now])  # noqa: S608


# ------------------------------------------------------------------------------
# Redis, and what the site does while it is down
# ------------------------------------------------------------------------------
_UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class _Outage:
    """One process's view of one Redis server: down since when, last said when.

    Per process rather than per cache object (Django makes one per thread), so that a
    process logs an outage once, not once per thread.
    """

    # While down, calls skip Redis for this long instead of waiting for a timeout each.
    RETRY_SECONDS = 5.0
    # And the outage is logged again at most this often.
    LOG_EVERY_SECONDS = 60.0

    def __init__(self) -> None:
        self.retry_at = 0.0
        self.logged_at: float | None = None

    def skipping(self) -> bool:
        return time.monotonic() < self.retry_at

    def failed(self, location: str, error: Exception) -> None:
        now = time.monotonic()
        self.retry_at = now + self.RETRY_SECONDS
        if self.logged_at is None or now - self.logged_at >= self.LOG_EVERY_SECONDS:
            self.logged_at = now
            logger.error(
                "Cache unavailable: Redis at %s does not answer (%s). Pages are served "
                "from the database and writes are accepted, but rate limits are not "
                "enforced (they fail open) and nothing is cached until it is back.",
                location,
                error,
            )

    def answered(self, location: str) -> None:
        if self.logged_at is not None:
            self.logged_at = None
            logger.warning("Cache available again: Redis at %s answers.", location)


_outages: dict[str, _Outage] = {}
_INCR_IF_LIVE = (
    "if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1]) end"
)


class _RedisCacheClient(DjangoRedisCacheClient):
    """Django's, keeping one `redis.Redis` per connection pool instead of making one
    per call: each one builds its table of some 200 response callbacks, about 0.1 ms,
    and an article page makes thirteen calls. A `redis.Redis` takes a connection from
    its pool for each command, so one serves every thread of the process."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, redis.Redis] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis cache that treats Redis being down as an empty cache.

    While Redis does not answer, reads miss, writes are dropped, and `add` and `incr`
    answer as for a new key, so that callers carry on: a page is rendered from the
    database, a rate limit allows (fails open), a read starts a fresh count. The first
    failure is logged (again once a minute while it lasts), and calls then skip Redis
    for a few seconds rather than each waiting for the socket timeout.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _RedisCacheClient
        self._location = ",".join(self._servers)
        self._outage = _outages.setdefault(self._location, _Outage())

    def _call(self, method, fallback, *args, **kwargs):
        if self._outage.skipping():
            return fallback
        try:
            result = method(*args, **kwargs)
        except _UNAVAILABLE as error:
            self._outage.failed(self._location, error)
            return fallback
        self._outage.answered(self._location)
        return result

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, True, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._call(self._incr_live, delta, key, delta, version)

    def _incr_live(self, key, delta, version):
        # Django's checks that the key exists, then increments: a key that expires in
        # between comes back without an expiry, and a rate-limit window that never
        # ends blocks its reader for good. One script does both steps at once.
        key = self.make_and_validate_key(key, version=version)
        client = self._cache.get_client(key, write=True)
        value = client.eval(_INCR_IF_LIVE, 1, key, delta)
        if value is None:
            raise ValueError(f"Key {key!r} not found.")
        return value

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)
