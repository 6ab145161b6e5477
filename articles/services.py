"""Writes: the editorial workflow (every status change goes through here), what the
admin's saves and reverts write besides the form, the category tree's stored paths
and the old slugs and paths that keep redirecting.

Each workflow service checks both who asks and whether the article's current status
allows the step, re-reading the status under a row lock, so that two editors clicking
at once cannot, say, publish an article the other just sent back. Admin actions and
buttons are thin callers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.editions import default_edition, edition_codes, edition_name

from .models import (
    OLD_SLUG_TAKEN,
    Article,
    ArticleImage,
    ArticleSlugHistory,
    ArticleStatus,
    Category,
    CategoryArticle,
    CategoryPathHistory,
    Image,
    Source,
    TaggedArticle,
    listing_copies,
)
from .permissions import EDITOR_ONLY_FIELDS, can_edit_article, can_publish, is_article_author
from .placeholders import IMAGE_PLACEHOLDER
from .translation_numbers import NumberCheck, number_check


def _transition(
    *,
    article: Article,
    user,
    allowed_from: Collection[str],
    to: str,
    refusal: str,
    published_at: datetime | None = None,
    check: Callable[[Article], None] | None = None,
) -> Article:
    """Move `article` to status `to`, keeping a revision that says who did it.

    `refusal` is the message for a status that does not allow the step; it gets the
    article's title and current status. `check`, given the locked row, may refuse the
    step too, by raising.
    """
    with reversion.create_revision():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status not in allowed_from:
            raise ValidationError(
                refusal % {"title": locked.title, "status": locked.get_status_display()},
                code="invalid_transition",
            )
        if check is not None:
            check(locked)
        locked.status = to
        if published_at is not None:
            locked.published_at = published_at
        if to == ArticleStatus.PUBLISHED and locked.published_at is None:
            locked.published_at = timezone.now()
        locked.save(update_fields=["status", "published_at", "updated_at"])
        reversion.set_user(user)
        reversion.set_comment(_status_comment(locked))
    # The caller's object reflects the change too.
    article.status, article.published_at = locked.status, locked.published_at
    article.updated_at = locked.updated_at
    return article


def _status_comment(article: Article) -> str:
    if article.is_scheduled:
        return _("Scheduled for %(time)s") % {
            "time": timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M")
        }
    return {
        ArticleStatus.DRAFT: _("Returned to draft"),
        ArticleStatus.REVIEW: _("Submitted for review"),
        ArticleStatus.PUBLISHED: _("Published"),
        ArticleStatus.UNPUBLISHED: _("Unpublished"),
    }[article.status]


@transaction.atomic
def article_submit_for_review(*, article: Article, user) -> Article:
    """An author hands a draft (or an article taken offline) to the editors."""
    if not can_edit_article(user, article):
        raise PermissionDenied
    return _transition(
        article=article,
        user=user,
        allowed_from={ArticleStatus.DRAFT, ArticleStatus.UNPUBLISHED},
        to=ArticleStatus.REVIEW,
        refusal=_("“%(title)s” is not a draft (it is: %(status)s), so it cannot be submitted."),
    )


@transaction.atomic
def article_return_to_draft(*, article: Article, user) -> Article:
    """An editor sends an article in review back to its authors, or an author
    withdraws it to keep working on it."""
    withdrawing = can_edit_article(user, article) and is_article_author(user, article)
    if not (can_publish(user) or withdrawing):
        raise PermissionDenied
    return _transition(
        article=article,
        user=user,
        allowed_from={ArticleStatus.REVIEW},
        to=ArticleStatus.DRAFT,
        refusal=_("“%(title)s” is not in review (it is: %(status)s)."),
    )


class NumbersDisagree(ValidationError):
    """A translation whose numbers do not agree with its original's, not confirmed;
    `check` holds the mismatches, for the admin to show."""

    def __init__(self, check: NumberCheck):
        count = len(check.mismatches)
        super().__init__(
            ngettext(
                "“%(title)s” was not published: %(count)d number does not agree with the "
                "original's. Its page shows it in context: where the translation is right, "
                "tick “Publish anyway: I checked these numbers” there.",
                "“%(title)s” was not published: %(count)d numbers do not agree with the "
                "original's. Its page shows them in context: where the translation is right, "
                "tick “Publish anyway: I checked these numbers” there.",
                count,
            )
            % {"title": check.article.title, "count": count},
            code="numbers_disagree",
        )
        self.check = check


def _numbers_agree_or_confirmed(confirmed: str) -> Callable[[Article], None]:
    def check(article: Article) -> None:
        result = number_check(article)
        if result is not None and not result.agrees and result.digest != confirmed:
            raise NumbersDisagree(result)

    return check


@transaction.atomic
def article_publish(
    *, article: Article, user, at: datetime | None = None, numbers_confirmed: str = ""
) -> Article:
    """Publish now, or at `at` (a time in the future schedules the article).

    Without `at`, a publish time already set is kept: a scheduled article stays
    scheduled, and one that is published again keeps its original date.

    A translation whose numbers do not agree with its original's is refused
    (NumbersDisagree), unless `numbers_confirmed` is the digest of the very mismatches
    it has now (NumberCheck.digest): the editor's confirmation covers what was shown to
    them, not what a later edit brought.
    """
    if not can_publish(user):
        raise PermissionDenied
    return _transition(
        article=article,
        user=user,
        allowed_from={ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.UNPUBLISHED},
        to=ArticleStatus.PUBLISHED,
        refusal=_("“%(title)s” is already published."),
        published_at=at,
        check=_numbers_agree_or_confirmed(numbers_confirmed),
    )


@transaction.atomic
def article_unpublish(*, article: Article, user) -> Article:
    """Take a published (or scheduled) article offline; its URL answers 404 again."""
    if not can_publish(user):
        raise PermissionDenied
    return _transition(
        article=article,
        user=user,
        allowed_from={ArticleStatus.PUBLISHED},
        to=ArticleStatus.UNPUBLISHED,
        refusal=_("“%(title)s” is not published (it is: %(status)s)."),
    )


# ------------------------------------------------------------------------------
# Translations
# ------------------------------------------------------------------------------
_PLACEHOLDER = re.compile(IMAGE_PLACEHOLDER)


def _free_slug(base: str) -> str:
    """`base`, or `base-2`, `base-3`…: a slug no article has, nor had."""
    base = base[:190].rstrip("-")
    candidate, number = base, 1
    while (
        Article.objects.filter(slug=candidate).exists()
        or ArticleSlugHistory.objects.filter(slug=candidate).exists()
    ):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


@transaction.atomic
def article_translate(*, article: Article, language: str, user) -> Article:
    """Start the translation of `article` into the edition `language`: a draft of the
    same story (translation_key), made from `article` (translation_of), with its
    structure in place for the translator to translate in: title, lead, body, search
    description and the images' texts as the original has them, the same category,
    tags and sources, the same library images (placements of its own, so that alt
    texts and captions can be translated), its authors and
    `user`, and the read-also stories that exist in that edition.

    Queries: the check for the edition; the original's rows (sources, images, tags,
    authors, read also, their translations); the slug; the inserts.
    """
    if not user.has_perm("articles.add_article"):
        raise PermissionDenied
    if language not in edition_codes():
        raise ValidationError(
            _("“%(language)s” is not an edition of this site.") % {"language": language},
            code="not_an_edition",
        )
    if Article.objects.filter(translation_key=article.translation_key, language=language).exists():
        raise ValidationError(
            _("“%(title)s” has a %(language)s edition already.")
            % {"title": article.title, "language": edition_name(language)},
            code="edition_exists",
        )
    with reversion.create_revision():
        translation = Article(
            language=language,
            translation_key=article.translation_key,
            translation_of=article,
            title=article.title,
            slug=_free_slug(f"{article.slug}-{language}"),
            category_id=article.category_id,
            lead=article.lead,
            body=article.body,
            status=ArticleStatus.DRAFT,
            featured_image_id=article.featured_image_id,
            featured_image_alt=article.featured_image_alt,
            seo_description=article.seo_description,
            allow_comments=article.allow_comments,
        )
        try:
            with transaction.atomic():
                translation.save()
        except IntegrityError as error:
            # Another editor made this edition a moment ago.
            raise ValidationError(
                _("“%(title)s” has a %(language)s edition already.")
                % {"title": article.title, "language": edition_name(language)},
                code="edition_exists",
            ) from error
        Source.objects.bulk_create(
            Source(article=translation, name=source.name, url=source.url, kind=source.kind,
                   order=source.order)
            for source in article.sources.all()
        )  # fmt: skip
        # The same library images, placed with texts of the translation's own.
        ArticleImage.objects.bulk_create(
            ArticleImage(article=translation, image_id=image.image_id, alt=image.alt,
                         caption=image.caption, credit=image.credit, order=image.order)
            for image in article.images.all()
        )  # fmt: skip
        translation.tags.set(list(article.tags.all()))
        translation.authors.set([*article.authors.all(), user])
        stories = article.read_also.values("translation_key")
        translation.read_also.set(
            Article.objects.filter(translation_key__in=stories, language=language)
        )
        reversion.set_user(user)
        reversion.set_comment(_("Translation of “%(title)s” started") % {"title": article.title})
    return translation


# ------------------------------------------------------------------------------
# The admin's saves and reverts
# ------------------------------------------------------------------------------
def article_text_of(*, article_pk: int) -> tuple:
    """What readers read of an article, as stored, to tell whether a save changed it:
    the title, lead, body, search description, featured image and its alt text, the
    sources (name, URL, kind, order), the body images and their texts (alt, caption,
    credit). Not the status, publish time, category, tags, authors or links.

    Queries: the article, its sources, its images.
    """
    row = Article.objects.filter(pk=article_pk).values_list(
        "title", "lead", "body", "seo_description", "featured_image_alt", "featured_image"
    )
    return (
        tuple(row.first() or ()),
        tuple(Source.objects.filter(article_id=article_pk).order_by("pk")
              .values_list("name", "url", "kind", "order")),
        tuple(ArticleImage.objects.filter(article_id=article_pk).order_by("pk")
              .values_list("pk", "alt", "caption", "credit")),
    )  # fmt: skip


@transaction.atomic
def article_text_change_record(*, article: Article, before: tuple) -> bool:
    """After a save of `article` (its sources and images included): when its text
    (article_text_of) is not `before`, as it was before the save, note that it changed
    now, so that its translations show as out of date. Returns whether it changed.

    Queries: those of article_text_of; the update when the text changed.
    """
    if article_text_of(article_pk=article.pk) == before:
        return False
    article.content_changed_at = timezone.now()
    Article.objects.filter(pk=article.pk).update(content_changed_at=article.content_changed_at)
    return True


@transaction.atomic
def article_sign(*, article: Article, user) -> None:
    """Whoever writes an article signs it: an author who saves one is among its
    authors. Editors pick the authors by hand, so their saves sign nothing.

    Writes: at most one row of the article's authors.
    """
    if not can_publish(user):
        article.authors.add(user)


@dataclass(frozen=True)
class ArticleBeforeRevert:
    """An article as it is before a revert of its revision history, with what the
    revert must keep of it (see article_revert_keep)."""

    article_pk: int
    # The editor-only fields and relations, when the one reverting is not an editor.
    editor_fields: dict[str, Any]
    editor_relations: dict[str, list[int]]
    featured_image_id: int | None

    @classmethod
    def of(cls, article: Article, *, user) -> ArticleBeforeRevert:
        """Queries: its related stories for an author (its
        authors too, unless the caller prefetched them)."""
        fields = [Article._meta.get_field(name) for name in EDITOR_ONLY_FIELDS]
        keeps_editor_fields = not can_publish(user)
        return cls(
            article_pk=article.pk,
            editor_fields={
                field.attname: getattr(article, field.attname)
                for field in fields if keeps_editor_fields and not field.many_to_many
            },
            editor_relations={
                field.name: [related.pk for related in getattr(article, field.name).all()]
                for field in fields if keeps_editor_fields and field.many_to_many
            },
            featured_image_id=article.featured_image_id,
        )  # fmt: skip

    @property
    def keeps_editor_fields(self) -> bool:
        return bool(self.editor_fields)


def _gone_from_library(image_id: int | None) -> bool:
    """Whether `image_id` names a library image deleted since (None names none)."""
    return image_id is not None and not Image.objects.filter(pk=image_id).exists()


def article_featured_image_keep(*, article: Article) -> None:
    """When `article` (being written back by a revert) names a featured image the
    library no longer has, keep the one it shows today (or none).

    Queries: whether the image exists; the stored article's image when it does not.
    """
    if _gone_from_library(article.featured_image_id):
        article.featured_image_id = (
            Article._base_manager.filter(pk=article.pk, featured_image__isnull=False)
            .values_list("featured_image", flat=True)
            .first()
        )


@transaction.atomic
def article_revert_keep(*, before: ArticleBeforeRevert) -> None:
    """Once a revert has written a revision's rows back (django-reversion's
    `Revision.revert`, in the transaction of the admin's revision view), put back
    what a revert does not change, before the form is shown or saved:

    - the featured image, when the revision's was deleted from the library since:
      today's is kept rather than a row that is gone. The save signals do the same
      when a revert is saved, but the revert form is shown with signals muted, and
      it would show something else than is saved;
    - for an author, the editor-only fields (EDITOR_ONLY_FIELDS): or an author could
      publish, take down or re-sign an article by picking an old revision.

    Writes: the article's row (editor-only fields, featured image), its authors and
    related stories. (Images are library images, whose files a revert of an
    article does not touch.)
    """
    article = Article.objects.filter(pk=before.article_pk).only("featured_image").first()
    if article is None:
        return
    row = dict(before.editor_fields)
    if _gone_from_library(article.featured_image_id):
        row["featured_image_id"] = before.featured_image_id
    if row:
        Article.objects.filter(pk=article.pk).update(**row)
        # No post_save: the lists' copies of the status and publish time too.
        TaggedArticle.objects.filter(content_object_id=article.pk).copy_from_articles()
        CategoryArticle.objects.filter(article_id=article.pk).copy_from_articles()
    for name, pks in before.editor_relations.items():
        getattr(article, name).set(pks)


# ------------------------------------------------------------------------------
# The category tree's paths
# ------------------------------------------------------------------------------
# An article's columns its lists' rows copy (models.LISTING_COPIES), as save() names them.
LISTED_FIELDS = frozenset({"language", "status", "published_at", "category", "category_id"})


def article_listings_follow(*, article: Article, created: bool, update_fields=None) -> None:
    """After a save of `article`, however made (the admin, a service, a revert's raw
    save): its taggings and its rows in its categories' lists (CategoryArticle) carry
    its columns again.

    Queries: none when the save wrote none of them; else the taggings' update and the
    rows' update, or, for a new article or one that changed category, the rows written
    again (delete, ancestors, insert)."""
    if created:
        CategoryArticle.objects.list_article(article, new=True)
        return
    if update_fields is not None and not LISTED_FIELDS & set(update_fields):
        return
    copies = listing_copies(article)
    article.tagged_items.update(**copies)
    # No row under its category: it moved, and is in other categories' lists now.
    if not article.category_listings.filter(category_id=article.category_id).update(**copies):
        CategoryArticle.objects.list_article(article)


@transaction.atomic
def category_paths_rebuild(*, category: Category) -> None:
    """Give `category` and its subtree, in every edition, the paths of their ancestors'
    slugs, as the tree stands in the database, and keep each path given up answering
    with a 301.

    Called once the row is written (a move or a rename): MPTT has moved the subtree's
    columns by then, and `parent` in the database is the new one.

    Queries: the parent's paths, the subtree; when a path changed, also the update,
    the removal of old paths that are live again, and the insert of those given up;
    after a move, the subtree's articles' rows in the categories' lists written again
    (CategoryArticle.objects.list_again).
    """
    codes = edition_codes()
    path_fields = [f"path_{code}" for code in codes]
    slug_fields = [f"slug_{code}" for code in codes]
    parent_paths = None
    if category.parent_id is not None:
        parent_paths = Category.objects.filter(pk=category.parent_id).values(*path_fields).get()
    paths = {category.parent_id: parent_paths}
    changed, given_up = [], []
    moved = False
    subtree = category.get_descendants(include_self=True).order_by("tree_id", "lft")
    for node in subtree.only("pk", "parent_id", "path", *path_fields, *slug_fields):
        node.fill_untranslated_slugs()
        parent = paths[node.parent_id]
        own = {}
        for code in codes:
            slug = node.localized("slug", code)
            own[f"path_{code}"] = slug if parent is None else f"{parent[f'path_{code}']}/{slug}"
        paths[node.pk] = own
        stored = {field: getattr(node, field) for field in path_fields}
        if node.pk == category.pk:
            # Under another parent: its subtree's articles are in other sections' lists.
            moved = any(
                (stored[field] or "").rpartition("/")[0] != own[field].rpartition("/")[0]
                for field in path_fields
            )
        if stored != own:
            for code in codes:
                old = stored[f"path_{code}"]
                if old and old != own[f"path_{code}"]:
                    given_up.append(
                        CategoryPathHistory(category_id=node.pk, language=code, path=old)
                    )
            node.set_paths({code: own[f"path_{code}"] for code in codes})
            changed.append(node)
    category.set_paths({code: paths[category.pk][f"path_{code}"] for code in codes})
    if not changed:
        return
    # A path a category takes is its URL from now on, whoever had it before.
    taken = Q()
    for node in changed:
        for code in codes:
            taken |= Q(language=code, path=node.localized("path", code))
    CategoryPathHistory.objects.filter(taken).delete()
    # Unrewritten, so that "path" is the untranslated column, read in the default
    # edition (see Category.save).
    with translation.override(default_edition()):
        Category.objects.rewrite(False).bulk_update(changed, ["path", *path_fields, *slug_fields])
    CategoryPathHistory.objects.bulk_create(given_up)
    if moved:
        subtree_ids = [node.pk for node in changed]
        CategoryArticle.objects.list_again(
            articles=Article.objects.filter(category__in=subtree_ids)
        )


# ------------------------------------------------------------------------------
# Old article slugs
# ------------------------------------------------------------------------------
@transaction.atomic
def article_slug_history_record(*, article: Article, old_slug: str | None) -> None:
    """After `article` was saved with a new slug (or first saved): its slug before,
    `old_slug`, keeps redirecting to it, and a slug of its own past is live again.

    Only the article's own history rows are written. A slug that still redirects to
    another article is refused, and the caller's transaction rolls back: the check
    runs after the article's row is written, so a concurrent rename that gives up the
    same slug has committed its history by then (Article.slug is unique and the
    second writer waits for the first).

    Queries: the check; the removal of the current slug from the history; the insert.
    """
    if old_slug == article.slug:
        return
    if ArticleSlugHistory.objects.leading_elsewhere(slug=article.slug, article=article).exists():
        raise ValidationError({"slug": OLD_SLUG_TAKEN}, code="old_slug_taken")
    ArticleSlugHistory.objects.filter(article=article, slug=article.slug).delete()
    if old_slug:
        # A plain insert: the unique slug makes the database refuse, rather than hand
        # over, an old slug that another article holds.
        ArticleSlugHistory.objects.create(article=article, slug=old_slug)


# ------------------------------------------------------------------------------
# The image library
# ------------------------------------------------------------------------------
def placed_image_ids(body: str) -> list[int]:
    """The library images the body names, in the order it names them, once each."""
    return list(dict.fromkeys(int(found) for found in _PLACEHOLDER.findall(body or "")))


@transaction.atomic
def article_images_place(*, article: Article, body_before: str = "") -> None:
    """Make the article's placements agree with its body after a save: an image the
    body names now (placed from the editor's toolbar) gets a placement with the
    library's texts; one that `body_before` named and the body no longer does was
    taken out, and the article no longer uses it; the order is the body's. Texts
    edited on a placement are kept.

    Queries: the placements, the new images' rows, one insert, one delete, and an
    update per placement that moved.
    """
    wanted = placed_image_ids(article.body)
    placed = {use.image_id: use for use in ArticleImage.objects.filter(article=article)}
    new = [
        ArticleImage(article=article, image=image, alt=image.alt, caption=image.caption,
                     credit=image.credit, order=wanted.index(image.pk))
        for image in Image.objects.filter(pk__in=set(wanted) - placed.keys())
    ]  # fmt: skip
    ArticleImage.objects.bulk_create(new)
    taken_out = set(placed_image_ids(body_before)) - set(wanted)
    gone = [use.pk for image_id, use in placed.items() if image_id in taken_out]
    if gone:
        ArticleImage.objects.filter(pk__in=gone).delete()
    for image_id, use in placed.items():
        if image_id in wanted and use.order != wanted.index(image_id):
            ArticleImage.objects.filter(pk=use.pk).update(order=wanted.index(image_id))
