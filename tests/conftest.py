import shutil

import pytest
from django.core.cache import cache
from hypothesis import settings

# Property-based tests (tests/newsroom/test_hostile_input.py): a few dozen examples each in
# the suite; `pytest --hypothesis-profile=thorough` tries many more when hunting.
settings.register_profile("suite", max_examples=40)
settings.register_profile("thorough", max_examples=500)
settings.load_profile("suite")


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
