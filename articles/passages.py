"""Passages of an article body that readers may discuss ("inline feedback").

An editor marks a paragraph in the body editor (static/articles/admin/passages.js);
the paragraph then carries `data-passage="<id>"`, a short random id the editor makes
once. The id lives in the paragraph's own markup, so edits of other paragraphs, moving
the paragraph or rewording it keep it, and the comments on it stay attached; removing
the mark (or the paragraph) closes the passage, and its comments stay in the main
section without a quote.

The body is sanitizer output (articles/sanitize.py): the attribute survives only on
`<p>`, only with a valid id, only once per body, and nh3 always writes it as
`<p data-passage="…">`, so a regular expression finds every passage.
"""

from __future__ import annotations

import re
from html import unescape

from django.utils.html import strip_tags

PASSAGE_ATTRIBUTE = "data-passage"
# Letters and digits, 6 to 16 of them: what the editor makes, and nothing to escape.
PASSAGE_ID = re.compile(r"[a-z0-9]{6,16}")
PASSAGE_ID_MAX_LENGTH = 16

# A marked paragraph and its content, in sanitizer output: <p> has no other attribute,
# and paragraphs do not nest. Group 1 is the id, group 2 the content.
PASSAGE_PARAGRAPH = re.compile(r'<p data-passage="([a-z0-9]{6,16})">(.*?)</p>', re.DOTALL)


def is_passage_id(value: str) -> bool:
    return bool(value) and PASSAGE_ID.fullmatch(value) is not None


def passage_ids(body: str) -> list[str]:
    """The passages of a sanitized body, in reading order."""
    if PASSAGE_ATTRIBUTE not in (body or ""):
        return []
    return [match.group(1) for match in PASSAGE_PARAGRAPH.finditer(body)]


def passage_texts(body: str) -> dict[str, str]:
    """Each passage's plain text, for the quote above a comment on it."""
    if PASSAGE_ATTRIBUTE not in (body or ""):
        return {}
    return {
        match.group(1): " ".join(unescape(strip_tags(match.group(2))).split())
        for match in PASSAGE_PARAGRAPH.finditer(body)
    }


def drop_repeated_passages(body: str) -> str:
    """Keep each id on its first paragraph only: a copied and pasted paragraph brings
    its id along, and one id must name one passage."""
    if PASSAGE_ATTRIBUTE not in body:
        return body
    seen: set[str] = set()

    def once(match: re.Match) -> str:
        passage = match.group(1)
        if passage in seen:
            return "<p>"
        seen.add(passage)
        return match.group(0)

    return re.sub(r'<p data-passage="([a-z0-9]{6,16})">', once, body)


def editor_extension() -> dict:
    """The body editor's passage button (static/articles/admin/passages.js), for
    DJANGO_PROSE_EDITOR_EXTENSIONS: the module, and what it adds to the library's own
    allow-list (the body is cleaned by articles/sanitize.py, which says the same)."""
    from django_prose_editor.config import html_tags
    from js_asset import static_lazy

    return {
        "js": [static_lazy("articles/admin/passages.js")],
        "extensions": {"Passage": html_tags(["p"], {"p": [PASSAGE_ATTRIBUTE]})},
    }
