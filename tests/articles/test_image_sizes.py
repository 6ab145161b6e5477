"""A library image always knows its size: a page that shows it never opens the file to
measure it, and a file gone from the disk does not fail the page."""

import importlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from articles.models import Image
from tests.images import image_bytes

from .factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_a_file_written_from_bytes_is_measured_when_the_image_is_saved():
    picture = Image(alt="A wafer")
    picture.file.save("wafer.jpg", ContentFile(image_bytes(640, 360)), save=False)
    picture.save()
    # The stored row, not an instance: loading one with empty sizes would measure it.
    stored = Image.objects.filter(pk=picture.pk).values_list("width", "height").get()
    assert stored == (640, 360)


def test_an_image_whose_file_is_gone_still_loads_once_measured():
    picture = ImageFactory()
    default_storage.delete(picture.file.name)
    loaded = Image.objects.get(pk=picture.pk)
    assert (loaded.width, loaded.height) == (1600, 900)


def test_the_migration_measures_images_saved_without_their_sizes_and_skips_lost_files():
    kept, lost = ImageFactory(), ImageFactory()
    default_storage.delete(lost.file.name)
    Image.objects.update(width=None, height=None)
    migration = importlib.import_module("articles.migrations.0015_image_sizes_filled")
    migration.fill_sizes(apps, None)
    sizes = dict(Image.objects.values_list("pk", "width"))
    assert sizes == {kept.pk: 1600, lost.pk: None}
