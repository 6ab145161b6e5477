import pytest
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import empty
from django_comments_xtd.conf import settings as xtd_settings

from comments.forms import CommentForm
from tests.articles.factories import ArticleFactory, UserFactory


@receiver(setting_changed)
def _reload_xtd_settings(setting, **kwargs):
    # xtd copies its settings once; make `settings.COMMENTS_XTD_* = …` in tests reach it.
    if setting.startswith("COMMENT"):
        xtd_settings._wrapped = empty


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The real hasher costs half a second per user; these tests make many.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _roomy_rate_limits(settings):
    # All test requests come from one address; the rate-limit tests set their own.
    settings.COMMENTS_POST_RATE = settings.COMMENTS_VOTE_RATE = "1000/600"


@pytest.fixture
def author():
    return UserFactory(username="editor", email="editor@newsroom.example")


@pytest.fixture
def article(author):
    return ArticleFactory(title="Chips get smaller", authors=[author])


@pytest.fixture
def member():
    return UserFactory(username="reader", first_name="Rita", last_name="Reader")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def form_data(article, **fields) -> dict:
    """What the comment form on `article` sends, valid unless `fields` say otherwise."""
    data = {key: str(value) for key, value in CommentForm(article).initial.items()}
    data.update(
        name="Gina Guest",
        email="gina@example.com",
        url="",
        comment="Smaller chips, bigger questions.",
        honeypot="",
        reply_to="0",
        notify="",
    )
    data.update(fields)
    return data
