"""Reads for the reader site: each screen's related-row loading is decided here."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from .models import Article, ArticleImage, ArticleSlugHistory, Category, Source


def category_by_path(*, path: str) -> Category | None:
    return Category.objects.active().filter(path=path).first()


def breadcrumbs(*, category: Category) -> list[Category]:
    """The category and its ancestors, root first, in one query."""
    return list(category.get_ancestors(include_self=True))


def article_page_queryset(*, preview: bool = False) -> QuerySet[Article]:
    base = Article.objects.all() if preview else Article.objects.published()
    return base.select_related("category").prefetch_related(
        Prefetch("images", queryset=ArticleImage.objects.order_by("order", "pk")),
        Prefetch("sources", queryset=Source.objects.order_by("order", "pk")),
        "tags",
        "authors",
    )


@dataclass(frozen=True)
class ArticleLookup:
    article: Article | None = None
    redirect_to: str | None = None


def article_for_path(*, category_path: str, slug: str, preview: bool = False) -> ArticleLookup:
    """Find the article that `<category_path>/<slug>` names.

    An article that moved to another category, or whose slug changed, is still
    found: the caller redirects to its current URL.
    """
    queryset = article_page_queryset(preview=preview)
    article = queryset.filter(slug=slug).first()
    if article is None:
        old = ArticleSlugHistory.objects.filter(slug=slug).values_list("article_id", flat=True)
        article = queryset.filter(pk__in=old).first()
        if article is None:
            return ArticleLookup()
        return ArticleLookup(redirect_to=article.get_absolute_url())
    if article.category.path != category_path:
        return ArticleLookup(redirect_to=article.get_absolute_url())
    return ArticleLookup(article=article)


def category_articles(*, category: Category) -> QuerySet[Article]:
    """Published articles of a category and all its descendants, newest first."""
    return Article.objects.published().in_category(category).for_listing().newest_first()
