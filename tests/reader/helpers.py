"""Fixtures and helpers shared by the reader-site tests (imported by the test modules)."""

import copy

import pytest
from django.contrib.contenttypes.models import ContentType

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
