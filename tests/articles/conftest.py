import pytest

from tests.articles.roles import make_editor


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
