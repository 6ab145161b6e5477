import pytest
from django.urls import reverse

from articles.models import Article, ArticleImage, Category, Source, Tag
from tests.articles.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def admin_urls(obj):
    meta = obj._meta
    prefix = f"admin:{meta.app_label}_{meta.model_name}"
    return [
        reverse(f"{prefix}_changelist"),
        reverse(f"{prefix}_add"),
        reverse(f"{prefix}_change", args=[obj.pk]),
    ]


@pytest.fixture
def one_of_each():
    image = ArticleImageFactory()
    return [image.article.category, image.article, image, SourceFactory(article=image.article)]


@pytest.mark.parametrize("model", [Category, Article])
def test_admin_pages_answer_staff_and_redirect_anonymous_readers(client, admin_user, model):
    ArticleImageFactory()
    obj = model.objects.first()
    for url in admin_urls(obj):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    client.force_login(admin_user)
    for url in admin_urls(obj):
        assert client.get(url).status_code == 200, url


def test_sources_and_images_are_edited_inline_on_the_article(staff_client, one_of_each):
    _, article, image, source = one_of_each
    page = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    html = page.content.decode()
    assert 'name="sources-0-name"' in html
    assert 'name="images-0-alt"' in html
    # The editor sees where to put each image into the body.
    assert f"[[image:{image.image_id}]]" in html
    assert source.name in html


def test_article_changelist_query_count_does_not_grow_with_rows(
    staff_client, django_assert_max_num_queries, django_assert_num_queries
):
    category = CategoryFactory()
    authors = [UserFactory(), UserFactory()]
    ArticleFactory.create_batch(10, category=category, authors=authors)
    url = reverse("admin:articles_article_changelist")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ten:
        assert staff_client.get(url).status_code == 200
    ArticleFactory.create_batch(90, category=category, authors=authors)
    with CaptureQueriesContext(connection) as hundred:
        response = staff_client.get(url)
    assert response.status_code == 200
    assert "100 articles" in response.content.decode()
    assert len(hundred) == len(ten)


def test_category_changelist_query_count_does_not_grow_with_rows(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    root = CategoryFactory()
    CategoryFactory.create_batch(3, parent=root)
    url = reverse("admin:articles_category_changelist")
    with CaptureQueriesContext(connection) as few:
        assert staff_client.get(url).status_code == 200
    CategoryFactory.create_batch(30, parent=root)
    with CaptureQueriesContext(connection) as many:
        assert staff_client.get(url).status_code == 200
    assert len(many) == len(few)


def test_category_filter_includes_articles_of_subcategories(staff_client):
    news = CategoryFactory(name="News")
    it = CategoryFactory(name="IT", parent=news)
    ArticleFactory(category=it, title="Deep story")
    ArticleFactory(title="Elsewhere story")
    response = staff_client.get(
        reverse("admin:articles_article_changelist"), {"category": str(news.pk)}
    )
    html = response.content.decode()
    assert "Deep story" in html
    assert "Elsewhere story" not in html


def test_a_category_filter_value_that_is_not_a_number_shows_nothing_not_an_error(staff_client):
    ArticleFactory(title="Some story")
    response = staff_client.get(reverse("admin:articles_article_changelist"), {"category": "x"})
    assert response.status_code == 200
    assert "Some story" not in response.content.decode()


def test_moving_a_category_by_drag_and_drop_moves_its_subtree_and_article_urls(staff_client):
    news = CategoryFactory(name="News", slug="news")
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    phones = CategoryFactory(name="Phones", slug="phones", parent=news)
    budget = CategoryFactory(name="Budget", slug="budget", parent=phones)
    article = ArticleFactory(category=budget, slug="cheap-phone")
    old_url = article.get_absolute_url()
    assert old_url == "/news/phones/budget/cheap-phone/"

    response = staff_client.post(
        reverse("admin:articles_category_changelist"),
        {"cmd": "move_node", "cut_item": phones.pk, "pasted_on": reviews.pk,
         "position": "last-child"},
    )  # fmt: skip
    assert response.status_code == 200

    budget.refresh_from_db()
    assert budget.get_ancestors().first() == reviews
    article.refresh_from_db()
    assert article.get_absolute_url() == "/reviews/phones/budget/cheap-phone/"
    assert staff_client.get(article.get_absolute_url()).status_code == 200
    # Old links keep working.
    old = staff_client.get(old_url)
    assert old.status_code == 301
    assert old["Location"] == "/reviews/phones/budget/cheap-phone/"


def test_tag_suggestions_offer_existing_tags_to_staff_only(client, admin_user):
    Tag.objects.create(name="smartphones")
    Tag.objects.create(name="security")
    url = reverse("admin:articles_article_tag_suggestions")
    assert client.get(url, {"q": "sm"}).status_code == 302
    client.force_login(admin_user)
    assert client.get(url, {"q": "sm"}).json() == {"results": ["smartphones"]}
    assert client.get(url, {"q": ""}).json() == {"results": []}


def test_staff_without_article_permission_gets_no_tag_suggestions(client):
    user = UserFactory(is_staff=True)
    client.force_login(user)
    Tag.objects.create(name="smartphones")
    response = client.get(reverse("admin:articles_article_tag_suggestions"), {"q": "s"})
    assert response.status_code == 403


def test_source_model_is_edited_only_through_articles(one_of_each):
    from django.contrib import admin

    assert Source not in admin.site._registry
    assert ArticleImage not in admin.site._registry
