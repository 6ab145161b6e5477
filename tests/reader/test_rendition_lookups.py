"""With the cache every process shares (a table in the database by default), an article
page costs the same whatever the number of images in it: that a rendition exists is
remembered per process, not asked of the shared cache per image."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.articles.factories import ArticleFactory, ArticleImageFactory
from tests.reader.helpers import uncached, without_other_apps_blocks  # noqa: F401

pytestmark = pytest.mark.django_db

SHARED_CACHE = {
    "default": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "newsroom_cache"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


def _queries_of_a_warm_page(client, article) -> int:
    url = uncached(article.get_absolute_url())
    client.get(url)  # renditions made, lists and tree cached
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_article_with_more_images_costs_no_more_queries_on_the_shared_cache(
    client,
    settings,
    without_other_apps_blocks,  # noqa: F811
):
    settings.CACHES = SHARED_CACHE
    call_command("createcachetable", verbosity=0)  # the suite's own cache is local memory
    one, five = ArticleFactory(), ArticleFactory()
    for article, count in ((one, 1), (five, 5)):
        images = [ArticleImageFactory(article=article) for _ in range(count)]
        article.body = "".join(f"<p>[[image:{image.pk}]]</p>" for image in images)
        article.save()
    assert _queries_of_a_warm_page(client, five) == _queries_of_a_warm_page(client, one)
