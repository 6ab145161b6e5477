"""The migration that makes the featured image a library image keeps what readers
see: each article's featured file becomes a library image naming the same stored
file, articles that showed one file share one library image, and the article keeps
its own alt text."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from articles.models import Article, Image
from tests.images import image_bytes

BEFORE = [("articles", "0011_tag_picture")]
AFTER = [("articles", "0012_featured_image_from_library")]


def latest():
    """Every app's newest migration: later tests share this database and need all of
    them (later migrations may follow this one)."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def old_articles(old):
    category = old.get_model("articles", "Category").objects.create(
        name="Tech", slug="tech", path="tech", lft=1, rght=2, tree_id=1, level=0
    )
    OldArticle = old.get_model("articles", "Article")

    def make(slug, **fields):
        return OldArticle.objects.create(
            title=slug.title(), slug=slug, category=category, lead="Lead.",
            status="published", language="en", published_at=timezone.now(), **fields,
        )  # fmt: skip

    return make


@pytest.mark.django_db(transaction=True)
def test_an_existing_featured_image_moves_into_the_library_with_the_same_file():
    old = migrate(BEFORE)
    try:
        make = old_articles(old)
        name = default_storage.save(
            "articles/featured/2026/12/wafer.jpg", ContentFile(image_bytes(1600, 900))
        )
        original = make("chips", featured_image=name, featured_image_alt="A wafer",
                        featured_image_width=1600, featured_image_height=900)  # fmt: skip
        translation = make("chips-de", featured_image=name, featured_image_alt="Ein Wafer",
                           featured_image_width=1600, featured_image_height=900)  # fmt: skip
        bare = make("no-picture")
    finally:
        migrate(latest())

    (image,) = Image.objects.all()
    assert (image.file.name, image.width, image.height, image.alt) == (
        name, 1600, 900, "A wafer",
    )  # fmt: skip
    original, translation = (
        Article.objects.get(pk=original.pk),
        Article.objects.get(pk=translation.pk),
    )
    assert original.featured_image == translation.featured_image == image
    assert (original.featured_alt, translation.featured_alt) == ("A wafer", "Ein Wafer")
    assert Article.objects.get(pk=bare.pk).featured_image is None
    assert default_storage.exists(name)


@pytest.mark.django_db(transaction=True)
def test_the_migration_can_be_reversed_to_featured_files():
    old = migrate(BEFORE)
    try:
        name = default_storage.save(
            "articles/featured/2026/12/fab.jpg", ContentFile(image_bytes(800, 600))
        )
        article = old_articles(old)("fab", featured_image=name, featured_image_width=800,
                                    featured_image_height=600)  # fmt: skip
        migrate(AFTER)
        back = migrate(BEFORE).get_model("articles", "Article").objects.get(pk=article.pk)
        assert (back.featured_image.name, back.featured_image_width) == (name, 800)
        # An untitled alt text in the library falls back to the article's title.
        assert migrate(AFTER).get_model("articles", "Image").objects.get().alt == "Fab"
    finally:
        migrate(latest())
