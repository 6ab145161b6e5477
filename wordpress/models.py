"""What an import from WordPress leaves behind: which of our rows came from which
WordPress item (so that a second run updates instead of duplicating), and the old
addresses that answer with a 301 to the rows' current URLs."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.editions import default_edition, edition_choices


class ImportedItem(models.Model):
    """One WordPress item (a post, a comment, a category…) and the row it became."""

    language = models.CharField(
        _("edition"), max_length=7, choices=edition_choices, default=default_edition
    )
    kind = models.CharField(_("kind"), max_length=20)
    wp_id = models.CharField(_("WordPress id"), max_length=100)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # A digest of the item as the export had it: an unchanged item is left alone.
    digest = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "kind", "wp_id"], name="imported_item_once_per_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.wp_id}"


class LegacyRedirectQuerySet(models.QuerySet):
    def target_url(self, sources: list[str]) -> str | None:
        """The current URL of what the first matching old address led to, if readers
        may see it; computed now, so it follows every later rename and move."""
        found = {row.source: row for row in self.filter(source__in=sources)}
        for source in sources:
            if source in found and (url := found[source].current_url()):
                return url
        return None


class LegacyRedirect(models.Model):
    """An old address (a path such as /2024/05/17/slug/, or a query on the old site's
    home such as /?p=12) and what it led to."""

    source = models.CharField(_("old address"), max_length=700, unique=True)
    language = models.CharField(
        _("edition"), max_length=7, choices=edition_choices, default=default_edition
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    objects = LegacyRedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self) -> str:
        return self.source

    def current_url(self) -> str | None:
        target = self.target
        if target is None or not _visible(target):
            return None
        with translation.override(self.language):
            return target.get_absolute_url()


def _visible(target) -> bool:
    """Readers may see it: no old address leads to a draft or a hidden section."""
    for attribute in ("is_published", "is_active"):
        if hasattr(target, attribute):
            return bool(getattr(target, attribute))
    return True
