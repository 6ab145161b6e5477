import pytest
from django.conf import settings
from django.core.cache import cache as django_cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.test import Client

from articles.models import ArticleStatus
from reader import cache as page_cache
from tests.articles.factories import ArticleFactory, ArticleImageFactory, SourceFactory

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"}


def test_an_anonymous_reader_gets_the_page_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    article = ArticleFactory()
    first = client.get(article.get_absolute_url())
    assert first["X-Reader-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(article.get_absolute_url())
    assert second["X-Reader-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # Nothing of one reader's: a cache in front may keep it (tests/reader/test_http_cache.py).
    assert not second.cookies
    assert 'name="csrfmiddlewaretoken" value=""' in second.content.decode()
    assert second["Cache-Control"].startswith("public")


def test_saving_an_article_purges_every_page_that_may_list_it(client):
    article = ArticleFactory(title="Before")
    neighbour = ArticleFactory(category=article.category, title="Neighbour")
    client.get("/"), client.get(neighbour.get_absolute_url())
    article.title = "After"
    article.save()
    assert "After" in client.get("/").content.decode()
    assert "After" in client.get(neighbour.get_absolute_url()).content.decode()


def test_unpublishing_an_article_removes_it_from_cached_pages_at_once(client):
    article = ArticleFactory(title="Soon withdrawn")
    assert "Soon withdrawn" in client.get("/").content.decode()
    article.status = ArticleStatus.UNPUBLISHED
    article.save()
    assert "Soon withdrawn" not in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_new_source_or_image_purges_only_that_article(client):
    article = ArticleFactory()
    other = ArticleFactory()
    client.get(article.get_absolute_url()), client.get(other.get_absolute_url())
    SourceFactory(article=article, name="Fresh Outlet")
    assert "Fresh Outlet" in client.get(article.get_absolute_url()).content.decode()
    assert client.get(other.get_absolute_url())["X-Reader-Cache"] == "hit"
    image = ArticleImageFactory(article=article)
    assert client.get(article.get_absolute_url())["X-Reader-Cache"] == "miss"
    image.delete()
    assert client.get(article.get_absolute_url())["X-Reader-Cache"] == "miss"


def test_purge_article_is_what_other_apps_call_when_their_part_of_the_page_changes(client):
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Reader-Cache"] == "hit"
    page_cache.purge_article(article.pk)
    assert client.get(article.get_absolute_url())["X-Reader-Cache"] == "miss"
    page_cache.purge_article(999_999)  # a deleted article: nothing to do, no error


def test_editing_tags_or_authors_purges_pages(client):
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    article.tags.add("breaking")
    assert "breaking" in client.get(article.get_absolute_url()).content.decode()


def test_query_strings_and_session_cookies_bypass_the_cache(client, admin_user):
    article = ArticleFactory()
    url = article.get_absolute_url()
    client.get(url)
    assert "X-Reader-Cache" not in client.get(url + "?utm_source=x")
    client.cookies["messages"] = "something for this reader only"
    assert "X-Reader-Cache" not in client.get(url)
    del client.cookies["messages"]
    client.force_login(admin_user)
    response = client.get(url)
    assert "X-Reader-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_a_staff_preview_is_never_stored_for_readers(client, admin_user):
    draft = ArticleFactory(draft=True, title="Embargoed")
    client.force_login(admin_user)
    assert "Embargoed" in client.get(draft.get_absolute_url()).content.decode()
    client.logout()
    client.cookies.clear()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_page_cache_can_be_turned_off(client, settings):
    settings.READER_PAGE_CACHE_SECONDS = 0
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    assert "X-Reader-Cache" not in client.get(article.get_absolute_url())


@pytest.mark.urls("tests.reader.cached_form_urls")
def test_a_form_on_a_cached_page_carries_no_token_and_posts_with_the_fetched_one():
    """Forms on reader pages write {% form_token %}: empty for readers without a cookie of
    their own, so that every reader gets the same page and no cookie; the token comes
    from the form-token address (static/js/form-token.js), and the form posts with it."""
    readers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    responses = [reader.get("/token-form/", **BROWSER) for reader in readers]
    assert [r["X-Reader-Cache"] for r in responses] == ["miss", "hit"]
    for reader, response in zip(readers, responses, strict=True):
        assert 'name="csrfmiddlewaretoken" value=""' in response.content.decode()
        assert not response.cookies
        token = reader.get("/form-token/").json()["token"]
        secret = reader.cookies[settings.CSRF_COOKIE_NAME].value
        assert _unmask_cipher_token(token) == secret
        assert reader.post("/token-form/", {"csrfmiddlewaretoken": token}).status_code == 200
    assert readers[0].cookies["csrftoken"].value != readers[1].cookies["csrftoken"].value


@pytest.mark.urls("tests.reader.cached_form_urls")
@pytest.mark.parametrize(
    "url",
    [
        "/form/",  # Django's {% csrf_token %}: the reader's own token
        "/script/",  # the token in a script, no form
        "/form-and-script/",  # a form and the token in a script: the first reader's would leak
        "/form-and-attribute/",
        "/secret/",  # the unmasked secret
        "/session/",  # a message stored in the session
        "/cookie/",
        "/plain/",  # a view that did not opt in with @reader_page
    ],
)
def test_a_page_holding_anything_of_one_readers_is_never_stored(url):
    first, second = Client(), Client()
    first_page = first.get(url, **BROWSER)
    second_page = second.get(url, **BROWSER)
    assert "X-Reader-Cache" not in first_page
    assert "X-Reader-Cache" not in second_page
    if "csrftoken" in first.cookies and "csrftoken" in second.cookies:
        # Each reader's page carries that reader's token, never the other's.
        secret = first.cookies["csrftoken"].value
        assert secret not in second_page.content.decode()


def test_the_reason_a_page_is_not_stored_is_named(rf):
    request = rf.get("/")
    response = page_cache.reader_page(
        lambda request: HttpResponse(f"<script>{get_token(request)}</script>")
    )(request)
    assert page_cache.unstorable_reason(request, response) == (
        "uses the reader's CSRF token (reader pages write {% form_token %})"
    )


def test_a_scheduled_article_shows_up_in_cached_lists_the_moment_it_goes_live(client):
    import time_machine
    from django.utils import timezone

    go_live = timezone.now().replace(microsecond=0) + timezone.timedelta(hours=2)
    ArticleFactory(title="Embargo lifts", published_at=go_live)
    with time_machine.travel(go_live - timezone.timedelta(seconds=1), tick=False):
        assert "Embargo lifts" not in client.get("/").content.decode()
        assert client.get("/")["X-Reader-Cache"] == "hit"
    with time_machine.travel(go_live, tick=False):
        assert "Embargo lifts" in client.get("/").content.decode()


def test_a_request_reads_the_generation_once_and_sees_its_own_purge(rf):
    """The generation is remembered for one request only (reader/cache.py): another
    process's purge shows in the next request, this request's own purge at once."""
    seen = []

    def view(request):
        seen.append(page_cache.current_generation())
        # Another process starts a new generation: this request carries on with its own.
        django_cache.set(page_cache.GENERATION_KEY, ("from-elsewhere", None), timeout=None)
        seen.append(page_cache.current_generation())
        page_cache.purge_site()  # a write in this request: its lists are stale at once
        seen.append(page_cache.current_generation())
        return HttpResponse("ok")

    middleware = page_cache.ReaderPageCacheMiddleware(view)
    middleware(rf.post("/somewhere/"))
    assert seen[0] == seen[1] != seen[2]
    django_cache.set(page_cache.GENERATION_KEY, ("from-elsewhere", None), timeout=None)
    # Outside a request, and in the next one, nothing is remembered.
    assert page_cache.current_generation() == "from-elsewhere"
    seen.clear()
    middleware(rf.get("/somewhere/"))
    assert seen[0] == "from-elsewhere"
