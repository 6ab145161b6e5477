"""App settings: each app declares its own, with their defaults, in its `conf.py`.

An app's `conf.py` holds `DEFAULTS`, a dict of the settings the app reads (every
name carries the app's prefix) and their default values, each with a comment saying
what it does. `newsroom/settings.py`, the one module that reads the environment,
passes each app's `DEFAULTS` to `from_environment()`, so that every app setting can be
set by an environment variable of the same name, typed like its default, and the
default is written in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def from_environment(env, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Each setting in `defaults`, from the environment variable of the same name when
    there is one (cast like its default), else its default.

    `env` is a django-environ `Env`.
    """
    casts = {bool: env.bool, int: env.int, float: env.float, list: env.list, str: env.str}
    values = {}
    for name, default in defaults.items():
        read = casts.get(type(default))
        if read is None:
            raise TypeError(f"{name}: an app setting is a bool, int, float, list or str")
        values[name] = read(name, default=default)
    return values


# Cache backends that cannot hold the state every process of the site must agree on:
# purged pages, rate-limit windows, buffered reads. Django's database cache is shared,
# but its `incr` reads, adds and writes back, so processes counting at once lose counts;
# core.cache.DatabaseCache is the one to use.
_UNSHARED_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache": "keeps its entries in each process",
    "django.core.cache.backends.dummy.DummyCache": (
        "keeps nothing, which turns off the page cache and every rate limit"
    ),
    "django.core.cache.backends.filebased.FileBasedCache": (
        "counts (add, incr) by reading and writing files, so parallel processes lose counts"
    ),
    "django.core.cache.backends.db.DatabaseCache": (
        "counts (incr) by reading and writing back, so parallel processes lose counts"
    ),
}


def unshared_cache_reason(backend: str) -> str | None:
    """Why the cache `backend` (a dotted path) cannot serve several processes, or None."""
    return _UNSHARED_CACHES.get(backend)
