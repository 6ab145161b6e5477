"""Full-text search over published articles.

On PostgreSQL: a weighted tsvector (title over lead over body) in the site
language's text-search configuration, web-search query syntax ("quotes",
-exclusions, or), ranked by relevance. On SQLite: SQLite's FTS5 index (migration
articles 0009_reader_search_sqlite): every word must begin a word somewhere, case and
accents aside, articles with the words in the title first.
"""

from __future__ import annotations

from django import forms
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from core.editions import current_edition

MAX_QUERY_LENGTH = 200
# PostgreSQL's built-in text-search configurations for the site's languages.
SEARCH_CONFIGS = {"de": "german", "en": "english"}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={
            "max_length": _("Please use at most %(limit_value)d characters."),
        },
    )


def search_config() -> str:
    """The edition's configuration: each edition searches its own articles in its words."""
    return SEARCH_CONFIGS.get(current_edition(), "simple")


def search_articles(*, query: str) -> QuerySet[Article]:
    """Published articles matching `query`, best match first."""
    articles = Article.objects.published().in_edition().for_listing()
    if connection.vendor == "postgresql":
        return _postgres_search(articles, query)
    return _simple_search(articles, query)


def search_document(config: str):
    """The weighted document searched on PostgreSQL. Migration 0004_reader_search_index
    indexes this very expression per configuration: change both together."""
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("lead", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )


def _postgres_search(articles: QuerySet[Article], query: str) -> QuerySet[Article]:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    config = search_config()
    vector = search_document(config)
    search_query = SearchQuery(query, search_type="websearch", config=config)
    return (
        articles.annotate(document=vector, rank=SearchRank(vector, search_query))
        .filter(document=search_query)  # @@: every word must match, not merely rank above 0
        .order_by("-rank", "-published_at", "-pk")
    )


# The FTS5 table of articles_article's text (migration articles 0009_reader_search_sqlite).
SQLITE_SEARCH_TABLE = "reader_article_search"
MAX_WORDS = 10


def sqlite_match_expression(query: str) -> str | None:
    """FTS5 syntax for "every word, as the start of a word": each word quoted (so that
    nothing a reader types is read as an operator) and marked as a prefix; None when
    no word has a letter or a digit."""
    words = [word for word in query.split() if any(ch.isalnum() for ch in word)]
    if not words:
        return None
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in words[:MAX_WORDS])


def _simple_search(articles: QuerySet[Article], query: str) -> QuerySet[Article]:
    words = query.split()[:MAX_WORDS]
    expression = sqlite_match_expression(query)
    if expression is None:
        return articles.none()
    # The table's name is a constant; the reader's words go in as a parameter.
    sql = f"SELECT rowid FROM {SQLITE_SEARCH_TABLE} WHERE {SQLITE_SEARCH_TABLE} MATCH %s"  # noqa: S608
    matching = RawSQL(sql, [expression])  # noqa: S611
    in_title = Q()
    for word in words:
        in_title &= Q(title__icontains=word)
    return (
        articles.filter(pk__in=matching)
        .annotate(
            rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .order_by("-rank", "-published_at", "-pk")
    )
