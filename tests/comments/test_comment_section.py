"""The comment section of the article page: queries, sorting, threads, paging, counter, times."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment
from comments.selectors import Voter, comment_section
from core.dates import machine_datetime
from tests.articles.factories import ArticleFactory

from .factories import CommentFactory, CommentVoteFactory, MemberCommentFactory

pytestmark = pytest.mark.django_db


def at(minutes_ago: int):
    return timezone.now() - timezone.timedelta(minutes=minutes_ago)


def thread_tree(article, count: int, *, depth: int = 3) -> None:
    """`count` comments: top-level comments with chains of replies down to `depth`."""
    made = 0
    while made < count:
        parent = CommentFactory(article=article, submit_date=at(10_000 - made))
        made += 1
        for _level in range(depth):
            if made >= count:
                break
            parent = CommentFactory(parent=parent, submit_date=at(10_000 - made))
            made += 1


def comment_queries(queries) -> list[str]:
    """The queries that read comment tables (ours, xtd's, django_comments')."""
    tables = ('"comments_', '"django_comments', '"django_comment_flags')
    return [q["sql"] for q in queries if any(table in q["sql"] for table in tables)]


# ------------------------------------------------------------------------------
# Query budget
# ------------------------------------------------------------------------------
def test_the_section_costs_three_queries_whatever_the_number_of_comments(
    article, member, django_assert_num_queries
):
    thread_tree(article, 200)
    CommentVoteFactory(comment=article.comments.last(), user=member)
    # counts (one aggregate), the comments of the threads shown, the reader's votes
    with django_assert_num_queries(3):
        section = comment_section(article=article, voter=Voter(user_id=member.pk), user=member)
    assert section.total == 200
    with django_assert_num_queries(3):
        section = comment_section(article=article, show_all=True, voter=Voter(user_id=member.pk))
    assert sum(1 + len(list(_descendants(node))) for node in section.threads) == 200


def _descendants(node):
    for child in node.children:
        yield child
        yield from _descendants(child)


@pytest.mark.parametrize("show_all", [False, True])
def test_the_article_page_with_200_comments_costs_as_much_as_with_3(client, member, show_all):
    query = "?comments=all" if show_all else ""
    few, many = ArticleFactory(), ArticleFactory()
    thread_tree(few, 3)
    thread_tree(many, 200)
    for comment in many.comments.all()[:50]:
        CommentVoteFactory(comment=comment, user=member)
    client.force_login(member)
    counts = {}
    for article in (few, many):
        client.get(article.get_absolute_url() + query)  # sessions, content types, caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.get_absolute_url() + query)
        assert response.status_code == 200
        counts[article] = (len(queries), comment_queries(queries.captured_queries))
    assert counts[few][0] == counts[many][0]
    # One query of the page is about comments, however many: the reader's own votes on
    # those shown. The counts and the comments are the same for every reader, kept in
    # the shared cache since the first request (tests/comments/test_section_cache.py).
    assert len(counts[many][1]) == 1, counts[many][1]
    assert "comments_commentvote" in counts[many][1][0]
    html = response.content.decode()
    assert html.count('class="comment"') == (200 if show_all else 40)


# ------------------------------------------------------------------------------
# Sorting, threads, paging
# ------------------------------------------------------------------------------
@pytest.fixture
def three_threads(article):
    old = CommentFactory(article=article, comment="Oldest thread", submit_date=at(300))
    mid = CommentFactory(article=article, comment="Middle thread", submit_date=at(200))
    new = CommentFactory(article=article, comment="Newest thread", submit_date=at(100))
    old.score, mid.score, new.score = 1, 5, -2
    for comment in (old, mid, new):
        type(comment).objects.filter(pk=comment.pk).update(score=comment.score)
    # Replies under the oldest thread, posted in this order.
    first = CommentFactory(parent=old, comment="First reply", submit_date=at(90))
    CommentFactory(parent=old, comment="Second reply", submit_date=at(50))
    CommentFactory(parent=first, comment="Reply to first", submit_date=at(10))
    return article


def texts_in_order(html: str) -> list[str]:
    return re.findall(r'<div class="comment__text">(.*?)</div>', html)


@pytest.mark.parametrize(
    ("sort", "threads"),
    [
        ("newest", ["Newest thread", "Middle thread", "Oldest thread"]),
        ("oldest", ["Oldest thread", "Middle thread", "Newest thread"]),
        ("votes", ["Middle thread", "Oldest thread", "Newest thread"]),
        ("", ["Newest thread", "Middle thread", "Oldest thread"]),
        ("<script>", ["Newest thread", "Middle thread", "Oldest thread"]),
    ],
)
def test_sorting_orders_threads_and_keeps_replies_in_time_order(
    client, three_threads, sort, threads
):
    html = client.get(f"{three_threads.get_absolute_url()}?sort={sort}").content.decode()
    order = texts_in_order(html)
    assert [text for text in order if text.endswith("thread")] == threads
    start = order.index("Oldest thread")
    assert order[start : start + 4] == [
        "Oldest thread", "First reply", "Reply to first", "Second reply"
    ]  # fmt: skip


def sort_link(html: str, label: str) -> str:
    match = re.search(rf'<a href="([^"]*)"[^>]*>{label}</a>', html)
    assert match, label
    return match.group(0)


def test_sort_links_work_without_javascript_and_land_on_the_first_comment(client, three_threads):
    html = client.get(f"{three_threads.get_absolute_url()}?sort=votes").content.decode()
    assert 'href="?sort=newest#comment-list"' in sort_link(html, "Newest")
    assert 'href="?sort=oldest#comment-list"' in sort_link(html, "Oldest")
    assert 'aria-current="true"' in sort_link(html, "Most voted")
    assert "aria-current" not in sort_link(html, "Newest")
    # The anchor is the list itself: the page opens at its first comment.
    list_start = html.index('<ol class="comment-list" id="comment-list"')
    assert html.index('class="comment"', list_start) - list_start < 200


def test_the_first_threads_are_shown_with_a_link_to_all(client, article, settings):
    settings.COMMENTS_THREADS_SHOWN = 2
    for n in range(3):
        reply_to = CommentFactory(article=article, comment=f"Thread {n}", submit_date=at(100 - n))
    CommentFactory(parent=reply_to, comment="A reply")
    html = client.get(f"{article.get_absolute_url()}?sort=oldest").content.decode()
    assert texts_in_order(html) == ["Thread 0", "Thread 1"]
    assert "4 comments" in html
    # The link lands on the last thread shown: the reader goes on from there.
    last = Comment.objects.get(comment="Thread 1")
    assert f'href="?sort=oldest&amp;comments=all#c{last.pk}"' in html
    assert "View all comments (2 more)</a>" in html
    everything = client.get(f"{article.get_absolute_url()}?sort=oldest&comments=all")
    assert texts_in_order(everything.content.decode()) == [
        "Thread 0", "Thread 1", "Thread 2", "A reply"
    ]  # fmt: skip
    assert "View all comments" not in everything.content.decode()


def test_hidden_and_removed_comments_and_their_replies_are_not_shown(client, article):
    shown = CommentFactory(article=article, comment="Shown")
    hidden = CommentFactory(article=article, comment="Hidden")
    CommentFactory(parent=hidden, comment="Under hidden")
    CommentFactory(article=article, comment="Spam", is_removed=True)
    hidden.is_public = False
    hidden.save()  # xtd hides the replies with it
    html = client.get(article.get_absolute_url()).content.decode()
    assert texts_in_order(html) == ["Shown"]
    assert "1 comment" in html and "1 comments" not in html
    assert shown.get_absolute_url() == f"{article.get_absolute_url()}#c{shown.pk}"


def test_an_article_without_comments_says_so(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "0 comments" in html and 'class="comments__sort"' not in html


def test_each_comment_shows_its_score_and_the_readers_own_vote(client, article, member):
    liked = CommentFactory(article=article)
    type(liked).objects.filter(pk=liked.pk).update(score=7)
    CommentVoteFactory(comment=liked, user=member, value=1)
    client.force_login(member)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="vote__score vote__score--up"' in html and ">7</span>" in html
    assert 'value="up" class="vote__button vote__button--up" aria-pressed="true"' in html


def test_the_articles_authors_are_marked(client, article, author):
    MemberCommentFactory(article=article, user=author)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="comment__badge">Author</span>' in html


def test_times_are_relative_with_the_exact_time_in_the_markup(client, article):
    posted = CommentFactory(article=article, submit_date=at(180))
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<time datetime="{machine_datetime(posted.submit_date)}"' in html
    assert "3\xa0hours\xa0ago</time>" in html


def test_user_links_are_linked_with_nofollow_and_line_breaks_kept(client, article):
    CommentFactory(
        article=article,
        user_url="https://gina.example",
        comment="First line\nsee https://example.org/a?b=1&c=2 now",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="https://gina.example" rel="nofollow ugc noopener"' in html
    assert (
        'First line<br>see <a href="https://example.org/a?b=1&amp;c=2" '
        'rel="nofollow ugc noopener">https://example.org/a?b=1&amp;c=2</a> now'
    ) in html


def test_a_preview_of_a_draft_has_no_comment_section(staff_client):
    draft = ArticleFactory(draft=True)
    with CaptureQueriesContext(connection) as queries:
        html = staff_client.get(draft.get_absolute_url()).content.decode()
    assert 'id="comments"' not in html
    assert comment_queries(queries.captured_queries) == []
