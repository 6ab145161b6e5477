"""Section and tag names, slugs and descriptions (and a tag picture's alt text) per
edition (django-modeltranslation): a column per language on the same row, so a page
reads them with no join, and the ORM's lookups on `name`, `slug` and `path` follow
the active language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Tag


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug", "description", "path")


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name", "slug", "description", "picture_alt")
