"""The site's editions: one per language in settings.LANGUAGES, the default one
(LANGUAGE_CODE) without a URL prefix, the others under theirs (/de/…)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation


def edition_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def edition_choices() -> list[tuple[str, str]]:
    """For model fields: a callable, so that the list in settings stays out of migrations."""
    return list(settings.LANGUAGES)


def edition_name(code: str) -> str:
    """The language's name in the active language ("German", "Deutsch")."""
    return str(dict(settings.LANGUAGES).get(code, code))


def default_edition() -> str:
    return settings.LANGUAGE_CODE


def current_edition() -> str:
    """The edition being served (or mailed, or imported): the active language when
    it is one of the editions, else the default one."""
    language = translation.get_language() or ""
    codes = edition_codes()
    if language in codes:
        return language
    base = language.split("-")[0]
    return base if base in codes else default_edition()


def is_multilingual() -> bool:
    return len(settings.LANGUAGES) > 1


def fallback_order(language: str) -> list[str]:
    """Where a name missing in `language` is taken from: the default edition, then
    any other, as MODELTRANSLATION_FALLBACK_LANGUAGES says for the descriptors."""
    order = [language, default_edition(), *edition_codes()]
    return list(dict.fromkeys(order))
