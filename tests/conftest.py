import shutil

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Uploads of each test go to a throwaway folder."""
    media = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = str(media)
    yield
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client
