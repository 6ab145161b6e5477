"""Signed preview links: a draft shown to someone without an account, never cached."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.preview import preview_token, preview_url
from tests.articles.factories import ArticleFactory, ArticleImageFactory, SourceFactory
from tests.articles.roles import make_author

pytestmark = pytest.mark.django_db


def test_the_admin_page_of_a_draft_shows_a_preview_link_that_works_without_login(client):
    author = make_author()
    article = ArticleFactory(draft=True, authors=[author], title="Secret scoop")
    client.force_login(author)
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    link = re.search(r'value="(http://[^"]+/preview/[^"]+/)"', html).group(1)
    path = link.split("127.0.0.1:8000", 1)[1]

    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Secret scoop" in page
    assert "Preview: readers cannot see this article yet." in page
    # The reader URL itself stays closed to anonymous readers.
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_preview_is_never_cached_or_indexed(client):
    article = ArticleFactory(draft=True)
    response = client.get(preview_url(article))
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_scheduled_article_can_be_previewed_before_its_time(client):
    article = ArticleFactory(published_at=timezone.now() + timedelta(days=1), title="Embargo")
    response = client.get(preview_url(article))
    assert response.status_code == 200
    assert response.context["is_preview"] is True


def test_an_expired_link_says_so(client, settings):
    settings.ARTICLES_PREVIEW_LINK_MAX_AGE = 3600
    article = ArticleFactory(draft=True, title="Old draft")
    url = preview_url(article)
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This preview link has expired" in html
    assert "Old draft" not in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("tamper", ["swap-id", "garbage"])
def test_a_tampered_link_shows_nothing(client, tamper):
    secret = ArticleFactory(draft=True, title="Other draft")
    mine = ArticleFactory(draft=True)
    token = preview_token(mine)
    if tamper == "swap-id":
        # The signature of one article's link does not open another.
        token = preview_token(secret).split(":", 1)[0] + ":" + token.split(":", 1)[1]
    else:
        token = "not-a-token"
    response = client.get(reverse("reader:article-preview", kwargs={"token": token}))
    assert response.status_code == 404
    assert "Other draft" not in response.content.decode()
    assert "This preview link is not valid" in response.content.decode()


def test_a_link_to_an_article_since_published_leads_to_its_page(client):
    article = ArticleFactory()
    response = client.get(preview_url(article))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_a_link_to_a_deleted_article_is_not_found(client):
    article = ArticleFactory(draft=True)
    url = preview_url(article)
    article.delete()
    assert client.get(url).status_code == 404


def test_the_preview_page_query_count_does_not_grow_with_images_and_sources(
    client, django_assert_num_queries
):
    article = ArticleFactory(draft=True, body="<p>Text</p>")
    url = preview_url(article)
    client.get(url)  # warm the category tree and other per-process caches

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    ArticleImageFactory.create_batch(3, article=article)
    SourceFactory.create_batch(3, article=article)
    assert count() == few
    # article + category, images, sources, tags, authors (read also, other articles and
    # the published translations are kept since the first request): the article page's
    # own queries, nothing added by the preview.
    with django_assert_num_queries(5):
        client.get(url)
