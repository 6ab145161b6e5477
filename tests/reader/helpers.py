"""Fixtures and helpers shared by the reader-site tests (imported by the test modules)."""

import copy
from contextlib import ExitStack, contextmanager
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from articles.models import Article


@pytest.fixture
def without_other_apps_blocks(settings, tmp_path):
    """Blank the comment section and newsletter box: their queries are their apps' budget,
    and these tests pin what the reader pages themselves cost."""
    blanked = (
        "comments/includes/article_comments.html",
        "newsletter/includes/subscribe_box.html",
    )
    for name in blanked:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    # Django keeps content types in a per-process cache; fill it so counts do not
    # depend on which test ran first.
    ContentType.objects.get_for_model(Article)


def uncached(url: str) -> str:
    """The same page, past the page cache (which skips URLs with a query string)."""
    return f"{url}?nocache=1"


@contextmanager
def cache_calls():
    """The shared cache's calls made inside the block, by name, in order: each one a
    round trip on Redis or the database cache (the local-memory cache's get_many calls
    its own get: only the outer call is counted)."""
    calls, depth = [], [0]

    def watch(name, method):
        def watched(*args, **kwargs):
            if not depth[0]:
                calls.append(name)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return watched

    with ExitStack() as stack:
        for name in ("get", "get_many", "add", "set", "set_many", "incr", "delete"):
            method = getattr(cache, name)
            stack.enter_context(mock.patch.object(cache, name, watch(name, method)))
        yield calls
