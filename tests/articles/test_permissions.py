"""Each editorial role against each admin view and action: above all, no path lets
an author publish."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.models import Article, ArticleStatus, Category
from articles.signal_handlers import grant_editorial_group_permissions
from tests.articles.factories import ArticleFactory, CategoryFactory, SourceFactory
from tests.articles.roles import form_data, make_author, make_editor

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def author():
    return make_author()


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


@pytest.fixture
def own_draft(author):
    return ArticleFactory(draft=True, authors=[author], title="My own draft")


def group_codenames(name):
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


# -- the groups ----------------------------------------------------------------------
def test_the_migration_creates_author_and_editor_groups_with_their_permissions():
    author = group_codenames("Author")
    editor = group_codenames("Editor")
    assert {("articles", "add_article"), ("articles", "change_article")} <= author
    assert {("articles", "add_articleimage"), ("articles", "view_category")} <= author
    assert ("articles", "publish_article") not in author
    assert ("articles", "change_category") not in author
    assert ("articles", "delete_article") not in author
    assert {
        ("articles", "publish_article"),
        ("articles", "change_category"),
        ("articles", "delete_article"),
        ("taggit", "change_tag"),
        ("auth", "view_user"),
    } <= editor


def test_permissions_of_an_app_that_gets_models_later_reach_the_editors():
    # What a later model migration of the newsletter app will bring.
    content_type = ContentType.objects.create(app_label="newsletter", model="futuremodel")
    permission = Permission.objects.create(
        content_type=content_type, codename="change_futuremodel", name="Can change future model"
    )
    grant_editorial_group_permissions(sender=apps.get_app_config("newsletter"))
    assert Group.objects.get(name="Editor").permissions.filter(pk=permission.pk).exists()
    assert not Group.objects.get(name="Author").permissions.filter(pk=permission.pk).exists()


# -- author: their own articles only --------------------------------------------------
def test_an_author_lists_only_their_own_articles(author_client, own_draft):
    ArticleFactory(title="Someone else's story")
    html = author_client.get(CHANGELIST).content.decode()
    assert "My own draft" in html
    assert "Someone else&#x27;s story" not in html


def test_an_author_cannot_open_or_change_someone_elses_article(author_client):
    other = ArticleFactory(draft=True, title="Not yours")
    response = author_client.get(change_url(other))
    assert response.status_code == 302  # "does not exist", back to the admin index
    data = {"title": "Hijacked", "slug": other.slug, "category": other.category_id, "lead": "x"}
    author_client.post(change_url(other), data)
    other.refresh_from_db()
    assert other.title == "Not yours"


def test_an_author_edits_their_own_draft(author_client, own_draft):
    page = author_client.get(change_url(own_draft))
    data = form_data(page, "article_form")
    data["title"] = ["A better headline"]
    response = author_client.post(change_url(own_draft), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    own_draft.refresh_from_db()
    assert own_draft.title == "A better headline"


def test_an_author_sees_no_status_publish_time_or_author_fields(author_client, own_draft):
    html = author_client.get(change_url(own_draft)).content.decode()
    for field in ("status", "published_at_0", "authors", "read_also", "allow_comments"):
        assert f'name="{field}"' not in html, field
    # Shown, read-only, so the author knows where the article stands.
    assert "Draft" in html


def test_a_crafted_post_with_status_published_does_not_publish(author_client, own_draft):
    data = form_data(author_client.get(change_url(own_draft)), "article_form")
    data.update(status=["published"], published_at_0=["2024-01-01"], published_at_1=["10:00:00"])
    response = author_client.post(change_url(own_draft), data)
    assert response.status_code == 302
    own_draft.refresh_from_db()
    assert own_draft.status == ArticleStatus.DRAFT
    assert own_draft.published_at is None
    assert not Article.objects.published().exists()


def test_a_crafted_add_with_status_published_creates_a_draft_signed_by_the_author(
    author_client, author
):
    category = CategoryFactory()
    data = form_data(author_client.get(ADD), "article_form")
    data.update(
        title=["Fresh story"], slug=["fresh-story"], category=[str(category.pk)],
        lead=["What happened."], status=["published"],
        published_at_0=["2024-01-01"], published_at_1=["10:00:00"],
    )  # fmt: skip
    response = author_client.post(ADD, data)
    assert response.status_code == 302
    article = Article.objects.get(slug="fresh-story")
    assert article.status == ArticleStatus.DRAFT
    assert article.published_at is None
    assert list(article.authors.all()) == [author]


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_an_author_cannot_publish_or_unpublish_through_the_changelist_actions(
    author_client, author, action
):
    draft = ArticleFactory(draft=True, authors=[author])
    live = ArticleFactory(authors=[author])
    response = author_client.post(
        CHANGELIST, {"action": action, "_selected_action": [draft.pk, live.pk]}, follow=True
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT
    assert live.status == ArticleStatus.PUBLISHED
    # The actions are not even offered.
    page = author_client.get(CHANGELIST).content.decode()
    assert 'value="publish"' not in page
    assert 'value="submit_for_review"' in page


def test_an_authors_published_article_is_read_only_to_them(author_client, author):
    article = ArticleFactory(authors=[author], title="Out already")
    page = author_client.get(change_url(article))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="title"' not in html
    assert 'name="_save"' not in html
    assert "changes to it now go through an editor" in html
    # The body reads as text, not as HTML source.
    assert "<p>First paragraph.</p>" in html
    assert "&lt;p&gt;" not in html
    response = author_client.post(change_url(article), {"title": "Changed after the fact"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Out already"


def test_an_author_cannot_change_sources_of_a_published_article(author_client, author):
    article = ArticleFactory(authors=[author])
    SourceFactory(article=article, name="Original source")
    html = author_client.get(change_url(article)).content.decode()
    assert 'name="sources-0-name"' not in html
    assert "Original source" in html


def test_an_author_cannot_delete_articles(author_client, own_draft):
    url = reverse("admin:articles_article_delete", args=[own_draft.pk])
    assert author_client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=own_draft.pk).exists()


def test_an_author_cannot_touch_categories(author_client):
    category = CategoryFactory(name="News")
    assert author_client.get(reverse("admin:articles_category_add")).status_code == 403
    url = reverse("admin:articles_category_change", args=[category.pk])
    response = author_client.post(url, {"name": "Renamed", "slug": "news"})
    assert response.status_code == 403
    assert Category.objects.get(pk=category.pk).name == "News"
    # They can look categories up, to file a story.
    autocomplete = author_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "category", "term": "Ne"},
    )
    assert [r["text"] for r in autocomplete.json()["results"]] == ["News"]


def test_an_author_cannot_open_the_review_queue(author_client):
    ArticleFactory(status=ArticleStatus.REVIEW, published_at=None)
    url = reverse("admin:articles_articleinreview_changelist")
    assert author_client.get(url).status_code == 403
    response = author_client.post(url, {"action": "publish", "_selected_action": ["1"]})
    assert response.status_code == 403
    assert not Article.objects.published().exists()


def test_an_author_cannot_recover_deleted_articles(author_client):
    assert author_client.get(reverse("admin:articles_article_recoverlist")).status_code == 403


def test_an_author_reverting_to_a_published_revision_does_not_publish(
    author_client, editor_client, author, editor, client
):
    article = ArticleFactory(draft=True, authors=[author])
    # The editor publishes, then takes it down again: the history holds a
    # published version.
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), "article_form")
    data.update(status=["published"], published_at_0=["2024-01-01"], published_at_1=["10:00"])
    assert client.post(change_url(article), data).status_code == 302
    data["status"] = ["unpublished"]
    assert client.post(change_url(article), data).status_code == 302

    from reversion.models import Version

    published_version = next(
        v
        for v in Version.objects.get_for_object(article)
        if v.field_dict["status"] == ArticleStatus.PUBLISHED
    )
    client.force_login(author)
    url = reverse("admin:articles_article_revision", args=[article.pk, published_version.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page, "article_form"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.UNPUBLISHED
    assert not Article.objects.published().exists()


def test_an_author_cannot_take_down_a_published_article_by_reverting(client, author, editor):
    article = ArticleFactory(draft=True, authors=[author])
    client.force_login(author)
    data = form_data(client.get(change_url(article)), "article_form")
    assert client.post(change_url(article), data).status_code == 302  # a draft revision
    client.force_login(editor)
    data = form_data(client.get(change_url(article)), "article_form")
    data.update(status=["published"], published_at_0=["2024-01-01"], published_at_1=["10:00"])
    assert client.post(change_url(article), data).status_code == 302

    from reversion.models import Version

    draft_version = Version.objects.get_for_object(article).last()
    assert draft_version.field_dict["status"] == ArticleStatus.DRAFT
    client.force_login(author)
    url = reverse("admin:articles_article_revision", args=[article.pk, draft_version.pk])
    assert client.post(url, {}).status_code == 403
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED


def test_an_authors_revert_page_shows_the_status_the_revert_keeps(author_client, author):
    from reversion.models import Version

    from articles import services

    article = ArticleFactory(draft=True, authors=[author])
    data = form_data(author_client.get(change_url(article)), "article_form")
    assert author_client.post(change_url(article), data).status_code == 302  # a draft revision
    services.article_submit_for_review(article=article, user=author)
    draft_version = Version.objects.get_for_object(article).last()
    assert draft_version.field_dict["status"] == ArticleStatus.DRAFT

    url = reverse("admin:articles_article_revision", args=[article.pk, draft_version.pk])
    html = author_client.get(url).content.decode()
    assert '<div class="readonly">In review</div>' in html


# -- editor: everything on content ----------------------------------------------------
def test_an_editor_sees_and_changes_every_article(editor_client):
    article = ArticleFactory(title="Anyone's story")
    assert "Anyone&#x27;s story" in editor_client.get(CHANGELIST).content.decode()
    data = form_data(editor_client.get(change_url(article)), "article_form")
    data["status"] = ["unpublished"]
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.UNPUBLISHED


def test_an_editor_publishes_and_unpublishes_through_actions(editor_client):
    draft = ArticleFactory(draft=True)
    editor_client.post(CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.PUBLISHED
    assert draft.is_published
    editor_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == ArticleStatus.UNPUBLISHED


def test_an_editor_manages_categories(editor_client):
    response = editor_client.post(
        # Named per edition; the German name may wait for a translator.
        reverse("admin:articles_category_add"),
        {"name_en": "Science", "slug_en": "science"},
    )
    assert response.status_code == 302
    assert Category.objects.filter(slug="science").exists()


def test_an_editor_is_not_made_an_author_by_editing(editor_client, editor, author):
    article = ArticleFactory(draft=True, authors=[author])
    data = form_data(editor_client.get(change_url(article)), "article_form")
    assert editor_client.post(change_url(article), data).status_code == 302
    assert list(article.authors.all()) == [author]


def test_staff_without_a_role_cannot_see_articles(client):
    from tests.articles.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(reverse("admin:articles_articleinreview_changelist")).status_code == 403


def test_the_editable_filter_agrees_with_can_edit_article_for_every_role_and_status():
    """One rule, two forms: the reader site filters with it, the admin checks with it."""
    from articles.models import published_q
    from articles.permissions import can_edit_article, editable_articles_q
    from tests.articles.factories import UserFactory

    author, other_author, editor = make_author(), make_author(), make_editor()
    member, staff = UserFactory(), UserFactory(is_staff=True)
    articles = []
    for status in ArticleStatus.values:
        for owner in (author, other_author):
            article = ArticleFactory(status=status)
            article.authors.set([owner])
            articles.append(article)
    for user in (author, other_author, editor, member, staff):
        editable = Article.objects.filter(editable_articles_q(user))
        by_filter = set(editable.values_list("pk", flat=True))
        by_rule = {a.pk for a in Article.objects.filter(pk__in=[a.pk for a in articles])
                   .prefetch_related("authors") if can_edit_article(user, a)}  # fmt: skip
        assert by_filter == by_rule, user
        # And combined with "published", as the reader site combines it.
        published = set(Article.objects.published().values_list("pk", flat=True))
        either = Article.objects.filter(published_q() | editable_articles_q(user))
        assert set(either.values_list("pk", flat=True)) == published | by_rule, user
