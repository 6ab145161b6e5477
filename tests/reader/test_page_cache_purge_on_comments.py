"""Anonymous readers get article pages from the page cache: comment changes must show at once."""

import re

import pytest

from comments import services
from comments.selectors import Voter
from tests.articles.factories import UserFactory
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def score_of(html: str, comment) -> int:
    block = html[html.index(f'id="c{comment.pk}"') :]
    return int(re.search(r'class="vote__score[^"]*"[^>]*>(-?\d+)<', block).group(1))


def cached_page(client, article) -> str:
    client.get(article.get_absolute_url())
    response = client.get(article.get_absolute_url())
    assert response["X-Reader-Cache"] == "hit"
    return response.content.decode()


def test_a_new_comment_shows_on_a_cached_article_page_at_once(client, article):
    cached_page(client, article)
    CommentFactory(article=article, comment="Fresh from the press")
    response = client.get(article.get_absolute_url())
    assert response["X-Reader-Cache"] == "miss"
    assert "Fresh from the press" in response.content.decode()


def test_a_hidden_comment_leaves_the_cached_page_at_once(client, article):
    comment = CommentFactory(article=article, comment="Something a moderator removes")
    assert "Something a moderator removes" in cached_page(client, article)
    services.comment_hide(comment=comment)
    assert (
        "Something a moderator removes"
        not in client.get(article.get_absolute_url()).content.decode()
    )


def test_a_vote_updates_the_score_on_the_cached_page(client, article):
    comment = CommentFactory(article=article)
    assert score_of(cached_page(client, article), comment) == 0
    services.comment_vote(comment=comment, voter=Voter(user_id=UserFactory().pk), value=1)
    assert score_of(client.get(article.get_absolute_url()).content.decode(), comment) == 1


def test_an_edit_shows_on_the_cached_page(client, article):
    author = UserFactory()
    comment = CommentFactory(article=article, user=author, comment="Frist!")
    cached_page(client, article)
    services.comment_edit(comment=comment, user=author, text="First!")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "First!" in html and "Frist!" not in html
