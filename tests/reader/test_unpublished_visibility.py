"""Who reads an article before readers do: whoever may change it in the admin (its own
authors while it is theirs to change, editors), with the preview banner and never
cached. Everybody else, staff or not, gets the reader's 404 and no trace of it."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from articles.models import ArticleStatus
from articles.permissions import can_edit_article
from tests.articles.factories import (
    ArticleDailyViewsFactory,
    ArticleFactory,
    ArticleSlugHistoryFactory,
    CategoryFactory,
    UserFactory,
)
from tests.articles.roles import make_author, make_editor

pytestmark = pytest.mark.django_db

SECRET = "Embargoed merger of the chip makers"
BANNER = "Preview: readers cannot see this article yet."


@pytest.fixture
def writer():
    return make_author(first_name="Ada", last_name="Writer")


ROLES = {
    "anonymous": lambda: None,
    "member": lambda: UserFactory(),
    "staff without a role": lambda: UserFactory(is_staff=True),
    "another author": make_author,
    "editor": make_editor,
    "superuser": lambda: UserFactory(is_staff=True, is_superuser=True),
}


class Roles(dict):
    """Every kind of visitor by name, made when first asked for (None: anonymous)."""

    def __init__(self, writer):
        super().__init__({"its own author": writer})

    def __missing__(self, name):
        self[name] = ROLES[name]()
        return self[name]


@pytest.fixture
def roles(writer):
    return Roles(writer)


def visit(client, user, url):
    client.logout()
    client.cookies.clear()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def not_found_page(client, user, category) -> str:
    """What the same visitor gets for an article that does not exist at all (its
    address, which the page repeats in its links, replaced by the draft's)."""
    missing = f"/{category.path}/no-such-story/"
    return without_csrf(visit(client, user, missing).content.decode().replace(missing, "{path}"))


def without_csrf(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", page)


SEES_DRAFT = {"its own author", "editor", "superuser"}


@pytest.mark.parametrize(
    "role",
    ["anonymous", "member", "staff without a role", "another author",
     "its own author", "editor", "superuser"],
)  # fmt: skip
@pytest.mark.parametrize("status", [ArticleStatus.DRAFT, ArticleStatus.REVIEW,
                                    ArticleStatus.UNPUBLISHED])  # fmt: skip
def test_an_unpublished_article_shows_only_to_those_who_may_change_it(
    client, roles, writer, role, status
):
    article = ArticleFactory(status=status, published_at=None, authors=[writer], title=SECRET)
    response = visit(client, roles[role], article.get_absolute_url())
    page = response.content.decode()
    if role in SEES_DRAFT:
        assert response.status_code == 200
        assert SECRET in page and BANNER in page
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control
    else:
        assert response.status_code == 404
        assert SECRET not in page
        # No hint that something is there: the very page a missing article gets.
        missing = not_found_page(client, roles[role], article.category)
        assert without_csrf(page.replace(article.get_absolute_url(), "{path}")) == missing


@pytest.mark.parametrize("role", ["its own author", "another author", "member", "editor"])
def test_a_scheduled_article_shows_only_to_those_who_may_still_change_it(
    client, roles, writer, role
):
    # Once an editor has scheduled it, the article is out of its author's hands in the
    # admin, and so it is on the reader site until its time comes.
    article = ArticleFactory(
        published_at=timezone.now() + timedelta(hours=3), authors=[writer], title=SECRET
    )
    response = visit(client, roles[role], article.get_absolute_url())
    if role == "editor":
        assert response.status_code == 200 and BANNER in response.content.decode()
    else:
        assert response.status_code == 404
        assert SECRET not in response.content.decode()


def test_the_reader_site_asks_the_same_question_as_the_admin(roles, writer):
    # One rule for both: whoever the admin lets change the article reads it early.
    article = ArticleFactory(draft=True, authors=[writer])
    allowed = {name for name in [*ROLES, "its own author"]
               if can_edit_article(roles[name] or AnonymousUser(), article)}  # fmt: skip
    assert allowed == SEES_DRAFT


def test_an_old_url_of_a_draft_does_not_redirect_those_who_may_not_see_it(client, roles, writer):
    article = ArticleFactory(draft=True, authors=[writer], slug="the-new-slug")
    ArticleSlugHistoryFactory(article=article, slug="the-old-slug")
    old_url = f"/{article.category.path}/the-old-slug/"
    response = visit(client, roles["another author"], old_url)
    assert response.status_code == 404
    assert "the-new-slug" not in response.content.decode()
    response = visit(client, roles["its own author"], old_url)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_an_unpublished_page_is_never_served_from_the_page_cache(client, roles, writer):
    article = ArticleFactory(draft=True, authors=[writer], title=SECRET)
    url = article.get_absolute_url()
    assert SECRET in visit(client, writer, url).content.decode()
    for role in ("anonymous", "member", "another author"):
        response = visit(client, roles[role], url)
        assert response.status_code == 404, role
        assert "X-Reader-Cache" not in response or response["X-Reader-Cache"] == "miss"
        assert SECRET not in response.content.decode(), role


# ------------------------------------------------------------------------------
# The whole reader site, walked by those who may not see the draft
# ------------------------------------------------------------------------------
@pytest.fixture
def newsroom_with_a_draft(writer):
    """A draft by `writer`, tied to published articles every way a page can list it:
    same category, shared tag, an editor's "Read also" pick, reads for "Popular now"."""
    section = CategoryFactory(name="Business", slug="business")
    desk = CategoryFactory(name="Chips desk", slug="chips", parent=section)
    out = ArticleFactory(category=desk, authors=[writer], tags=["chips"],
                         title="Chip prices fall again")  # fmt: skip
    draft = ArticleFactory(draft=True, category=desk, authors=[writer], tags=["chips", "merger"],
                           title=SECRET, lead="Two makers of chips are to merge.")  # fmt: skip
    out.read_also.add(draft)
    ArticleSlugHistoryFactory(article=draft, slug="merger-talks")
    ArticleDailyViewsFactory(article=draft, views=500)
    ArticleDailyViewsFactory(article=out, views=5)
    return {"out": out, "draft": draft, "section": section, "desk": desk, "writer": writer}


def reader_urls(site) -> list[str]:
    out, draft, section, desk = site["out"], site["draft"], site["section"], site["desk"]
    return [
        "/",
        section.get_absolute_url(),
        desk.get_absolute_url(),
        out.get_absolute_url(),
        draft.get_absolute_url(),
        f"/{desk.path}/merger-talks/",
        "/tag/chips/",
        "/tag/merger/",
        f"/author/{site['writer'].pk}/",
        "/search/?q=merger",
        "/search/?q=embargoed",
        "/feeds/rss/",
        "/feeds/atom/",
        f"/feeds/rss/{section.path}/",
        f"/feeds/atom/{desk.path}/",
        "/sitemap.xml",
        "/sitemaps/articles.xml",
        "/sitemaps/categories.xml",
        "/sitemaps/tags.xml",
        "/sitemaps/news.xml",
    ]


@pytest.mark.parametrize("role", ["anonymous", "member", "staff without a role",
                                  "another author"])  # fmt: skip
def test_no_reader_page_shows_a_draft_to_those_who_may_not_change_it(
    client, roles, newsroom_with_a_draft, role
):
    user = roles[role]
    for url in reader_urls(newsroom_with_a_draft):
        response = visit(client, user, url)
        if response.status_code in (301, 302):
            response = client.get(response["Location"])
        assert response.status_code in (200, 404), url
        # A 404 page repeats the address asked for in its links; that is no trace.
        page = response.content.decode().replace(url, "")
        for trace in (SECRET, "Two makers of chips", newsroom_with_a_draft["draft"].slug):
            assert trace not in page, (role, url, trace)
