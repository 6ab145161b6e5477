"""Static pages: About, Contact, Impressum, Datenschutzerklärung and the like.

A page belongs to one edition (its language), as an article does; the versions of
one page in several editions share a translation_key. Its text is written with the
articles' editor and cleaned by the articles' sanitizer, on every save.

URL: /page/<slug>/ (under the edition's prefix, /de/page/<slug>/). Not /<slug>/: a path
of one segment is a top-level category (reader.views.path_dispatch), and the two would
fight over it; "page" is in articles.models.RESERVED_SLUGS, so no section can take it.
"""

from __future__ import annotations

import uuid

import reversion
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.models import ARTICLE_BODY_EXTENSIONS, SanitizedHTMLField
from articles.sanitize import sanitize_html
from core.editions import current_edition, default_edition, edition_choices


class PageQuerySet(models.QuerySet):
    def published(self) -> PageQuerySet:
        return self.filter(is_published=True)

    def in_edition(self, language: str | None = None) -> PageQuerySet:
        return self.filter(language=language or current_edition())

    def in_footer(self) -> PageQuerySet:
        return self.published().filter(show_in_footer=True).order_by("footer_order", "title")


class Page(models.Model):
    language = models.CharField(
        _("edition"), max_length=7, choices=edition_choices, default=default_edition
    )
    translation_key = models.UUIDField(_("page"), default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, help_text=_("The last part of the page's URL.")
    )
    body = SanitizedHTMLField(
        _("body"), blank=True, extensions=ARTICLE_BODY_EXTENSIONS, sanitize=sanitize_html
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Readers see only published pages.")
    )
    show_in_footer = models.BooleanField(
        _("link in the footer"), default=False, help_text=_("Linked from every page's footer.")
    )
    footer_order = models.PositiveSmallIntegerField(
        _("order in the footer"), default=0, help_text=_("Lower numbers come first.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("static page")
        verbose_name_plural = _("static pages")
        ordering = ["language", "footer_order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="page_slug_unique_per_edition"
            ),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="page_one_row_per_edition"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("reader:page", kwargs={"slug": self.slug})


class PageImage(models.Model):
    """A library image a page's body shows ([[image:N]]): kept from the body on every
    save (pages/signal_handlers.py), so that the library counts the page among the
    image's uses and refuses to delete it (PROTECT). A page's figure shows the
    library's texts; this row has none of its own."""

    page = models.ForeignKey(
        Page, verbose_name=_("static page"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ForeignKey(
        "articles.Image", verbose_name=_("image"), on_delete=models.PROTECT,
        related_name="page_uses",
    )  # fmt: skip

    class Meta:
        verbose_name = _("image on the page")
        verbose_name_plural = _("images on the page")
        constraints = [models.UniqueConstraint(fields=["page", "image"], name="page_image_once")]

    def __str__(self) -> str:
        # What the library's "used in" and its refused delete list.
        return str(self.page)


reversion.register(Page)
