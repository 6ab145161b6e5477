from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from articles.models import ArticleDailyViews
from reader import popularity
from tests.articles.factories import ArticleDailyViewsFactory, ArticleFactory
from tests.reader.helpers import cache_calls

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/129.0 Safari/537.36"


@pytest.fixture(autouse=True)
def _no_opportunistic_flush():
    """Requests flush now and then; these tests flush when they choose."""
    cache.set(popularity.FLUSH_DUE_KEY, 1, timeout=3600)


def read(client, article, *, agent=FIREFOX, ip="203.0.113.7"):
    response = client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent, REMOTE_ADDR=ip)
    assert response.status_code == 200
    return response


def stored_views(article) -> int:
    return sum(ArticleDailyViews.objects.filter(article=article).values_list("views", flat=True))


def test_a_read_costs_no_database_write_and_is_counted_once_per_reader_per_day(
    client, django_assert_num_queries
):
    article = ArticleFactory()
    read(client, article)  # fills the page cache
    with django_assert_num_queries(0):
        read(client, article, ip="203.0.113.8")  # another reader, served from the cache
        read(client, article, ip="203.0.113.8")  # the same reader again
    read(client, article, agent=CHROME, ip="203.0.113.8")  # another browser on that address
    assert popularity.pending_views(timezone.localdate()) == {article.pk: 3}
    assert stored_views(article) == 0

    assert popularity.flush_views() == 3
    assert stored_views(article) == 3
    assert popularity.pending_views(timezone.localdate()) == {}


def test_a_returning_readers_cached_page_costs_one_cache_read_and_no_write(client):
    article = ArticleFactory()
    read(client, article)  # fills the page cache and counts this reader
    with cache_calls() as calls:
        response = read(client, article)
    assert response["X-Reader-Cache"] == "hit"
    assert calls == ["get_many"]
    popularity.flush_views()
    assert stored_views(article) == 1


def test_the_same_reader_counts_again_the_next_day(client):
    article = ArticleFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        read(client, article)
        traveller.shift(timedelta(days=1))
        read(client, article)
        popularity.flush_views()
    rows = ArticleDailyViews.objects.filter(article=article).order_by("day")
    assert [row.views for row in rows] == [1, 1]


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
    ],
)
def test_bots_and_scripts_are_not_readers(client, agent):
    article = ArticleFactory()
    read(client, article, agent=agent)
    assert popularity.pending_views(timezone.localdate()) == {}


def test_staff_reads_and_previews_are_not_counted(client, admin_user):
    article = ArticleFactory()
    draft = ArticleFactory(draft=True)
    client.force_login(admin_user)
    read(client, article)
    read(client, draft)
    assert popularity.pending_views(timezone.localdate()) == {}


def test_signed_in_readers_are_counted_by_account(client, django_user_model):
    article = ArticleFactory()
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    read(client, article, ip="198.51.100.1")
    read(client, article, ip="198.51.100.2")  # the same person on another network
    assert popularity.pending_views(timezone.localdate()) == {article.pk: 1}


def test_behind_a_proxy_each_real_address_is_one_reader_whatever_comes_before_it(client, settings):
    settings.CLIENT_IP_PROXY_COUNT = 1
    article = ArticleFactory()
    url = article.get_absolute_url()
    for n in range(10):
        # The client wrote the first entry; our proxy appended the address it saw.
        forwarded = f"10.0.{n}.1, 203.0.113.7"
        client.get(url, HTTP_USER_AGENT=FIREFOX, HTTP_X_FORWARDED_FOR=forwarded)
    client.get(url, HTTP_USER_AGENT=FIREFOX, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert popularity.pending_views(timezone.localdate()) == {article.pk: 2}


def test_flushing_adds_to_existing_counts_and_keeps_reads_that_arrive_meanwhile(client):
    article = ArticleFactory()
    ArticleDailyViewsFactory(article=article, views=10)
    read(client, article, ip="192.0.2.1")
    read(client, article, ip="192.0.2.2")
    today = timezone.localdate()
    pending = popularity.pending_views(today)
    # Simulate a read landing between the flush's read of the buffer and its subtraction.
    original = popularity.pending_views

    def pending_then_a_read(day):
        result = original(day)
        if day == today:
            read(client, article, ip="192.0.2.3")
        return result

    popularity.pending_views = pending_then_a_read
    try:
        assert popularity.flush_views() == pending[article.pk] == 2
    finally:
        popularity.pending_views = original
    assert stored_views(article) == 12
    assert popularity.pending_views(today) == {article.pk: 1}


def test_requests_flush_the_buffer_now_and_then(client, settings):
    cache.delete(popularity.FLUSH_DUE_KEY)
    article = ArticleFactory()
    read(client, article, ip="192.0.2.10")  # first read: due, so it flushes at once
    read(client, article, ip="192.0.2.11")  # within the interval: buffered
    assert stored_views(article) == 1
    assert popularity.pending_views(timezone.localdate()) == {article.pk: 1}


def test_the_management_command_flushes(client):
    article = ArticleFactory()
    read(client, article)
    call_command("flush_popular_views")
    assert stored_views(article) == 1


def test_a_deleted_article_is_dropped_from_the_buffer(client):
    article = ArticleFactory()
    read(client, article)
    article.delete()
    assert popularity.flush_views() == 0
    assert popularity.pending_views(timezone.localdate()) == {}


def test_popular_now_shows_flushed_reads_and_respects_the_window(client, settings):
    settings.READER_POPULAR_DAYS = 2
    today = timezone.localdate()
    recent = ArticleFactory(title="Read yesterday")
    ArticleDailyViewsFactory(article=recent, day=today - timedelta(days=1), views=5)
    old = ArticleFactory(title="Read three days ago")
    ArticleDailyViewsFactory(article=old, day=today - timedelta(days=2), views=50)
    page = client.get("/").content.decode()
    popular = page.split('class="popular"')[1]
    assert "Read yesterday" in popular and "Read three days ago" not in popular
