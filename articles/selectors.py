"""Reads of the content model that more than one app needs; each screen's own
selector lives with its app (reader/selectors.py)."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Article, published_q
from .permissions import editable_articles_q


def articles_readable_by(*, user) -> QuerySet[Article]:
    """The articles `user` may open on the reader site: the published ones, and the
    unpublished ones `user` may change in the admin (as a preview)."""
    return Article.objects.filter(published_q() | editable_articles_q(user))
