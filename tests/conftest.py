import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.dispatch import receiver
from django.test import override_settings
from django.test.signals import setting_changed
from django.urls import clear_url_caches
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tests.newsletter.smtp import LoopbackSMTP

# The suite runs in one process, on local memory: the query budgets then count a page's
# own queries, not the database cache's, and tests without a database may use the cache.
# The shared backends, in several processes, are tested in tests/core/test_cache_backends.py
# and tests/newsroom/test_multiprocess.py; core.E001 (a per-process cache) is theirs too.
ONE_PROCESS = override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    },
    SILENCED_SYSTEM_CHECKS=["core.E001"],
)


@pytest.fixture(scope="session", autouse=True)
def _one_process_cache():
    with ONE_PROCESS:
        yield


# Property-based tests (tests/newsroom/test_hostile_input.py): a few dozen examples each in
# the suite; `pytest --hypothesis-profile=thorough` tries many more when hunting.
hypothesis_settings.register_profile("suite", max_examples=40)
hypothesis_settings.register_profile("thorough", max_examples=500)
hypothesis_settings.load_profile("suite")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Uploads of each test go to a throwaway folder."""
    media = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = str(media)
    yield
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Every cache, imagekit's too: each test's uploads go to a folder of its own, where
    # a rendition remembered from another test's folder is not.
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback that Django's SMTP backend delivers to."""
    server = LoopbackSMTP()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _default_edition():
    """Each test starts in the default edition: a request to /de/… activates German for
    the rest of the thread, as it would for the rest of a worker's request."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@receiver(setting_changed)
def _forget_reversed_urls_of_another_default_language(*, setting, **kwargs):
    # The resolver keeps the URLs it reversed per language, prefix included: with
    # another LANGUAGE_CODE, the editions that have a prefix are others.
    if setting in ("LANGUAGE_CODE", "LANGUAGES"):
        clear_url_caches()
