"""Reads of the content model that more than one app needs; each screen's own
selector lives with its app (reader/selectors.py)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet

from .models import Article, Tag, TaggedArticle, published_q
from .permissions import editable_articles_q


def articles_readable_by(*, user) -> QuerySet[Article]:
    """The articles `user` may open on the reader site: the published ones, and the
    unpublished ones `user` may change in the admin (as a preview)."""
    return Article.objects.filter(published_q() | editable_articles_q(user))


def tags_shown(*, language: str) -> QuerySet[Tag]:
    """The tags that have a page in the edition `language`: those that at least one
    of its published articles carries. EXISTS per tag is a seek in the taggings' listing
    index (TaggedArticle's copies of the article's columns); a join with every published
    article (and DISTINCT) grew with the archive (0.2 s per tag page at 100,000)."""
    published = TaggedArticle.objects.published().in_edition(language).filter(tag=OuterRef("pk"))
    return Tag.objects.filter(Exists(published))


def authors_shown(*, language: str) -> QuerySet:
    """The users who have an author page in the edition `language`: the authors of at
    least one of its published articles."""
    published = Article.objects.published().in_edition(language).filter(authors=OuterRef("pk"))
    return get_user_model().objects.filter(Exists(published))
