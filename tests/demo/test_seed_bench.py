"""manage.py seed_bench: a large dataset in bulk, and the benchmark article."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from articles.models import Article
from comments.models import Comment, CommentVote
from comments.selectors import comment_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command("seed_bench", articles=30, comments=300, stdout=out)
    return out.getvalue()


def test_it_adds_the_articles_and_comments_asked_for(seeded):
    bench = Article.objects.get(slug="bench-long-discussion")
    assert Article.objects.published().exclude(pk=bench.pk).count() == 30
    assert Comment.objects.exclude(article=bench).count() == 300
    assert Article.tags.through.objects.exclude(content_object=bench).count() == 90


def test_the_benchmark_article_is_a_busy_story_printed_last(seeded, client):
    bench = Article.objects.get(slug="bench-long-discussion")
    assert seeded.strip().splitlines()[-1] == f"BENCH_ARTICLE_URL={bench.get_absolute_url()}"
    assert bench.comments.count() == 200
    assert set(bench.comments.values_list("level", flat=True)) == {0, 1, 2, 3}
    assert bench.images.count() == 3 and len(re.findall(r"\[\[image:\d+\]\]", bench.body)) == 3
    assert bench.sources.count() == 3 and bench.tags.count() == 5
    assert bench.read_also.count() == 3
    votes = CommentVote.objects.filter(comment__article=bench)
    assert votes.exists()
    for comment in bench.comments.annotate(total=Sum("votes__value")):
        assert comment.score == (comment.total or 0)
    html = client.get(bench.get_absolute_url() + "?comments=all").content.decode()
    assert html.count('<li class="comment"') == 200


def test_the_threads_are_the_trees_xtd_would_have_made(seeded):
    """Each thread's order is depth first, levels follow parents, nested counts count."""
    for article in Article.objects.annotate(n=Count("comments")).filter(n__gt=0)[:5]:
        comments = {c.pk: c for c in Comment.objects.filter(article=article)}
        for comment in comments.values():
            if comment.level == 0:
                assert comment.parent_id == comment.pk == comment.thread_id
                assert comment.order == 1
            else:
                parent = comments[comment.parent_id]
                assert comment.level == parent.level + 1
                assert comment.thread_id == parent.thread_id
                assert comment.order > parent.order
                assert comment.replied_to_id == parent.pk
        for comment in comments.values():
            below = [c for c in comments.values() if c.thread_id == comment.thread_id
                     and c.order > comment.order and c.level > comment.level]  # fmt: skip
            subtree = 0
            for other in sorted(below, key=lambda c: c.order):
                if other.order != comment.order + subtree + 1:
                    break
                subtree += 1
            assert comment.nested_count == subtree
        section = comment_section(article=article, show_all=True)
        assert section.total == len(comments)


def test_negative_sizes_are_refused():
    with pytest.raises(SystemExit):
        call_command("seed_bench", articles=-1, comments=0, stdout=StringIO(), stderr=StringIO())
