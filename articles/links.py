"""Internal links: a body's `<a href="[[link:article:42]]">` (articles/placeholders.py)
names its target by kind and id, and the reader gets the target's current URL.

Each kind says how editors find targets (`search`, for the editor's link button) and
which targets readers may open, at which URL (`urls`); the app that owns the model
registers it (articles/link_kinds.py, pages/link_kinds.py), so that this module knows
no app above it. Rendering costs one query per kind the body links to, never one per
link.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.db import models
from django.utils.html import escape

from .placeholders import LINK_PLACEHOLDER, link_placeholder


@dataclass(frozen=True)
class LinkTarget:
    """One search result: what the editor picks in the link dialog."""

    kind: str
    pk: int
    label: str
    detail: str = ""

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.pk,
            "label": self.label,
            "detail": self.detail,
            "href": link_placeholder(self.kind, self.pk),
        }


@dataclass(frozen=True)
class LinkKind:
    name: str  # one of placeholders.LINK_KINDS
    label: str  # lazily translated, for the dialog's headings
    model: type[models.Model]
    # (term, user, language) -> up to `limit` targets the user may link to
    search: Callable[..., list[LinkTarget]]
    # (ids, language) -> {id: URL} of the targets readers of `language` may open now
    urls: Callable[[Collection[int], str], dict[int, str]]


_KINDS: dict[str, LinkKind] = {}


def register(kind: LinkKind) -> None:
    _KINDS[kind.name] = kind


def kinds() -> list[LinkKind]:
    return list(_KINDS.values())


_LINK_HREF = re.compile(rf'href="{LINK_PLACEHOLDER}"')
# A whole internal link, as the sanitizer writes it: the href inside the opening tag;
# its text up to the first </a> (links do not nest).
_LINK_ELEMENT = re.compile(rf'<a\s[^>]*?href="{LINK_PLACEHOLDER}"[^>]*>(.*?)</a>', re.DOTALL)


def linked(html: str) -> dict[str, set[int]]:
    """The ids the body links to, by kind."""
    found: dict[str, set[int]] = defaultdict(set)
    for kind, pk in _LINK_HREF.findall(html or ""):
        found[kind].add(int(pk))
    return dict(found)


def current_urls(linked_ids: dict[str, set[int]], language: str) -> dict[tuple[str, int], str]:
    """{(kind, id): URL} of the linked targets readers of `language` may open: one
    query per kind."""
    urls = {}
    for name, ids in linked_ids.items():
        kind = _KINDS.get(name)
        if kind is None or not ids:
            continue
        urls.update(((name, pk), url) for pk, url in kind.urls(ids, language).items())
    return urls


def expand_links(html: str, urls: dict[tuple[str, int], str]) -> str:
    """Each internal link with its target's URL; one whose target readers may not open
    (deleted, unpublished, a draft) becomes its plain text, never a dead link."""

    def link(match: re.Match) -> str:
        url = urls.get((match.group(1), int(match.group(2))))
        text = match.group(3)
        if url is None:
            return text
        # Our own page: no rel="noopener noreferrer", which the sanitizer gives every link.
        return f'<a href="{escape(url)}">{text}</a>'

    return _LINK_ELEMENT.sub(link, html)


def missing_targets(html: str) -> list[str]:
    """The placeholders of internal links whose target does not exist (any state):
    what a save refuses. One query per kind linked."""
    missing = []
    for name, ids in linked(html).items():
        kind = _KINDS.get(name)
        found = set()
        if kind is not None:
            found = set(kind.model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
        missing += [link_placeholder(name, pk) for pk in sorted(ids - found)]
    return missing


def editor_options() -> dict:
    """The body editor's InternalLink options (static/articles/admin/internal_link.js),
    lazy, so that the page renders them in its own language."""
    from django.urls import reverse_lazy
    from django.utils.translation import gettext_lazy as _

    return {
        "searchUrl": reverse_lazy("admin:articles_article_link_search"),
        "labels": {
            "button": _("Link to the site"),
            "title": _("Link to an article, section, tag, author or page"),
            "search": _("Find by name"),
            "placeholder": _("e.g. a headline, a section, a person"),
            "nothing": _("Nothing of that name."),
            "failed": _("The search did not answer. Try again."),
            "cancel": _("Cancel"),
        },
    }
