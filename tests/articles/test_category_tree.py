import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from articles.models import Article, Category
from reader.selectors import breadcrumbs
from tests.articles.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    news = CategoryFactory(name="News", slug="news")
    it = CategoryFactory(name="IT news", slug="it-news", parent=news)
    security = CategoryFactory(name="Security", slug="security", parent=it)
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    return {"news": news, "it": it, "security": security, "reviews": reviews}


def test_category_url_is_the_path_of_slugs_from_the_root(tree):
    assert tree["news"].get_absolute_url() == "/news/"
    assert tree["security"].get_absolute_url() == "/news/it-news/security/"


def test_article_url_sits_under_its_category_path(tree):
    article = ArticleFactory(category=tree["security"], slug="new-firmware")
    assert article.get_absolute_url() == "/news/it-news/security/new-firmware/"


def test_breadcrumbs_of_a_deep_article_cost_one_query_beyond_the_article(
    tree, django_assert_num_queries
):
    ArticleFactory(category=tree["security"], slug="deep")
    with django_assert_num_queries(1):
        article = Article.objects.select_related("category").get(slug="deep")
    with django_assert_num_queries(1):
        crumbs = breadcrumbs(category=article.category)
    assert [c.name for c in crumbs] == ["News", "IT news", "Security"]
    assert [c.get_absolute_url() for c in crumbs] == [
        "/news/",
        "/news/it-news/",
        "/news/it-news/security/",
    ]


def test_renaming_a_slug_rewrites_the_paths_of_the_whole_subtree(tree):
    news = tree["news"]
    news.slug = "headlines"
    news.save()
    tree["security"].refresh_from_db()
    assert tree["security"].path == "headlines/it-news/security"


def test_slug_must_be_unique_among_siblings_only(tree):
    CategoryFactory(name="Security", slug="security", parent=tree["reviews"])  # other parent: fine
    with pytest.raises(IntegrityError):
        CategoryFactory(name="Security 2", slug="security", parent=tree["it"])


def test_a_top_level_category_cannot_take_a_slug_the_site_uses():
    category = Category(name="Admin", slug="admin")
    with pytest.raises(ValidationError) as excinfo:
        category.full_clean()
    assert "slug_en" in excinfo.value.message_dict


def test_active_excludes_hidden_categories(tree):
    tree["reviews"].is_active = False
    tree["reviews"].save()
    assert set(Category.objects.active()) == {tree["news"], tree["it"], tree["security"]}


def test_a_section_saved_by_an_editor_working_in_german_keeps_its_english_columns():
    # The untranslated columns carry the unique constraints: a German slug stored
    # there would collide with the section whose English slug it is.
    reviews = CategoryFactory(name="Reviews", slug="reviews")
    tests = CategoryFactory(name="Tests", slug="tests")
    tests.slug_de = "pruefungen"
    tests.save()
    with translation.override("de"):
        reviews.slug_de = "tests"
        reviews.name_de = "Tests"
        reviews.save()
    stored = Category.objects.rewrite(False).filter(pk=reviews.pk)
    assert stored.values_list("slug", "path", "path_de").get() == ("reviews", "reviews", "tests")
