"""Who may do what with articles: the two editorial roles and the checks built on them.

Roles are Django groups, so that an administrator hands them out in the user admin.
The checks ask for permissions, never for group names: a superuser, or anyone given
`publish_article` by hand, is treated as an editor.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

from .models import Article, ArticleStatus

AUTHOR_GROUP = "Author"
EDITOR_GROUP = "Editor"

PUBLISH_PERMISSION = "articles.publish_article"

# An author writes: their own articles with sources and images, and may look up the
# category tree to file a story, but changes no category.
AUTHOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "articles": (
        "add_article", "change_article", "view_article",
        "add_source", "change_source", "delete_source", "view_source",
        "add_articleimage", "change_articleimage", "delete_articleimage", "view_articleimage",
        "add_image", "change_image", "view_image",
        "view_category",
    ),
}  # fmt: skip

# An editor may do everything with the content of these apps, whichever models they
# have: the comment and newsletter apps get theirs later, and the post_migrate
# handler grants them as they appear.
EDITOR_APP_LABELS: tuple[str, ...] = (
    "articles",
    "taggit",
    "comments",
    "django_comments",
    "django_comments_xtd",
    "newsletter",
    "post_office",
)
# Plus a look at the user list, to pick an article's authors.
EDITOR_PERMISSIONS: dict[str, tuple[str, ...]] = {"auth": ("view_user",)}

# Fields only editors set: when and whether an article goes out, who signs it,
# what it links to, whether readers may comment. Authors see them read-only, and a
# revert by an author leaves them as they are.
EDITOR_ONLY_FIELDS = ("status", "published_at", "authors", "read_also", "allow_comments")

# Statuses in which an author may still change their own article.
AUTHOR_EDITABLE_STATUSES = frozenset(
    {ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.UNPUBLISHED}
)


def _permission_q(codenames_by_app: dict[str, Iterable[str]]) -> Q:
    query = Q(pk__in=[])
    for app_label, codenames in codenames_by_app.items():
        query |= Q(content_type__app_label=app_label, codename__in=list(codenames))
    return query


def sync_group_permissions(
    *, app_labels: Iterable[str] | None = None, using: str = DEFAULT_DB_ALIAS
) -> None:
    """Create the Author and Editor groups if missing and grant them their permissions.

    Only adds: a permission an administrator gave a group by hand stays. With
    `app_labels`, only permissions of those apps are looked at (post_migrate passes
    the app that was just migrated).
    """
    labels = set(app_labels) if app_labels is not None else None

    def wanted(mapping: dict[str, Iterable[str]]) -> dict[str, Iterable[str]]:
        return {k: v for k, v in mapping.items() if labels is None or k in labels}

    groups = Group.objects.using(using)
    permissions = Permission.objects.using(using)
    author, _ = groups.get_or_create(name=AUTHOR_GROUP)
    editor, _ = groups.get_or_create(name=EDITOR_GROUP)
    author.permissions.add(*permissions.filter(_permission_q(wanted(AUTHOR_PERMISSIONS))))

    editor_apps = [app for app in EDITOR_APP_LABELS if labels is None or app in labels]
    editor_q = _permission_q(wanted(EDITOR_PERMISSIONS))
    if editor_apps:
        editor_q |= Q(content_type__app_label__in=editor_apps)
    editor.permissions.add(*permissions.filter(editor_q))


def can_publish(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PUBLISH_PERMISSION))


def is_article_author(user, article: Article) -> bool:
    if not article.pk or isinstance(user, AnonymousUser) or not user.pk:
        return False
    # Uses the prefetched authors when the caller loaded them.
    return any(author.pk == user.pk for author in article.authors.all())


def can_edit_article(user, article: Article) -> bool:
    """Editors change every article; anyone else only their own, and only until it is
    published: from then on a change goes through an editor.

    The same rule as a filter: `editable_articles_q()`; a test keeps the two in step.
    """
    if not user.has_perm("articles.change_article"):
        return False
    if can_publish(user):
        return True
    return article.status in AUTHOR_EDITABLE_STATUSES and is_article_author(user, article)


def editable_articles_q(user) -> Q:
    """`can_edit_article` as a filter on articles: what `user` may change."""
    if user is None or not user.has_perm("articles.change_article"):
        return Q(pk__in=[])
    if can_publish(user):
        # Not Q(): an empty Q drops out of an OR instead of matching everything.
        return Q(pk__isnull=False)
    own = Article.authors.through.objects.filter(user_id=user.pk).values("article_id")
    return Q(status__in=AUTHOR_EDITABLE_STATUSES, pk__in=own)
