"""A page's versions in the other editions: the language switcher in the header, and
the hreflang alternates and og:locale tags in the head.

Nothing here asks the database: the selectors hand over what they loaded (an
article's published translations, a section from the cached tree, a tag with the
editions that show it), and these functions only reverse URLs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.http import urlencode

from articles.models import Article
from core.editions import current_edition, default_edition, edition_codes, is_multilingual
from core.urls import absolute_url

# Open Graph names a locale with its territory.
OG_LOCALES = {"en": "en_US", "de": "de_DE"}


def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language)


def language_name(language: str) -> str:
    """The language's name in that language: "Deutsch", "English"."""
    return translation.get_language_info(language)["name_local"]


def home_url(language: str) -> str:
    with translation.override(language):
        return reverse("reader:home")


@dataclass(frozen=True)
class EditionLink:
    """One other edition in the switcher."""

    language: str
    url: str
    # The same article, section or tag in that edition; False: that edition's home.
    same_page: bool

    @property
    def name(self) -> str:
        return language_name(self.language)

    @property
    def og_locale(self) -> str:
        return og_locale(self.language)


@dataclass(frozen=True)
class EditionLinks:
    """What the switcher shows, and the alternates of pages that have some."""

    language: str
    others: list[EditionLink]
    # hreflang code -> URL of every version (this page's included) and "x-default";
    # empty for pages search engines are not to index in several versions.
    alternates: dict[str, str]

    @property
    def og_locale(self) -> str:
        return og_locale(self.language)

    @property
    def alternate_locales(self) -> list[str]:
        """og:locale:alternate: the other editions this very page exists in, on pages
        that announce their versions."""
        if not self.alternates:
            return []
        return [link.og_locale for link in self.others if link.same_page]


def edition_links(
    urls: Mapping[str, str | None], *, x_default: str | None = None, alternates: bool = True
) -> EditionLinks | None:
    """The switcher for a page whose URL in each edition is `urls[code]` (None where the
    page does not exist there: the switcher leads to that edition's home instead).

    With `alternates`, the versions are also announced as hreflang alternates, with
    "x-default" the default edition's version, else `x_default`. None with one edition.
    """
    if not is_multilingual():
        return None
    language = current_edition()
    others = [
        EditionLink(code, urls.get(code) or home_url(code), same_page=bool(urls.get(code)))
        for code in edition_codes()
        if code != language
    ]
    announced = hreflang_alternates(urls, x_default=x_default) if alternates else {}
    if not urls.get(language):
        announced = {}
    return EditionLinks(language=language, others=others, alternates=announced)


def hreflang_alternates(urls: Mapping[str, str | None], *, x_default: str | None = None):
    """hreflang code -> absolute URL of each version, and "x-default": the default
    edition's version, else `x_default`. Empty unless there are two versions at least."""
    versions = {code: url for code in edition_codes() if (url := urls.get(code))}
    if len(versions) < 2:
        return {}
    announced = {code: absolute_url(url) for code, url in versions.items()}
    default = versions.get(default_edition()) or x_default
    if default:
        announced["x-default"] = absolute_url(default)
    return announced


def story_urls(versions: Sequence[Article]) -> tuple[dict[str, str], str]:
    """The URL of each published version of a story (an article and its translations),
    and the x-default for when the default edition has none: the story's original."""
    original = next((a for a in versions if a.translation_of_id is None), versions[0])
    return {a.language: a.get_absolute_url() for a in versions}, original.get_absolute_url()


def in_every_edition(build) -> dict[str, str]:
    """`build()` (a URL reversed from the active language) for every edition."""
    urls = {}
    for code in edition_codes():
        with translation.override(code):
            urls[code] = build()
    return urls


def links_for_request(request: HttpRequest | None) -> EditionLinks | None:
    """For a page whose view gave none: the same URL name and arguments in each
    edition (a newsletter page, the login, search with its query), else that edition's
    home. Never alternates: these pages are not announced to search engines."""
    if not is_multilingual():
        return None
    urls: dict[str, str | None] = {}
    match = None
    if request is not None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
    # The catch-all of sections and articles has paths per edition: only their
    # views know them (a 404 under it, say, leads home).
    if match is not None and match.view_name != "reader:path":
        # A search keeps its words; any other query (a page number) may not exist there.
        query = urlencode({"q": request.GET["q"]}) if request.GET.get("q") else ""
        for code in edition_codes():
            with translation.override(code):
                try:
                    url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:
                    url = None
            urls[code] = f"{url}?{query}" if url and query else url
    return edition_links(urls, alternates=False)
