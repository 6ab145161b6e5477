"""Static pages as targets of a body's internal links (articles/links.py)."""

from __future__ import annotations

from collections.abc import Collection

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.link_kinds import own_or_translation_urls
from articles.links import LinkKind, LinkTarget, register

from .models import Page


def search_pages(term: str, user, language: str, limit: int) -> list[LinkTarget]:
    found = Page.objects.filter(title__icontains=term)
    if not user.has_perm("pages.view_page"):
        found = found.published()
    return [
        LinkTarget(
            "page",
            page.pk,
            page.title,
            " · ".join(
                [page.language.upper(), "/page/" + page.slug + "/"]
                + ([] if page.is_published else [gettext("not published")])
            ),
        )
        for page in found.order_by("title", "language")[:limit]
    ]


def page_urls(ids: Collection[int], language: str) -> dict[int, str]:
    return own_or_translation_urls(Page.objects.published(), ids, language)


def register_kinds() -> None:
    register(LinkKind("page", _("Static pages"), Page, search_pages, page_urls))
