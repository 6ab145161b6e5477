"""Full-text search over published articles.

On PostgreSQL: a weighted tsvector (title over lead over body) in the site
language's text-search configuration, web-search query syntax ("quotes",
-exclusions, or), ranked by relevance. On SQLite: SQLite's FTS5 index (migration
articles 0009_reader_search_sqlite): every word must begin a word somewhere, case and
accents aside, articles with the words in the title first.

Only the RANKED_MATCHES matches added last are ranked, and the count stops one past
them: a word that most articles have costs about what a rare one does.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from core.editions import current_edition

MAX_QUERY_LENGTH = 200
# Ranking reads each candidate's text (PostgreSQL parses title, lead and body again),
# and a word that most articles have matched all 100,000 of a large archive: 0.8-1.2 s
# on SQLite, over a minute on PostgreSQL, before a page was shown. So only this many
# matches are ranked, the last added (the highest ids: the search indexes hand them out
# in that order without reading every match, where the newest by date would need each
# one's row), and the page says so. More than a reader pages through. On PostgreSQL
# each candidate's text is still parsed to match it and to rank it, about 1.5 ms a
# candidate (1.4-1.7 s for a common word): the price of ranking from the expression
# index of migration 0004 rather than from a stored tsvector.
RANKED_MATCHES = 1000
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


def search_matches(*, query: str) -> QuerySet[Article]:
    """Every published article matching `query`, the last added first, unranked."""
    articles = Article.objects.published().in_edition()
    if connection.vendor == "postgresql":
        return _postgres_matches(articles, query).order_by("-pk")
    return _simple_matches(articles, query)


def search_articles(*, query: str) -> QuerySet[Article]:
    """The RANKED_MATCHES articles matching `query` that were added last, best match first."""
    candidates = search_matches(query=query).values("pk")[:RANKED_MATCHES]
    articles = Article.objects.filter(pk__in=candidates).for_listing()
    if connection.vendor == "postgresql":
        ranked = _postgres_ranked(articles, query)
    else:
        ranked = _simple_ranked(articles, query)
    return ranked.order_by("-rank", "-published_at", "-pk")


class SearchPaginator(Paginator):
    """Pages of search_articles(). `matches` (search_matches()) is counted one past
    RANKED_MATCHES at most: `count` is what is ranked, `more_than_ranked` whether more
    articles matched."""

    def __init__(self, *args, matches: QuerySet[Article], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.matches = matches

    @cached_property
    def found(self) -> int:
        return self.matches[: RANKED_MATCHES + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, RANKED_MATCHES)

    @property
    def more_than_ranked(self) -> bool:
        return self.found > RANKED_MATCHES

    def _get_page(self, object_list, number, paginator) -> Page:
        # The page's ids in rank order (one query that ranks the candidates), then their
        # rows by id only: finding and ranking the candidates twice cost twice as much.
        ids = list(object_list.values_list("pk", flat=True))
        rows = Article.objects.for_listing().in_bulk(ids)
        return super()._get_page([rows[pk] for pk in ids if pk in rows], number, paginator)


def search_document(config: str):
    """The weighted document searched on PostgreSQL. Migration 0004_reader_search_index
    indexes this very expression per configuration: change both together."""
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("lead", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )


def _postgres_query(query: str):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(query, search_type="websearch", config=search_config())


def _postgres_matches(articles: QuerySet[Article], query: str) -> QuerySet[Article]:
    # @@: every word must match, not merely rank above 0; through the GIN index.
    document = search_document(search_config())
    return articles.annotate(document=document).filter(document=_postgres_query(query))


def _postgres_ranked(articles: QuerySet[Article], query: str) -> QuerySet[Article]:
    from django.contrib.postgres.search import SearchRank

    document = search_document(search_config())
    return articles.annotate(rank=SearchRank(document, _postgres_query(query)))


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


def _simple_matches(articles: QuerySet[Article], query: str) -> QuerySet[Article]:
    """The matches, the last added first, as FTS5 hands them out: joined to its table
    and ordered by its rowid (the article's id), the index stops after the matches a
    page asks for. Ordered by the article's id instead, or as `id IN (SELECT rowid …)`,
    SQLite collected all 100,000 matches of a common word first: 30-45 ms a query,
    against 12-15 ms."""
    expression = sqlite_match_expression(query)
    if expression is None:
        return articles.none()
    # extra(): the one way to join a table the models do not know. The table's name is
    # a constant; the reader's words go in as a parameter.
    return articles.extra(  # noqa: S610
        tables=[SQLITE_SEARCH_TABLE],
        where=[f"{SQLITE_SEARCH_TABLE} MATCH %s"],
        params=[expression],
        order_by=[f"-{SQLITE_SEARCH_TABLE}.rowid"],
    ).filter(pk=RawSQL(f"{SQLITE_SEARCH_TABLE}.rowid", []))  # noqa: S611


def _simple_ranked(articles: QuerySet[Article], query: str) -> QuerySet[Article]:
    in_title = Q()
    for word in query.split()[:MAX_WORDS]:
        in_title &= Q(title__icontains=word)
    return articles.annotate(
        rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    )
