"""Every absolute link names SITE_URL's host, and the Sites framework's row says the same:
after `migrate`, after a restart with another SITE_URL, in the admin, feeds and mails."""

import importlib
import logging
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, connections
from django.urls import reverse
from lxml import html

from articles.models import Article
from core import public_site
from tests.articles.factories import ArticleFactory
from tests.comments.conftest import form_data

pytestmark = pytest.mark.django_db

PUBLIC = "https://news.example.org:8443"
# Namespaces and schemas that feeds and sitemaps name: not links to this site.
NAMESPACE_HOSTS = {"www.sitemaps.org", "www.w3.org", "www.google.com"}


@pytest.fixture
def moved_site(settings):
    """The site as it runs after a restart with a new SITE_URL and SITE_NAME."""
    settings.SITE_URL = PUBLIC
    settings.SITE_NAME = "The Daily Chip"
    public_site.site_sync()
    return PUBLIC


def current_site() -> Site:
    Site.objects.clear_cache()
    return Site.objects.get_current()


def test_after_migrate_the_site_names_site_url_host_and_site_name():
    # The test database was made by `migrate` with the default SITE_URL.
    site = current_site()
    assert (site.domain, site.name) == ("127.0.0.1:8000", "Newsroom")


def test_migrate_brings_the_site_in_line_with_a_changed_site_url(settings):
    settings.SITE_URL = "https://news.example.org"
    settings.SITE_NAME = "The Daily Chip"
    call_command("migrate", verbosity=0, interactive=False)
    site = current_site()
    assert (site.domain, site.name) == ("news.example.org", "The Daily Chip")


@pytest.mark.parametrize("server", ["newsroom.wsgi", "newsroom.asgi"])
def test_a_server_start_brings_the_site_in_line_with_a_changed_site_url(
    settings, monkeypatch, server
):
    settings.SITE_URL = "https://news.example.org"
    # The module lets go of its connection for forking servers; the test keeps its own.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    importlib.reload(importlib.import_module(server))
    assert current_site().domain == "news.example.org"


def test_a_server_whose_database_is_down_still_starts(monkeypatch, caplog):
    def unreachable(**kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(public_site, "site_sync", unreachable)
    with caplog.at_level(logging.WARNING, logger="core.public_site"):
        public_site.site_sync_at_start()
    assert "SITE_URL" in caplog.text


def test_the_admins_view_on_site_link_opens_the_article_at_site_url(client, admin_user, moved_site):
    article = ArticleFactory()
    client.force_login(admin_user)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    [link] = html.fromstring(page.content).xpath("//a[contains(@class, 'viewsitelink')]/@href")
    assert link == PUBLIC + article.get_absolute_url()


def test_the_admins_redirect_to_an_object_lands_on_site_url_host(client, admin_user, moved_site):
    # Django's contenttypes redirect takes the host from the Sites framework.
    article = ArticleFactory()
    client.force_login(admin_user)
    content_type = ContentType.objects.get_for_model(Article)
    response = client.get(reverse("admin:view_on_site", args=[content_type.pk, article.pk]))
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert (location.netloc, location.path) == ("news.example.org:8443", article.get_absolute_url())


def hosts_named_in(text: str) -> set[str]:
    urls = re.findall(r"https?://[^\s\"'<>]+", text)
    return {urlsplit(url).netloc for url in urls} - NAMESPACE_HOSTS


def test_feeds_sitemaps_and_mails_name_only_site_url_host(client, moved_site):
    article = ArticleFactory(tags=["chips"])
    texts = {
        url: client.get(url).content.decode()
        for url in (
            "/feeds/rss/",
            "/feeds/atom/",
            f"/feeds/rss/{article.category.path}/",
            "/sitemap.xml",
            "/sitemaps/articles.xml",
            "/sitemaps/categories.xml",
            "/sitemaps/tags.xml",
            "/sitemaps/news.xml",
            "/robots.txt",
        )
    }
    client.post(reverse("comments:post"), form_data(article))
    [confirmation] = mail.outbox
    texts["the guest's confirmation mail"] = confirmation.body
    for name, text in texts.items():
        assert hosts_named_in(text) == {"news.example.org:8443"}, name
