"""Settings of the tests' server processes (tests/newsroom/servers.py): the project's own,
with collected static files in the test's folder (DEBUG off needs their manifest)."""

import os

from newsroom.settings import *  # noqa: F403

STATIC_ROOT = os.environ["SERVER_STATIC_ROOT"]
