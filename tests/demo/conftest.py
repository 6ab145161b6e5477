from tests.comments.conftest import *  # noqa: F403 - the comment fixtures these tests share
