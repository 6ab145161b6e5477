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
