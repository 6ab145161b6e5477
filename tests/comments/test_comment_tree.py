"""The comment threads rendered with Jinja2 (comments/tree.py): each reader's own state
on every request, the same words and links as before, and a pinned number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.articles.factories import ArticleFactory, UserFactory

from .factories import CommentFactory, CommentVoteFactory, MemberCommentFactory

pytestmark = pytest.mark.django_db


def card(html: str, pk: int) -> str:
    """The markup of one comment, up to its replies."""
    start = html.index(f'<li class="comment" id="c{pk}">')
    end = html.find('<li class="comment"', start + 1)
    return html[start : end if end > 0 else None]


def test_a_members_own_votes_edit_links_and_report_buttons_are_theirs_on_every_request(
    client, member
):
    article = ArticleFactory()
    mine = MemberCommentFactory(article=article, user=member, comment="Mine.")
    other = CommentFactory(article=article, comment="Someone else's.")
    reply = CommentFactory(parent=other, comment="A reply.")
    CommentVoteFactory(comment=other, user=member, value=1)
    CommentVoteFactory(comment=reply, user=member, value=-1)
    client.force_login(member)
    for _ in range(2):
        html = client.get(article.get_absolute_url() + "?comments=all").content.decode()
        own, theirs, answer = card(html, mine.pk), card(html, other.pk), card(html, reply.pk)
        assert f'href="/comments/{mine.pk}/edit/"' in own
        assert "/report/" not in own
        assert f'action="/comments/{other.pk}/report/"' in theirs and "/edit/" not in theirs
        assert re.search(r'value="up" class="vote__button vote__button--up" aria-pressed="true"',
                         theirs)  # fmt: skip
        assert 'aria-pressed="true"' not in own
        assert re.search(r'value="down" [^>]*aria-pressed="true"', answer)
        assert f'href="?comments=all&amp;reply={other.pk}#reply-form"' in theirs
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', theirs)
        assert token, "a member's forms carry their token"


def test_another_member_sees_none_of_it(client, member):
    article = ArticleFactory()
    other = CommentFactory(article=article)
    CommentVoteFactory(comment=other, user=member, value=1)
    client.force_login(UserFactory())
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' not in html and "/edit/" not in html


def test_a_guest_gets_login_links_and_no_token(client):
    article = ArticleFactory()
    comment = CommentFactory(article=article, comment="See https://example.org/a for more")
    html = card(client.get(article.get_absolute_url()).content.decode(), comment.pk)
    # Report leads to a page that says an account is needed (comments.views.report).
    assert f'href="/comments/{comment.pk}/report/" data-login-needed>Report</a>' in html
    assert 'name="csrfmiddlewaretoken" value=""' in html
    assert '<a href="https://example.org/a" rel="nofollow ugc noopener">' in html


def test_the_reply_form_opens_under_its_comment(client):
    article = ArticleFactory()
    comment = CommentFactory(article=article)
    html = client.get(f"{article.get_absolute_url()}?reply={comment.pk}").content.decode()
    assert 'id="reply-form"' in card(html, comment.pk)


def test_every_comment_of_200_costs_the_page_no_query_more(client, member):
    article = ArticleFactory()
    for n in range(50):
        parent = CommentFactory(article=article)
        for _ in range(3):
            parent = CommentFactory(parent=parent)
        if n % 2:
            CommentVoteFactory(comment=parent, user=member)
    client.force_login(member)
    url = article.get_absolute_url() + "?comments=all"
    client.get(url)  # sessions, content types, the category tree
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.content.decode().count('<li class="comment"') == 200
    # the article and its category, its images, sources (the body, its tags and authors,
    # read also, other articles, the category tree and "Popular now" come from the cache
    # once the first request made them, and so did the story's published translations);
    # the session, the user; the member's votes on the comments (their counts and the
    # comments themselves are kept too)
    assert len(queries) == 6, "\n".join(q["sql"][:100] for q in queries.captured_queries)
