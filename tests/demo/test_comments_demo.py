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


def test_the_demo_has_threaded_comments_with_votes_and_a_second_run_changes_nothing(demo):
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


def test_each_edition_has_an_article_with_more_threads_than_the_page_shows(demo, client, settings):
    for language in ("en", "de"):
        busy = [
            article
            for article in Article.objects.published().filter(language=language)
            if Comment.objects.visible().filter(article=article, level=0).count()
            > settings.COMMENTS_THREADS_SHOWN
        ]
        assert busy, language
        html = client.get(busy[0].get_absolute_url()).content.decode()
        label = "View all comments (" if language == "en" else "Alle Kommentare anzeigen ("
        assert label in html


def test_the_demo_has_passages_open_for_feedback_with_comments_in_both_editions(demo, client):
    from articles.passages import passage_ids

    for language in ("en", "de"):
        article = next(
            a for a in Article.objects.published().filter(language=language)
            if passage_ids(a.body)
        )  # fmt: skip
        on_passages = Comment.objects.filter(article=article).exclude(passage="")
        assert {c.passage for c in on_passages} == set(passage_ids(article.body)), language
        html = client.get(article.get_absolute_url()).content.decode()
        assert html.count("data-passage-marker=") == len(passage_ids(article.body))
        assert 'class="comment__passage"' in html
