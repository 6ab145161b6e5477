"""The migration to the image library keeps what readers see: each image of an article
becomes a library image with the same id, so the body's [[image:N]] still names it, and
the article page shows the same figure."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.models import Article, ArticleImage, Image
from reader.rendering import render_body
from reader.selectors import article_page_queryset
from tests.images import image_bytes

BEFORE = [("articles", "0009_reader_search_sqlite")]


def latest():
    """Every app's newest migration: later tests share this database and need all of
    them, not only the image library's (later migrations may follow it)."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_existing_images_and_placeholders_survive_the_migration_as_library_images():
    old = migrate(BEFORE)
    try:
        category = old.get_model("articles", "Category").objects.create(
            name="Tech", slug="tech", path="tech", lft=1, rght=2, tree_id=1, level=0
        )
        article = old.get_model("articles", "Article").objects.create(
            title="Chips", slug="chips", category=category, lead="Lead.", status="published",
            language="en", published_at=timezone.now(),
        )  # fmt: skip
        name = default_storage.save(
            "articles/2026/12/wafer.jpg", ContentFile(image_bytes(1600, 900))
        )
        OldImage = old.get_model("articles", "ArticleImage")
        OldImage.objects.create(article=article, image="articles/2026/12/skip.jpg", width=10,
                                height=10, alt="Skipped", order=5)  # fmt: skip
        kept = OldImage.objects.create(article=article, image=name, width=1600, height=900,
                                       alt="A wafer", caption="Close up", credit="AP")  # fmt: skip
        body = f"<p>Intro.</p><p>[[image:{kept.pk}]]</p>"
        old.get_model("articles", "Article").objects.filter(pk=article.pk).update(body=body)
    finally:
        migrate(latest())

    image = Image.objects.get(pk=kept.pk)
    assert (image.file.name, image.width, image.height) == (name, 1600, 900)
    assert (image.alt, image.caption, image.credit) == ("A wafer", "Close up", "AP")
    placed = ArticleImage.objects.get(pk=kept.pk)
    assert (placed.image_id, placed.alt, placed.caption, placed.credit) == (
        kept.pk, "A wafer", "Close up", "AP",
    )  # fmt: skip
    story = article_page_queryset(preview=True).get(pk=article.pk)
    assert Article.objects.get(pk=article.pk).body == body
    html = render_body(story)
    assert '<figure class="figure">' in html
    assert f'src="{image.rendition_480.url}"' in html
    assert 'width="1600" height="900" alt="A wafer"' in html
    assert "Close up" in html and "Image: AP" in html
    # New uploads get ids of their own, after the ones the migration gave out.
    fresh = Image.objects.create(file=name, alt="New")
    assert fresh.pk > kept.pk
