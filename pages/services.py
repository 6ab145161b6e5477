"""Writes of static pages."""

from __future__ import annotations

import re

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from articles.models import Image
from articles.placeholders import IMAGE_PLACEHOLDER
from core.editions import edition_codes, edition_name

from .models import Page, PageImage


def page_translate(*, page: Page, language: str, user) -> Page:
    """Start the translation of `page` into the edition `language`: an unpublished page
    of the same translation_key with the original's title, slug and text to translate
    in, at the same place in that edition's footer."""
    if not user.has_perm("pages.add_page"):
        raise PermissionDenied
    if language not in edition_codes():
        raise ValidationError(
            _("“%(language)s” is not an edition of this site.") % {"language": language},
            code="not_an_edition",
        )
    exists = ValidationError(
        _("“%(title)s” has a %(language)s edition already.")
        % {"title": page.title, "language": edition_name(language)},
        code="edition_exists",
    )
    if Page.objects.filter(translation_key=page.translation_key, language=language).exists():
        raise exists
    slug, number = page.slug, 1
    while Page.objects.filter(language=language, slug=slug).exists():
        number += 1
        slug = f"{page.slug[:190]}-{number}"
    translation = Page(
        language=language,
        translation_key=page.translation_key,
        title=page.title,
        slug=slug,
        body=page.body,
        is_published=False,
        show_in_footer=page.show_in_footer,
        footer_order=page.footer_order,
    )
    try:
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(_("Translation started"))
            translation.save()
    except IntegrityError as error:  # another editor made this edition a moment ago
        raise exists from error
    return translation


@transaction.atomic
def page_images_record(*, page: Page) -> None:
    """Make `page`'s PageImage rows the library images its body names, no more.

    Queries: the images that exist among those named, the page's rows; a delete and
    an insert when they differ.
    """
    named = {int(pk) for pk in re.findall(IMAGE_PLACEHOLDER, page.body)}
    wanted = set(Image.objects.filter(pk__in=named).values_list("pk", flat=True) if named else ())
    have = set(PageImage.objects.filter(page=page).values_list("image_id", flat=True))
    if have - wanted:
        PageImage.objects.filter(page=page, image_id__in=have - wanted).delete()
    PageImage.objects.bulk_create(PageImage(page=page, image_id=pk) for pk in wanted - have)
