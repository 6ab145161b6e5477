import pytest
from django.core.management import call_command
from reversion.models import Version

from articles.models import Article, ArticleDailyViews, ArticleImage, Category, Source

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "categories": list(Category.objects.order_by("pk").values_list("path", "lft", "rght")),
        "articles": list(
            Article.objects.order_by("pk").values_list("slug", "body", "published_at", "updated_at")
        ),
        "images": list(
            ArticleImage.objects.order_by("pk").values_list("image__file", "image__width")
        ),
        "sources": Source.objects.count(),
        "views": list(ArticleDailyViews.objects.order_by("pk").values_list("day", "views")),
        "revisions": Version.objects.count(),
        "read_also": list(Article.read_also.through.objects.order_by("pk").values_list("pk")),
    }


def test_seed_demo_builds_a_believable_site_and_a_second_run_changes_nothing(demo):
    first = snapshot()

    assert Category.objects.filter(level=2).exists(), "a three-level category tree"
    published = Article.objects.published()
    assert published.count() >= 40
    for article in published.prefetch_related("images", "sources", "tags", "read_also"):
        images = list(article.images.all())
        assert 1 <= len(images) <= 3
        for image in images:
            assert image.alt and image.width and image.height
            assert image.placeholder in article.body
        assert any(source.kind == "based_on" for source in article.sources.all())
        assert article.tags.exists()
        assert article.read_also.exists()
        assert article.authors.exists()
        assert article.featured_image_width and article.featured_image_height
    # Every article, the German draft too.
    assert Version.objects.get_for_model(Article).count() == Article.objects.count()
    assert ArticleDailyViews.objects.exists(), "popular now has reads to show"
    assert published.dates("published_at", "month").count() >= 3, "spread over months"

    call_command("seed_demo")
    assert snapshot() == first


def test_seed_demo_if_empty_leaves_an_existing_site_alone(demo):
    Article.objects.first().delete()
    count = Article.objects.count()
    call_command("seed_demo", "--if-empty")
    assert Article.objects.count() == count
