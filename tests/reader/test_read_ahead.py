"""An article page reads what it keeps in the shared cache (its tags and authors, the
tree, the related lists, "Popular now", the body, the kept fragments, the comments and
the shared comment form) in one round trip (core/read_ahead.py), for guests and
members alike, in each edition; and what is read ahead never outlives a change."""

import pytest
from django.core.cache import cache

from core import read_ahead
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    SourceFactory,
    TranslationFactory,
    UserFactory,
)
from tests.comments.factories import CommentFactory
from tests.reader.helpers import cache_calls

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    author = UserFactory(first_name="Ada", last_name="Writer")
    article = ArticleFactory(tags=["chips", "servers"], authors=[author])
    use = ArticleImageFactory(article=article)
    article.body += f"<p>{use.placeholder}</p>"
    article.save()
    SourceFactory(article=article)
    thread = CommentFactory(article=article)
    CommentFactory(parent=thread)
    ArticleFactory(category=article.category, tags=["chips"])  # for "Read also"
    return article


def warm_calls(client, url):
    assert client.get(url).status_code == 200  # fills what the page keeps
    with cache_calls() as calls:
        response = client.get(url)
    assert response.status_code == 200
    return calls, response


@pytest.mark.parametrize("query", ["?sort=newest", "?comments=all", "?sort=votes"])
def test_a_warm_uncached_article_page_makes_three_cache_round_trips(client, story, query):
    calls, response = warm_calls(client, story.get_absolute_url() + query)
    # The page lookup, the read-ahead, and the check that nothing was purged meanwhile.
    assert calls.count("get_many") == 3
    assert "get" not in calls and "set" not in calls
    assert "A thoughtful remark about the story." in response.content.decode()


def test_a_members_page_and_a_german_page_read_ahead_too(client, story):
    german = TranslationFactory(translation_of=story, title="Eine Geschichte", slug="geschichte",
                                status=story.status, published_at=story.published_at)  # fmt: skip
    calls, response = warm_calls(client, german.get_absolute_url() + "?sort=newest")
    assert "get" not in calls and "set" not in calls
    assert "Eine Geschichte" in response.content.decode()
    client.force_login(UserFactory())
    calls, _ = warm_calls(client, story.get_absolute_url() + "?sort=newest")
    # A member passes the page cache: the generation and the page's version are read
    # first (the keys hold them), then the rest at once.
    assert calls == ["get", "get", "get_many"]


def test_a_new_comment_shows_on_the_next_page_read_ahead(client, story):
    url = story.get_absolute_url() + "?sort=newest"
    client.get(url)
    CommentFactory(article=story, comment="Late to the thread, but right.")
    assert "Late to the thread, but right." in client.get(url).content.decode()


def test_an_entry_read_ahead_is_handed_out_once_and_then_read_from_the_cache():
    cache.set("k", "before")
    with read_ahead.reading_ahead():
        read_ahead.read_ahead(["k", "missing"])
        cache.set("k", "after")  # as the request itself may, after reading
        assert read_ahead.get("k") == "before"
        assert read_ahead.get("k") == "after"
        assert read_ahead.get("missing") is None


def test_a_purge_forgets_what_was_read_ahead():
    cache.set("k", "before")
    with read_ahead.reading_ahead():
        read_ahead.read_ahead(["k"])
        cache.set("k", "after")
        read_ahead.forget()
        assert read_ahead.get("k") == "after"


def test_outside_a_request_nothing_is_read_ahead():
    cache.set("k", "before")
    read_ahead.read_ahead(["k"])
    cache.set("k", "after")
    assert read_ahead.get("k") == "after"
