"""A translation's numbers against its original's, as the article's fields hold them:
what refuses a publish (services.article_publish) and what the admin shows, each
mismatch in the sentence it stands in on both sides."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from .models import Article
from .numbers import LANGUAGES, Mismatch, Quantity, compare_article_numbers, plain_text

# The fields compared, as the check names them, with their labels for the admin.
FIELDS = {
    "title": _("title"),
    "lead": _("lead"),
    "body": _("body"),
    "sources": _("sources"),
}
# A sentence ends at ., ! or ? before a space, or at a line break; a long one is cut.
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_MAX_SIDE = 200


def article_texts(article: Article) -> dict[str, str]:
    """The compared fields of one article. Queries: its sources."""
    return {
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "sources": "\n".join(article.sources.values_list("name", flat=True)),
    }


@dataclass(frozen=True)
class Sentence:
    """The sentence a number stands in, split around the number for highlighting."""

    before: str
    number: str
    after: str


def sentence_around(text: str, start: int, end: int) -> Sentence:
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    found = _SENTENCE_END.search(text, end)
    right = found.end() if found else len(text)
    before, after = text[left:start], text[end:right]
    if len(before) > _MAX_SIDE:
        before = "…" + before[-_MAX_SIDE:].split(" ", 1)[-1]
    if len(after) > _MAX_SIDE:
        after = after[:_MAX_SIDE].rsplit(" ", 1)[0] + "…"
    return Sentence(
        " ".join(before.split()) + (" " if before[-1:].isspace() else ""),
        text[start:end],
        (" " if after[:1].isspace() else "") + " ".join(after.split()),
    )


@dataclass(frozen=True)
class ShownMismatch:
    """One mismatch as the admin shows it: the field, and each side's sentence (None
    for a side that does not have the number)."""

    field: str
    label: str
    original: Sentence | None
    translation: Sentence | None
    mismatch: Mismatch


@dataclass(frozen=True)
class NumberCheck:
    """The mismatches between a translation and its original, for one state of both
    texts; `digest` names that state, so that a confirmation given for the mismatches
    shown does not cover others that a later edit brings."""

    article: Article
    original_texts: dict[str, str]
    translation_texts: dict[str, str]
    mismatches: tuple[Mismatch, ...]

    @property
    def agrees(self) -> bool:
        return not self.mismatches

    @cached_property
    def digest(self) -> str:
        if not self.mismatches:
            return ""

        def side(quantity: Quantity | None) -> str:
            return f"{quantity.text}\x1f{quantity.context}" if quantity else ""

        lines = [
            f"{mismatch.field}\x1e{side(mismatch.original)}\x1e{side(mismatch.translation)}"
            for mismatch in self.mismatches
        ]
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:32]

    def shown(self) -> list[ShownMismatch]:
        plain = {
            "original": {name: plain_text(text) for name, text in self.original_texts.items()},
            "translation": {
                name: plain_text(text) for name, text in self.translation_texts.items()
            },
        }

        def sentence(side: str, field: str, quantity: Quantity | None) -> Sentence | None:
            if quantity is None:
                return None
            return sentence_around(plain[side][field], quantity.start, quantity.end)

        return [
            ShownMismatch(
                field=mismatch.field,
                label=str(FIELDS.get(mismatch.field, mismatch.field)),
                original=sentence("original", mismatch.field, mismatch.original),
                translation=sentence("translation", mismatch.field, mismatch.translation),
                mismatch=mismatch,
            )
            for mismatch in self.mismatches
        ]


def number_check(article: Article) -> NumberCheck | None:
    """The check of a translation against its original (None for an article that is no
    translation, or whose languages the check cannot read).

    Queries: the original (unless loaded), the sources of both.
    """
    original = article.translation_of
    if original is None or not {original.language, article.language} <= set(LANGUAGES):
        return None
    original_texts, translation_texts = article_texts(original), article_texts(article)
    mismatches = compare_article_numbers(
        original_texts=original_texts,
        translation_texts=translation_texts,
        source_language=original.language,
        target_language=article.language,
    )
    return NumberCheck(article, original_texts, translation_texts, tuple(mismatches))
