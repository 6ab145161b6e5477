"""Sections and tags named in the German edition (django-modeltranslation's columns)."""

from __future__ import annotations

from articles.models import Category, Tag
from core.editions import edition_codes

from . import content_de

GERMAN = "de"


def has_german_edition() -> bool:
    return GERMAN in edition_codes()


def german_section(path: str) -> dict[str, str]:
    """The German columns of the demo section at `path` (English), for its creation."""
    if not has_german_edition() or path not in content_de.CATEGORIES:
        return {}
    name, slug, description = content_de.CATEGORIES[path]
    return {"name_de": name, "slug_de": slug, "description_de": description}


def name_sections() -> int:
    """German names for the demo's sections made before there was a German edition (or
    before the demo named them): saved one by one, parents first, so that each save
    rebuilds the German paths below it (Category.save, services.category_paths_rebuild)
    and the old German paths keep redirecting. A section named in German already is the
    editors' and stays as it is."""
    named = 0
    for path in content_de.CATEGORIES:  # parents before their children
        # Read again each time: the save of a parent rewrote its children's paths.
        category = Category.objects.filter(path_en=path).first()
        if category is None or category.name_de:
            continue
        for field, value in german_section(path).items():
            setattr(category, field, value)
        category.save()
        named += 1
    return named


def name_tags() -> int:
    """German names (and slugs where the German word differs) for the demo's tags."""
    named = 0
    for english, (name, slug) in content_de.TAGS.items():
        tag = Tag.objects.filter(name_en=english).first()
        if tag is None or tag.name_de:
            continue
        if english in content_de.TOPICS and not tag.description_en:
            tag.description_en, tag.description_de = content_de.TOPICS[english]
        tag.name_de = name
        if slug:
            tag.slug_de = slug
        tag.save()
        named += 1
    return named
