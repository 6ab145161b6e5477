"""Settings for bench/bench_article_page.py: the project's own, plus a bare view to compare with.

Not for production. Everything else (DEBUG, database, cache) still comes from the environment.
"""

import os

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# DEBUG off needs collected static files (the manifest); the benchmark collects them into a
# temporary folder instead of the project's staticfiles/.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
