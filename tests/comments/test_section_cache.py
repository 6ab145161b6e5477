"""The comments an article page shows are kept in the shared cache (the same for every
reader) and are new on the very next page after any change to them: a comment posted,
edited, voted on, hidden or deleted, or a bulk change of the site. What is the reader's
own (their votes, what they may edit) is right on every request."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments import services
from comments.models import Comment
from comments.selectors import Voter
from reader.cache import purge_site

from .factories import CommentFactory, MemberCommentFactory

pytestmark = pytest.mark.django_db


def shown(client, article, query="?sort=newest") -> list[str]:
    html = client.get(article.get_absolute_url() + query).content.decode()
    return re.findall(r'<div class="comment__text">(.*?)</div>', html)


def comment_reads(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries.captured_queries if '"django_comments"' in q["sql"]]


def test_a_second_reader_gets_the_comments_without_reading_them_again(client, article):
    CommentFactory(article=article, comment="First!")
    url = article.get_absolute_url() + "?sort=newest"
    assert comment_reads(client, url)  # the first reader reads them
    assert comment_reads(client, url) == []
    assert shown(client, article) == ["First!"]


def test_a_new_comment_shows_on_the_next_page(client, article):
    CommentFactory(article=article, comment="First!")
    assert shown(client, article) == ["First!"]
    CommentFactory(article=article, comment="Second!")
    assert shown(client, article) == ["Second!", "First!"]


def test_an_edit_a_hide_and_a_delete_show_on_the_next_page(client, article, member):
    mine = MemberCommentFactory(article=article, user=member, comment="Typo here")
    other = CommentFactory(article=article, comment="Spam, spam")
    gone = CommentFactory(article=article, comment="Regrets")
    assert set(shown(client, article)) == {"Typo here", "Spam, spam", "Regrets"}
    services.comment_edit(comment=mine, user=member, text="No typo here")
    services.comment_hide(comment=other)
    services.comment_delete(comment=gone)
    assert shown(client, article) == ["No typo here"]


def test_a_vote_reorders_the_most_voted_on_the_next_page(client, article, member):
    older = CommentFactory(article=article, comment="Older")
    CommentFactory(article=article, comment="Newer")
    assert shown(client, article, "?sort=votes") == ["Newer", "Older"]
    services.comment_vote(comment=older, voter=Voter(user_id=member.pk), value=1)
    assert shown(client, article, "?sort=votes") == ["Older", "Newer"]


def test_a_bulk_change_without_signals_shows_once_the_site_is_purged(client, article):
    CommentFactory(article=article, comment="Imported too early")
    assert shown(client, article) == ["Imported too early"]
    Comment.objects.filter(article=article).update(is_public=False)  # as a bulk job does
    purge_site()
    assert shown(client, article) == []


def test_each_reader_sees_their_own_vote_on_the_kept_comments(client, article, member):
    comment = CommentFactory(article=article, comment="Worth a vote")
    services.comment_vote(comment=comment, voter=Voter(user_id=member.pk), value=1)
    url = article.get_absolute_url() + "?sort=newest"
    client.get(url)  # an anonymous reader keeps the comments in the cache
    client.force_login(member)
    html = client.get(url).content.decode()
    assert 'aria-pressed="true"' in html
    client.logout()
    assert 'aria-pressed="true"' not in client.get(url).content.decode()
