"""Pages found by their ids first (reader.pagination) hold what plain slicing would."""

from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.utils import timezone

from reader.pagination import IdsFirstPaginator
from reader.selectors import category_articles
from tests.articles.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_every_page_holds_the_articles_plain_slicing_gives_in_the_same_order():
    section = CategoryFactory()
    sub = CategoryFactory(parent=section)
    now = timezone.now()
    for n in range(23):
        # Ties on the publish time: the id decides, on every page alike.
        ArticleFactory(category=sub if n % 2 else section,
                       published_at=now - timedelta(hours=n // 3))  # fmt: skip
    ArticleFactory(category=section, draft=True)
    articles = category_articles(category=section)

    ours, plain = IdsFirstPaginator(articles, 5), Paginator(articles, 5)
    assert ours.num_pages == plain.num_pages == 5
    for number in ours.page_range:
        assert [a.pk for a in ours.page(number)] == [a.pk for a in plain.page(number)]
    assert len(ours.page(5)) == 3


def test_a_page_loads_its_rows_in_one_query_after_its_ids(django_assert_num_queries):
    section = CategoryFactory()
    ArticleFactory.create_batch(7, category=section)
    paginator = IdsFirstPaginator(category_articles(category=section), 5)
    paginator.count  # noqa: B018 - counted apart, as the list view does
    with django_assert_num_queries(2):
        page = paginator.page(2)
        assert [a.category.name for a in page] == [section.name] * 2  # no query per row
