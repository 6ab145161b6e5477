"""On PostgreSQL, every query a reader page makes on the articles can use an index.

With sequential scans made the planner's last resort (`enable_seqscan = off`), a plan
that still reads the articles table from end to end has no index to use: its cost would
grow with the archive. The pages are the ones `make bench` measures at 100,000 articles.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.articles.factories import ArticleFactory, CategoryFactory
from tests.reader.helpers import uncached

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner"),
]

BIG_TABLES = ("articles_article", "articles_taggedarticle", "articles_categoryarticle",
              "comments_comment", "django_comments", "django_comments_xtd_xtdcomment")  # fmt: skip


def plans_of(client, path: str) -> list[tuple[str, str]]:
    client.get(path)  # caches filled: what is left is what every rendering asks
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    found = []
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute(f"EXPLAIN {sql}")
                found.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
        finally:
            cursor.execute("SET enable_seqscan = on")
    return found


@pytest.fixture
def site():
    section = CategoryFactory(name="News", slug="news")
    phones = CategoryFactory(name="Phones", slug="phones", parent=section)
    story = None
    for n in range(30):
        story = ArticleFactory(category=phones if n % 2 else section,
                               tags=["chips", f"tag-{n % 3}"],
                               title=f"Phones and chips {n}")  # fmt: skip
    return story


@pytest.mark.parametrize(
    "page", ["home", "category", "deep", "subcategory", "article", "tag", "deep-tag", "search"]
)
def test_each_reader_page_finds_its_articles_through_an_index(client, site, page):
    path = {
        "home": uncached("/"),
        "category": uncached("/news/"),
        "deep": "/news/?page=2",
        "subcategory": uncached("/news/phones/"),
        "article": uncached(site.get_absolute_url()),
        "tag": uncached("/tag/chips/"),
        "deep-tag": "/tag/chips/?page=2",
        "search": "/search/?q=phones",
    }[page]
    plans = plans_of(client, path)
    assert plans, "the page made no query to check"
    for sql, plan in plans:
        for table in BIG_TABLES:
            assert f"Seq Scan on {table}" not in plan, f"{table} read whole by:\n{sql}\n{plan}"


def test_the_check_sees_a_query_that_no_index_serves(site):
    from articles.models import Article

    sql, params = Article.objects.filter(lead__icontains="x").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "Seq Scan on articles_article" in plan


@pytest.mark.parametrize(
    ("path", "index"),
    [
        ("/news/?page=2", "category_article_listing"),
        ("/tag/chips/?page=2", "tagged_article_listing"),
    ],
)
def test_a_list_page_walks_its_lists_index_in_order_without_sorting_the_list(
    client, site, path, index
):
    """One range of the list's own index, read newest first: no sort of every article of
    the list (which grew with the archive) before the page's ids."""
    plans = [plan for sql, plan in plans_of(client, path) if "LIMIT" in sql and "OFFSET" in sql]
    assert plans, "no page query found"
    for plan in plans:
        assert index in plan
        assert "Sort" not in plan, plan


def test_a_section_with_few_recent_articles_is_found_through_its_list_on_the_home_page(
    client, monkeypatch
):
    """Its block is looked up on its own when the newest articles hold too few of it:
    through its list's index, not a walk of every published article (an index scan on
    when they went live, which read the whole archive for a quiet section)."""
    from datetime import timedelta

    from django.utils import timezone

    from reader import selectors

    monkeypatch.setattr(selectors, "SECTION_CANDIDATES", 3)
    quiet = CategoryFactory(name="Quiet", slug="quiet")
    ArticleFactory(category=quiet, title="An old quiet story",
                   published_at=timezone.now() - timedelta(days=30))  # fmt: skip
    busy = CategoryFactory(name="Busy", slug="busy")
    ArticleFactory.create_batch(12, category=busy)
    plans = [plan for sql, plan in plans_of(client, uncached("/"))
             if "articles_categoryarticle" in sql]  # fmt: skip
    assert plans, "the quiet section was not looked up through its list"
    assert all("category_article_listing" in plan for plan in plans), plans
