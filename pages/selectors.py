"""Reads of static pages for the reader site."""

from __future__ import annotations

from .models import Page


def page_by_slug(*, slug: str, language: str | None = None) -> Page | None:
    return Page.objects.published().in_edition(language).filter(slug=slug).first()


def footer_links(*, language: str | None = None) -> list[tuple[str, str]]:
    """(title, URL) of the pages the editors chose for the footer, in their order: one
    query; the reader caches the result with its category tree's generation."""
    pages = Page.objects.in_edition(language).in_footer().only("title", "slug", "language")
    return [(page.title, page.get_absolute_url()) for page in pages]


def sitemap_pages(*, language: str | None = None):
    return Page.objects.published().in_edition(language).order_by("slug")
