"""What a shared HTTP cache in front (Varnish, a CDN) is told: which pages it may keep,
for how long, what each shows (surrogate keys), and which keys each change purges."""

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import ArticleStatus
from comments import services as comment_services
from comments.selectors import Voter
from reader import http_cache
from tests.articles.factories import ArticleFactory, CategoryFactory, UserFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def page_keys(response) -> set[str]:
    return set(response["xkey"].split())


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.fixture
def purges(settings, monkeypatch, django_capture_on_commit_callbacks):
    """The keys each purge sends to the cache in front, as the commit sends them."""
    settings.HTTP_CACHE_PURGE_URL = ["http://127.0.0.1:9/"]
    sent: list[set[str]] = []
    monkeypatch.setattr(http_cache, "send_purge", lambda found: sent.append(set(found)))

    class Purges:
        def __call__(self):
            return django_capture_on_commit_callbacks(execute=True)

        @property
        def keys(self) -> set[str]:
            return set().union(*sent)

        def clear(self):
            sent.clear()

    return Purges()


@pytest.fixture
def story():
    section = CategoryFactory(name="News", slug="news")
    sub = CategoryFactory(name="Chips", slug="chips", parent=section)
    author = UserFactory(first_name="Ada", last_name="Writer")
    return ArticleFactory(category=sub, authors=[author], tags=["silicon"])


def test_anonymous_reader_pages_are_public_with_no_cookie_and_no_vary_on_them(client, story):
    tag = story.tags.get()
    author = story.authors.get()
    for url in ["/", "/news/", "/news/chips/", story.get_absolute_url(), f"/tag/{tag.slug}/",
                f"/author/{author.pk}/", "/feeds/rss/", "/feeds/atom/news/"]:  # fmt: skip
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert {"public", "max-age=0", "s-maxage=60"} <= cache_control(response), url
        assert not response.cookies, url
        vary = response.get("Vary", "").lower()
        assert "cookie" not in vary and "accept-language" not in vary, url
        assert "site" in page_keys(response), url


def test_each_page_names_what_it_shows(client, story):
    other = ArticleFactory(category=story.category)
    tag = story.tags.get()
    author = story.authors.get()
    section = story.category.parent
    home = page_keys(client.get("/"))
    assert {"home-en", f"a{story.pk}", f"a{other.pk}"} <= home
    assert {f"c{section.pk}-en", f"a{story.pk}"} <= page_keys(client.get("/news/"))
    article = page_keys(client.get(story.get_absolute_url()))
    assert {f"a{story.pk}", f"p{story.pk}", f"a{other.pk}", f"c{section.pk}-en",
            f"t{tag.pk}-en"} <= article  # fmt: skip
    assert f"p{other.pk}" not in article
    assert f"t{tag.pk}-en" in page_keys(client.get(f"/tag/{tag.slug}/"))
    assert f"u{author.pk}-en" in page_keys(client.get(f"/author/{author.pk}/", follow=True))
    assert "feed-en" in page_keys(client.get("/feeds/rss/"))


def test_german_pages_are_public_and_keyed_to_their_edition(client):
    story = ArticleFactory(language="de")
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert "public" in cache_control(response)
    assert "accept-language" not in response.get("Vary", "").lower()
    assert "home-de" in page_keys(client.get("/de/"))


def test_a_logged_in_reader_gets_private_no_store_pages(client, story):
    client.force_login(UserFactory())
    for url in ["/", story.get_absolute_url(), "/news/"]:
        response = client.get(url)
        assert {"private", "no-store"} <= cache_control(response), url
        assert "xkey" not in response


def test_a_reader_with_a_cookie_of_their_own_gets_a_private_page(client, story):
    client.cookies["comment_voter"] = "a guest voter's key"
    response = client.get(story.get_absolute_url())
    assert {"private", "no-store"} <= cache_control(response)
    assert "xkey" not in response


def test_search_results_and_the_form_token_are_never_public(client, story):
    assert "public" not in cache_control(client.get("/search/?q=silicon"))
    token = Client().get("/form-token/")
    assert "no-store" in token["Cache-Control"] and "xkey" not in token


def test_a_scheduled_article_caps_how_long_pages_are_kept(client):
    ArticleFactory(published_at=timezone.now() + timezone.timedelta(seconds=30))
    response = client.get("/")
    s_maxage = next(p for p in cache_control(response) if p.startswith("s-maxage="))
    assert 0 < int(s_maxage.split("=")[1]) <= 30


def test_with_purges_configured_pages_are_kept_longer(client, settings, story):
    settings.HTTP_CACHE_PURGE_URL = ["http://127.0.0.1:9/"]
    assert "s-maxage=600" in cache_control(client.get("/"))


# ------------------------------------------------------------------------------
# What each change purges
# ------------------------------------------------------------------------------
def test_an_edited_article_purges_its_pages_and_its_lists(purges, story):
    section = story.category.parent
    tag = story.tags.get()
    author = story.authors.get()
    with purges():
        story.title = "Edited"
        story.save()
    assert purges.keys == {
        f"a{story.pk}", "any-article", "sitemap", "home-en", "feed-en",
        f"c{story.category_id}-en", f"c{section.pk}-en", f"t{tag.pk}-en", f"u{author.pk}-en",
    }  # fmt: skip


def test_a_moved_article_purges_the_lists_it_left(purges, story):
    left, section = story.category, story.category.parent
    elsewhere = CategoryFactory(name="Reviews", slug="reviews")
    with purges():
        story.category = elsewhere
        story.save()
    assert {f"c{elsewhere.pk}-en", f"c{left.pk}-en", f"c{section.pk}-en"} <= purges.keys


def test_unpublishing_purges_every_page_that_shows_the_article(purges, story):
    with purges():
        story.status = ArticleStatus.UNPUBLISHED
        story.save()
    assert {f"a{story.pk}", "home-en"} <= purges.keys


def test_a_comment_or_a_vote_purges_only_the_article_page(purges, story):
    with purges():
        comment = CommentFactory(article=story)
    assert purges.keys == {f"p{story.pk}"}
    purges.clear()
    with purges():
        comment_services.comment_vote(
            comment=comment, voter=Voter(user_id=UserFactory().pk), value=1, ip_address="::1"
        )
    assert purges.keys == {f"p{story.pk}"}
    purges.clear()
    with purges():
        comment.delete()
    assert purges.keys == {f"p{story.pk}"}


def test_a_new_tag_purges_the_articles_pages_and_the_tags_list(purges, story):
    with purges():
        story.tags.add("fresh")
    fresh = story.tags.get(name="fresh")
    assert {f"a{story.pk}", f"t{fresh.pk}-en"} <= purges.keys


def test_a_renamed_category_purges_every_page(purges, story):
    with purges():
        story.category.name = "Renamed"
        story.category.save()
    assert "site" in purges.keys


def test_a_renamed_author_purges_every_page_but_a_login_or_a_reader_purges_nothing(
    purges, story, client
):
    author = story.authors.get()
    with purges():
        author.first_name = "Grace"
        author.save()
    assert "site" in purges.keys

    purges.clear()
    reader = UserFactory(first_name="Only", last_name="Reads")
    with purges():
        client.force_login(author)
        reader.first_name = "Still"
        reader.save()
    assert purges.keys == set()


def test_no_purges_are_sent_unless_configured(settings, monkeypatch, story):
    settings.HTTP_CACHE_PURGE_URL = []
    monkeypatch.setattr(http_cache, "send_purge", lambda found: pytest.fail("sent"))
    story.save()


def test_a_cache_in_front_that_does_not_answer_is_logged_and_nothing_fails(
    settings, caplog, django_capture_on_commit_callbacks, client, story
):
    from tests.newsroom.servers import free_port

    client.force_login(UserFactory())
    settings.HTTP_CACHE_PURGE_URL = [f"http://127.0.0.1:{free_port()}/"]
    comment = CommentFactory(article=story)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/comments/{comment.pk}/vote/", {"value": "up"})
    assert response.status_code in (302, 303)
    assert "HTTP cache purge" in caplog.text
    assert http_cache.send_purge(["x"]) is False


def test_bulk_writes_hold_their_purges_and_purge_the_whole_site_once(
    purges, story, django_capture_on_commit_callbacks
):
    from django.core.cache import cache
    from django.db import transaction

    from comments.services import notifications_suppressed
    from reader.cache import GENERATION_KEY, current_generation, purges_held

    before = current_generation()
    # As an import does it: no mails either, and one transaction.
    with (
        django_capture_on_commit_callbacks(execute=True),
        purges_held(),
        notifications_suppressed(),
        django_capture_on_commit_callbacks() as per_row,
        transaction.atomic(),
    ):
        for number in range(20):
            ArticleFactory(category=story.category, title=f"Bulk {number}")
            CommentFactory(article=story)
    # An import of thousands of rows in one transaction piles up no callback per row.
    assert per_row == []
    assert purges.keys == {"site"}
    assert cache.get(GENERATION_KEY)[0] != before
