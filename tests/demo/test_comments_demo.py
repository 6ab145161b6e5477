import pytest
from django.core.management import call_command

from articles.models import Article
from comments.models import Comment, CommentVote

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Comment.objects.order_by("pk").values_list("pk", "thread_id", "level", "score")),
        CommentVote.objects.count(),
    )


def test_the_demo_has_threaded_comments_with_votes_and_a_second_run_changes_nothing():
    call_command("seed_demo")
    first = snapshot()
    published = Article.objects.published()
    with_comments = published.filter(comments__isnull=False).distinct().count()
    assert with_comments >= published.count() * 0.7, "most articles have a discussion"
    assert Comment.objects.filter(level__gt=0).exists(), "threaded"
    assert Comment.objects.filter(level__gte=2).exists(), "nested"
    assert Comment.objects.exclude(user=None).exists(), "authors answer too"
    assert CommentVote.objects.exists()
    for comment in Comment.objects.filter(score__gt=0)[:20]:
        assert comment.score == sum(comment.votes.values_list("value", flat=True))

    call_command("seed_demo")
    assert snapshot() == first
