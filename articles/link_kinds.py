"""What a body can link to from this app: articles, sections, tags and authors
(articles/links.py). Registered when the app is ready."""

from __future__ import annotations

from collections.abc import Collection

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .authors import author_name, author_url
from .links import LinkKind, LinkTarget, register
from .models import Article, Category, Tag, published_q
from .permissions import editable_articles_q
from .selectors import authors_shown, tags_shown


def _any_language(field: str, term: str) -> Q:
    condition = Q()
    for code in settings.MODELTRANSLATION_LANGUAGES:
        condition |= Q(**{f"{field}_{code}__icontains": term})
    return condition


def own_or_translation_urls(published: QuerySet, ids: Collection[int], language: str) -> dict:
    """{id: URL} of the published targets among `ids`, each replaced by its published
    version in `language` where the story (or page) has one: a German article links to
    the German version of an English story it names. One query. For models with
    `translation_key` and `language` (articles, static pages)."""
    linked_keys = published.model._default_manager.filter(pk__in=ids).values("translation_key")
    rows = list(
        published.filter(Q(pk__in=ids) | Q(language=language, translation_key__in=linked_keys))
    )
    in_language = {row.translation_key: row for row in rows if row.language == language}
    return {
        row.pk: in_language.get(row.translation_key, row).get_absolute_url()
        for row in rows
        if row.pk in ids
    }


# -- articles ------------------------------------------------------------------
def search_articles(term: str, user, language: str, limit: int) -> list[LinkTarget]:
    """Published articles, and the unpublished ones `user` may change (an author's
    own drafts, every draft for an editor): a link to one shows as plain text until
    it is out."""
    found = (
        Article.objects.filter(published_q() | editable_articles_q(user))
        .filter(Q(title__icontains=term) | Q(slug__icontains=term))
        .select_related("category")
        .order_by("-published_at", "-pk")[:limit]
    )
    return [
        LinkTarget(
            "article",
            article.pk,
            article.title,
            " · ".join(
                [
                    gettext("Scheduled") if article.is_scheduled else article.get_status_display(),
                    article.language.upper(),
                    article.category.name,
                ]
            ),
        )
        for article in found
    ]


def article_urls(ids: Collection[int], language: str) -> dict[int, str]:
    published = Article.objects.published().select_related("category")
    return own_or_translation_urls(published, ids, language)


# -- sections -------------------------------------------------------------------
def search_categories(term: str, user, language: str, limit: int) -> list[LinkTarget]:
    found = Category.objects.filter(_any_language("name", term))
    if not user.has_perm("articles.view_category"):
        found = found.active()
    with translation.override(language):
        return [
            LinkTarget(
                "category",
                category.pk,
                category.name,
                "/" + category.path + ("" if category.is_active else " · " + gettext("inactive")),
            )
            for category in found.order_by("tree_id", "lft")[:limit]
        ]


def category_urls(ids: Collection[int], language: str) -> dict[int, str]:
    with translation.override(language):
        return {
            category.pk: category.get_absolute_url()
            for category in Category.objects.active().filter(pk__in=ids)
        }


# -- tags -------------------------------------------------------------------------
def search_tags(term: str, user, language: str, limit: int) -> list[LinkTarget]:
    found = (
        Tag.objects.filter(_any_language("name", term))
        .annotate(article_total=Count("tagged_articles"))
        .order_by("-article_total", "pk")[:limit]
    )
    with translation.override(language):
        return [LinkTarget("tag", tag.pk, tag.name, "/tag/" + tag.slug + "/") for tag in found]


def tag_urls(ids: Collection[int], language: str) -> dict[int, str]:
    with translation.override(language):
        return {
            tag.pk: tag.get_absolute_url()
            for tag in tags_shown(language=language).filter(pk__in=ids)
        }


# -- authors --------------------------------------------------------------------------
def search_authors(term: str, user, language: str, limit: int) -> list[LinkTarget]:
    """The people with an author page: the authors of a published article."""
    published = Article.objects.published().filter(authors=OuterRef("pk"))
    found = (
        get_user_model()
        .objects.filter(Exists(published))
        .filter(
            Q(first_name__icontains=term) | Q(last_name__icontains=term)
            | Q(username__icontains=term)
        )
        .order_by("last_name", "first_name", "pk")[:limit]
    )  # fmt: skip
    return [LinkTarget("author", person.pk, author_name(person)) for person in found]


def author_urls(ids: Collection[int], language: str) -> dict[int, str]:
    with translation.override(language):
        return {
            author.pk: author_url(author)
            for author in authors_shown(language=language).filter(pk__in=ids)
        }


def register_kinds() -> None:
    register(LinkKind("article", _("Articles"), Article, search_articles, article_urls))
    register(LinkKind("category", _("Sections"), Category, search_categories, category_urls))
    register(LinkKind("tag", _("Tags"), Tag, search_tags, tag_urls))
    register(LinkKind("author", _("Authors"), get_user_model(), search_authors, author_urls))
