"""Fixtures of the demo's tests. `demo`: the demo seeded once for each test module that
asks for it: seeding takes a while, so it is built once and committed, each test runs
in a transaction on top of it, and the demo is removed after the module's last test."""

import shutil
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings
from reversion.models import Revision

from articles.models import Article, ArticleDailyViews, Category, Image, Tag
from comments.models import Comment
from demo import content
from tests.comments.conftest import *  # noqa: F403 - the comment fixtures these tests share


@pytest.fixture(scope="module")
def _demo_media(tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    yield media
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(scope="module")
def _seeded(django_db_setup, django_db_blocker, _demo_media):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(_demo_media)):
        call_command("seed_demo", stdout=StringIO())
        yield
        Comment.objects.all().delete()
        Article.objects.all().delete()
        Image.objects.all().delete()
        Category.objects.all().delete()
        Tag.objects.all().delete()
        ArticleDailyViews.objects.all().delete()
        Revision.objects.all().delete()
        get_user_model().objects.filter(
            username__in=[username for username, *_names in content.AUTHORS]
        ).delete()


@pytest.fixture
def demo(_seeded, db, settings, _demo_media):
    # The demo's images stay where the module's demo put them (tests/conftest.py gives
    # every other test a folder of its own).
    settings.MEDIA_ROOT = str(_demo_media)
    caches["default"].clear()
