"""One definition of "published" and "scheduled": the queryset and the instance agree in
every state an article can be in."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, ArticleStatus
from tests.articles.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

WHEN = {"past": -timedelta(hours=1), "future": timedelta(hours=1), "none": None}


def _every_state():
    active, inactive = CategoryFactory(is_active=True), CategoryFactory(is_active=False)
    articles = []
    for status, when, category in itertools.product(ArticleStatus.values, WHEN, (active, inactive)):
        if status == ArticleStatus.PUBLISHED and when == "none":
            continue  # a check constraint: a published article has a time
        offset = WHEN[when]
        article = ArticleFactory(status=status, category=category)
        Article.objects.filter(pk=article.pk).update(
            published_at=None if offset is None else timezone.now() + offset
        )
        articles.append(Article.objects.select_related("category").get(pk=article.pk))
    return articles


def test_is_published_agrees_with_the_published_queryset_in_every_state():
    articles = _every_state()
    published = set(Article.objects.published().values_list("pk", flat=True))
    disagreements = [
        (a.status, a.published_at, a.category.is_active)
        for a in articles
        if a.is_published != (a.pk in published)
    ]
    assert disagreements == []
    # Exactly one combination is visible: published, its time passed, an active section.
    assert len(published) == 1


def test_is_scheduled_agrees_with_the_scheduled_queryset_in_every_state():
    articles = _every_state()
    scheduled = set(Article.objects.scheduled().values_list("pk", flat=True))
    assert {a.pk for a in articles if a.is_scheduled} == scheduled
    assert len(scheduled) == 2  # published with a future time, in either section


def test_a_published_article_in_an_inactive_section_is_not_published_for_readers(client):
    article = ArticleFactory(status=ArticleStatus.PUBLISHED, category__is_active=False)
    assert not article.is_published
    assert client.get(article.get_absolute_url()).status_code == 404
