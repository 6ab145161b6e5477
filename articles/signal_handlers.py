import logging

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver
from imagekit.cachefiles.backends import CachedFileBackend
from imagekit.models.fields import ImageSpecFileDescriptor

from . import services
from .models import Article, Category, Image, Tag
from .permissions import (
    AUTHOR_PERMISSIONS,
    EDITOR_APP_LABELS,
    EDITOR_PERMISSIONS,
    sync_group_permissions,
)

logger = logging.getLogger(__name__)


# ------------------------------------------------------------------------------
# Stored URL paths and old slugs: written after the row, whatever wrote it
# ------------------------------------------------------------------------------
@receiver(post_save, sender=Category, dispatch_uid="category_paths_follow_save")
def rebuild_paths_on_category_save(sender, instance: Category, raw: bool, **kwargs) -> None:
    """Every move goes through save(): the change form, drag and drop and move_to()
    alike. Only after the row is written do `parent` and the MPTT columns in the
    database both tell the new tree; MPTT's node_moved comes earlier, in the middle
    of the save, while the row still has its old parent."""
    if not raw:
        services.category_paths_rebuild(category=instance)


@receiver(pre_save, sender=Article, dispatch_uid="article_slug_before_save")
def remember_stored_slug(sender, instance: Article, update_fields=None, **kwargs) -> None:
    instance.remember_stored_slug(update_fields=update_fields)


@receiver(post_save, sender=Article, dispatch_uid="article_slug_history_on_save")
def record_slug_history_on_article_save(sender, instance: Article, **kwargs) -> None:
    """A revert is a raw save that changes the slug too, so raw saves count."""
    services.article_slug_history_record(article=instance, old_slug=instance.stored_slug)


@receiver(post_save, sender=Article, dispatch_uid="article_listings_on_save")
def article_listings_follow_save(sender, instance: Article, created: bool, update_fields=None,
                                 **kwargs) -> None:  # fmt: skip
    """A revert is a raw save that may change the category too, so raw saves count."""
    services.article_listings_follow(article=instance, created=created,
                                     update_fields=update_fields)  # fmt: skip


# ------------------------------------------------------------------------------
# Image files follow their rows: a deleted or replaced image leaves no file behind
# ------------------------------------------------------------------------------
# The image field of each model, with the width and height fields filled from it.
IMAGE_FIELDS = {
    Image: ("file", "width", "height"),
    Tag: ("picture", "picture_width", "picture_height"),
}


def delete_image_files(model, field_name: str, name: str) -> None:
    """Remove a stored image and every rendition imagekit made of it."""
    if not name:
        return
    # A throwaway instance whose image is the old file, to ask imagekit for the
    # names of that file's renditions; with its size given, Django does not open
    # the file to measure it.
    _, width_field, height_field = IMAGE_FIELDS[model]
    holder = model(**{field_name: name, width_field: 1, height_field: 1})
    storage = getattr(holder, field_name).storage
    for attr, descriptor in vars(model).items():
        if isinstance(descriptor, ImageSpecFileDescriptor) and (
            descriptor.source_field_name == field_name
        ):
            rendition = getattr(holder, attr)
            if rendition.name and rendition.storage.exists(rendition.name):
                rendition.storage.delete(rendition.name)
            backend = rendition.cachefile_backend
            if isinstance(backend, CachedFileBackend):
                # imagekit remembers that a rendition exists; a later upload that
                # gets the same name must not be served a deleted file.
                backend.cache.delete(backend.get_key(rendition))
    if storage.exists(name):
        storage.delete(name)


def _delete_unless_shared(model, field_name: str, name: str) -> None:
    # A translation's images are the original's files (services.article_translate):
    # a file goes only with the last row that shows it.
    if name and not model._base_manager.filter(**{field_name: name}).exists():
        delete_image_files(model, field_name, name)


def _delete_after_commit(model, field_name: str, name: str) -> None:
    # After the commit: a rolled-back delete or replacement keeps its file.
    transaction.on_commit(lambda: _delete_unless_shared(model, field_name, name))


@receiver(pre_save, sender=Image, dispatch_uid="library_image_replaced_file")
@receiver(pre_save, sender=Tag, dispatch_uid="tag_picture_replaced_file")
def delete_replaced_image_file(sender, instance, raw: bool, update_fields=None, **kwargs) -> None:
    """When an image field gets another file (or is cleared), remove the old one.

    A revert of the revision history saves rows raw; if the revision names a file
    that has since been replaced and deleted, the current file is kept instead of a
    dangling name.
    """
    field_name, width_field, height_field = IMAGE_FIELDS[sender]
    if instance.pk is None or (update_fields is not None and field_name not in update_fields):
        return
    current = (
        sender._base_manager.filter(pk=instance.pk)
        .values_list(field_name, width_field, height_field)
        .first()
    )
    new_name = getattr(instance, field_name).name or ""
    if current is None or current[0] == new_name or not current[0]:
        return
    old_name = current[0]
    storage = getattr(instance, field_name).storage
    if raw and new_name and not storage.exists(new_name):
        logger.info("Revert names the deleted file %s; keeping %s", new_name, old_name)
        setattr(instance, field_name, old_name)
        setattr(instance, width_field, current[1])
        setattr(instance, height_field, current[2])
        return
    _delete_after_commit(sender, field_name, old_name)


@receiver(post_delete, sender=Image, dispatch_uid="library_image_deleted_file")
@receiver(post_delete, sender=Tag, dispatch_uid="tag_picture_deleted_file")
def delete_image_file_of_deleted_row(sender, instance, **kwargs) -> None:
    field_name = IMAGE_FIELDS[sender][0]
    _delete_after_commit(sender, field_name, getattr(instance, field_name).name or "")


@receiver(pre_save, sender=Article, dispatch_uid="article_revert_keeps_featured_image")
def keep_featured_image_of_reverted_article(sender, instance: Article, raw: bool, **kwargs) -> None:
    """A revert saves rows raw; a revision whose featured image was deleted from the
    library since keeps today's image rather than naming a row that is gone."""
    if raw and instance.pk is not None:
        services.article_featured_image_keep(article=instance)


# ------------------------------------------------------------------------------
# Editorial groups
# ------------------------------------------------------------------------------
@receiver(post_migrate, dispatch_uid="editorial_groups_get_new_permissions")
def grant_editorial_group_permissions(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Give the Author and Editor groups the permissions of the app just migrated.

    The data migration made the groups with the permissions that existed then; the
    comment and newsletter apps get models later, and their permissions must reach
    the editors without another migration here.
    """
    label = sender.label
    if label in EDITOR_APP_LABELS or label in AUTHOR_PERMISSIONS or label in EDITOR_PERMISSIONS:
        sync_group_permissions(app_labels=[label], using=using)
