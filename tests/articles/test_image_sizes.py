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


def test_a_page_whose_image_file_is_lost_still_serves_and_names_the_file(client, caplog):
    from tests.articles.factories import ArticleFactory
    from tests.reader.helpers import uncached

    picture = ImageFactory()
    article = ArticleFactory(featured_image=picture, title="A story with a lost picture")
    default_storage.delete(picture.file.name)
    with caplog.at_level("ERROR", logger="reader.rendering"):
        home = client.get(uncached("/"))
        page = client.get(uncached(article.get_absolute_url()))
    assert home.status_code == page.status_code == 200
    assert "A story with a lost picture" in home.content.decode()
    assert picture.file.name in caplog.text


def test_a_rendition_removed_from_the_storage_is_made_again_within_ten_minutes(client, settings):
    import re
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from newsroom import settings as project
    from tests.articles.factories import ArticleFactory
    from tests.reader.helpers import uncached

    # As production has it: imagekit puts 5 minutes in place of "forever" when DEBUG is on.
    settings.IMAGEKIT_CACHE_TIMEOUT = project.IMAGEKIT_CACHE_TIMEOUT
    ArticleFactory(featured_image=ImageFactory(), title="A story with a picture")
    page = client.get(uncached("/")).content.decode()
    src = re.search(r'<img src="([^"]+)"', page).group(1)
    name = src.removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(name)
    default_storage.delete(name)
    with time_machine.travel(timezone.now() + timedelta(minutes=10, seconds=1), tick=False):
        again = client.get(uncached("/")).content.decode()
    assert re.search(r'<img src="([^"]+)"', again).group(1) == src
    assert default_storage.exists(name)
