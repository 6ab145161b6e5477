"""Search runs on whichever database the suite uses: PostgreSQL full-text, or SQLite's fallback."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from lxml import html

from reader import search
from reader.search import search_articles
from tests.articles.factories import ArticleFactory
from tests.reader.helpers import without_other_apps_blocks  # noqa: F401

pytestmark = pytest.mark.django_db


def result_titles(client, query: str) -> list[str]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    tree = html.fromstring(response.content.decode())
    return [" ".join(h.text_content().split()) for h in tree.xpath("//h2[@class='teaser__title']")]


def test_search_finds_words_in_title_lead_and_body(client):
    ArticleFactory(title="Battery breakthrough", lead="Cells last longer.")
    ArticleFactory(title="Phone review", lead="A battery that lasts two days.")
    ArticleFactory(title="Chip news", body="<p>The battery of the future.</p>")
    ArticleFactory(title="Unrelated", lead="Nothing to see.")
    assert sorted(result_titles(client, "battery")) == [
        "Battery breakthrough", "Chip news", "Phone review"]  # fmt: skip


def test_a_match_in_the_title_ranks_above_one_in_the_body(client):
    ArticleFactory(title="Graphene everywhere", published_at=timezone.now() - timedelta(days=9))
    ArticleFactory(title="Newer story", body="<p>It mentions graphene once.</p>",
                   published_at=timezone.now() - timedelta(hours=1))  # fmt: skip
    assert result_titles(client, "graphene") == ["Graphene everywhere", "Newer story"]


def test_every_word_must_match(client):
    ArticleFactory(title="Solar cars race", lead="Across the desert.")
    ArticleFactory(title="Solar panels", lead="On roofs.")
    assert result_titles(client, "solar desert") == ["Solar cars race"]


def test_drafts_and_scheduled_articles_are_never_found(client):
    ArticleFactory(title="Quantum draft", draft=True)
    ArticleFactory(title="Quantum scheduled", published_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Quantum live")
    assert result_titles(client, "quantum") == ["Quantum live"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_postgresql_matches_word_forms_in_the_site_language():
    ArticleFactory(title="Regulators are charging ahead", lead="New rules.")
    assert [a.title for a in search_articles(query="charge")] == ["Regulators are charging ahead"]


def test_the_results_page_counts_and_paginates_and_keeps_the_query(client):
    for i in range(23):
        ArticleFactory(title=f"Robot story {i}")
    response = client.get("/search/", {"q": "robot"})
    tree = html.fromstring(response.content.decode())
    assert "23 results for “robot”" in tree.xpath("string(//p[@class='page-header__count'])")
    assert tree.xpath("//a[@rel='next']/@href") == ["?q=robot&page=2"]
    assert tree.xpath("//input[@name='q']/@value")[-1] == "robot"
    assert len(result_titles(client, "robot")) == 20
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex, follow"]


def test_an_empty_search_shows_the_form_and_no_error(client):
    response = client.get("/search/")
    assert response.status_code == 200
    tree = html.fromstring(response.content.decode())
    assert tree.xpath("//main//input[@name='q']")
    assert not tree.xpath("//*[@role='alert']")


def test_a_query_that_is_too_long_gets_a_clear_message_and_is_kept(client):
    query = "x" * 201
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    tree = html.fromstring(response.content.decode())
    assert "at most 200 characters" in tree.xpath("string(//*[@role='alert'])")
    assert query in tree.xpath("//main//input[@name='q']/@value")


def test_a_query_of_punctuation_only_says_nothing_matched(client):
    ArticleFactory(title="Robots")
    for query in ("-", "?!", "...", "„“"):
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "Nothing matched" in response.content.decode()
        assert "Robots" not in response.content.decode()


def test_odd_input_never_breaks_the_search(client):
    ArticleFactory(title="Robots")
    for query in ("robots & | !", "'\"", "-", "or", "%_", "\\", "robots:*", "ü"):
        assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/search/", {"q": "robots", "page": "99"}).status_code == 404


@pytest.mark.usefixtures("without_other_apps_blocks")
def test_search_costs_the_same_queries_however_many_results(
    client, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(search, "RANKED_MATCHES", 10)
    for count in (1, 25):  # fewer matches than are ranked, then more
        for _ in range(count):
            ArticleFactory(title="Laser news")
        client.get("/search/", {"q": "warm-up"})  # fills the category tree and popular caches
        # the matches counted one past those ranked, the page's ids, its results
        with django_assert_num_queries(3):
            client.get("/search/", {"q": "laser"})


# ------------------------------------------------------------------------------
# More matches than are ranked (search.RANKED_MATCHES)
# ------------------------------------------------------------------------------
def count_message(client, url: str, query: str, **params) -> str:
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    tree = html.fromstring(response.content.decode())
    return " ".join(tree.xpath("string(//p[@class='page-header__count'])").split())


def published_days_ago(days: int, **fields):
    return ArticleFactory(published_at=timezone.now() - timedelta(days=days), **fields)


def test_beyond_the_ranked_matches_those_added_last_are_ranked_and_the_page_says_so(
    client, monkeypatch
):
    monkeypatch.setattr(search, "RANKED_MATCHES", 3)
    # The best match of all was added first: it is not among the three added last.
    published_days_ago(9, title="Fusion reactor opens")
    published_days_ago(4, title="Older note", body="<p>About fusion.</p>")
    published_days_ago(2, title="Newer note", body="<p>Fusion again.</p>")
    published_days_ago(1, title="Newest note", body="<p>And fusion.</p>")
    published_days_ago(30, title="Fusion in the archive")  # imported last, published long ago
    assert result_titles(client, "fusion") == ["Fusion in the archive", "Newest note", "Newer note"]
    assert count_message(client, "/search/", "fusion") == (
        "More than 3 articles match “fusion”. Shown: the 3 added last, best match first. "
        "Add a word to narrow the search."
    )


def test_exactly_as_many_matches_as_are_ranked_are_counted_as_usual(client, monkeypatch):
    monkeypatch.setattr(search, "RANKED_MATCHES", 3)
    for days in (1, 2, 3):
        published_days_ago(days, title=f"Fusion {days}")
    published_days_ago(4, title="Unrelated")
    assert count_message(client, "/search/", "fusion") == "3 results for “fusion”"
    assert result_titles(client, "fusion") == ["Fusion 1", "Fusion 2", "Fusion 3"]


def test_the_ranked_matches_are_paginated_and_a_page_past_them_does_not_exist(client, monkeypatch):
    monkeypatch.setattr(search, "RANKED_MATCHES", 25)
    for days in range(1, 31):
        published_days_ago(days, title=f"Robot story {days}")
    # The 25 added last (6 to 30 days old), newest first: page 2 holds the last five.
    assert result_titles(client, "robot")[0] == "Robot story 6"
    response = client.get("/search/", {"q": "robot", "page": 2})
    tree = html.fromstring(response.content.decode())
    titles = [h.text_content().strip() for h in tree.xpath("//h2[@class='teaser__title']")]
    assert titles == [f"Robot story {days}" for days in range(26, 31)]
    assert not tree.xpath("//a[@rel='next']")
    assert client.get("/search/", {"q": "robot", "page": 3}).status_code == 404


def test_the_german_edition_says_so_in_german(client, monkeypatch):
    monkeypatch.setattr(search, "RANKED_MATCHES", 2)
    for days in (1, 2, 3):
        published_days_ago(days, language="de", title=f"Rakete {days}")
    assert count_message(client, "/de/search/", "rakete") == (
        "Mehr als 2 Artikel passen zu „rakete“. Angezeigt: die 2 zuletzt hinzugefügten, "
        "die besten Treffer zuerst. Mit einem weiteren Wort grenzen Sie die Suche ein."
    )


def test_the_number_ranked_is_written_as_the_reader_reads_numbers(client, monkeypatch):
    monkeypatch.setattr(search, "RANKED_MATCHES", 1000)
    monkeypatch.setattr(search.SearchPaginator, "found", 1001)
    published_days_ago(1, title="Fusion")
    published_days_ago(1, language="de", title="Fusion")
    assert count_message(client, "/search/", "fusion").startswith("More than 1,000 articles")
    assert count_message(client, "/de/search/", "fusion").startswith("Mehr als 1.000 Artikel")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
@pytest.mark.parametrize("config", ["english", "german"])
def test_postgresql_search_can_use_its_gin_index(config):
    """The index from migration 0004_reader_search_index matches the searched document."""
    from django.contrib.postgres.search import SearchQuery

    from articles.models import Article
    from reader.search import search_document

    ArticleFactory(title="Indexed")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = (
            Article.objects.annotate(document=search_document(config))
            .filter(document=SearchQuery("chip", search_type="websearch", config=config))
            .explain()
        )
    assert f"article_search_{config}" in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
def test_postgresql_ranks_only_the_candidates_never_every_match(monkeypatch):
    """ts_rank parses each article's text again: it runs on RANKED_MATCHES rows at most."""
    monkeypatch.setattr(search, "RANKED_MATCHES", 3)
    for _ in range(8):
        ArticleFactory(title="Laser news")
    sql, params = search_articles(query="laser").values("pk")[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan

    def nodes(node):
        yield node
        for child in node.get("Plans", []):
            yield from nodes(child)

    ranking = [
        node for node in nodes(plan[0]["Plan"])
        if any("ts_rank(" in column for column in node.get("Output", []))
    ]  # fmt: skip
    assert ranking, "no node ranks"
    assert max(node["Actual Rows"] * node["Actual Loops"] for node in ranking) == 3


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")


@sqlite_only
def test_sqlite_search_follows_every_edit_and_deletion_of_an_article(client):
    article = ArticleFactory(title="Rust in the kernel")
    assert result_titles(client, "kernel") == ["Rust in the kernel"]
    article.title = "Rust in the compiler"
    article.save()
    assert result_titles(client, "kernel") == []
    assert result_titles(client, "compiler") == ["Rust in the compiler"]
    article.delete()
    assert result_titles(client, "compiler") == []


@sqlite_only
def test_sqlite_search_matches_the_start_of_words_whatever_their_case_and_accents(client):
    ArticleFactory(title="Grüne Smartphones", lead="Reparierbar.")
    assert result_titles(client, "smartphone") == ["Grüne Smartphones"]
    assert result_titles(client, "GRUNE") == ["Grüne Smartphones"]
    assert result_titles(client, "martphone") == []  # inside a word: not a match


@pytest.mark.parametrize("query", ['"', '""', "NEAR(a b)", "*", "a*b", "-", "x AND", "(", "title:x",
                                   "^x", "a OR", "🙂", "'; DROP TABLE x; --"])  # fmt: skip
def test_search_syntax_a_reader_types_is_searched_for_never_an_error(client, query):
    ArticleFactory(title="Plain story")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Plain story" not in response.content.decode()
