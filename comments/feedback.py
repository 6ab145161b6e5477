"""Inline feedback on the article page: a marker beside each passage open for comments,
and the passage's thread under it.

Each marker is a link to the article page with `?passage=<id>`, which renders that
passage's thread (its comments and a form that posts to it) right under the passage:
that is the whole feature without JavaScript. static/js/passages.js opens the same
thread in place, taken from that same page, so both ways show one rendering.
The comments also stand in the main section, each with a quote of its passage
(comments/tree.py).
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from articles.models import Article
from articles.passages import PASSAGE_PARAGRAPH, passage_ids

from .forms import CommentForm
from .selectors import comments_open, passage_comments, passage_counts
from .text import comment_html


def anchor(passage: str) -> str:
    return f"passage-{passage}"


def thread_anchor(passage: str) -> str:
    return f"passage-{passage}-thread"


def with_feedback(body: str, *, article: Article, request: HttpRequest, context) -> SafeString:
    """The rendered body with a marker closing each passage, and under the passage the
    reader asked for (`?passage=`) its thread. One query for all the counts; the open
    thread adds its comments' query."""
    if not article.is_published or not passage_ids(body):
        return mark_safe(body)  # noqa: S308 - the caller's body, as it came
    counts = passage_counts(article=article)
    opened = request.GET.get("passage", "")
    article_url = article.get_absolute_url()

    def marked(match: re.Match) -> str:
        passage, content = match.group(1), match.group(2)
        count = counts.get(passage, 0)
        label = ngettext(
            "%(count)d comment on this passage", "%(count)d comments on this passage", count
        ) % {"count": count}
        marker = format_html(
            '<a class="passage-marker{}" href="{}?passage={}#{}" data-passage-marker="{}"'
            ' aria-label="{}" title="{}"><span aria-hidden="true">{}</span></a>',
            " passage-marker--empty" if not count else "",
            article_url, passage, thread_anchor(passage), passage, label, label, count,
        )  # fmt: skip
        paragraph = format_html(
            '<p data-passage="{}" id="{}" class="passage">', passage, anchor(passage)
        ) + mark_safe(f"{content} {marker}</p>")  # noqa: S308 - sanitized body and our markup
        if passage == opened:
            paragraph += passage_thread(
                article=article, passage=passage, request=request, context=context
            )
        return paragraph

    return mark_safe(PASSAGE_PARAGRAPH.sub(marked, body))  # noqa: S308 - sanitized body and our markup


def passage_thread(*, article: Article, passage: str, request: HttpRequest, context) -> str:
    """One passage's discussion: its comments and, while comments are open, the form."""
    is_open = comments_open(article=article)
    form = None
    if is_open:
        # Ids of its own: the page's main comment form is on the page too.
        form = CommentForm(article, initial={"passage": passage}, auto_id="passage-%s")
    return render_to_string(
        "comments/includes/passage_thread.html",
        {
            **context.flatten(),
            "article": article,
            "passage": passage,
            "thread_id": thread_anchor(passage),
            "passage_anchor": anchor(passage),
            "entries": [
                (comment, comment_html(comment.comment))
                for comment in passage_comments(article=article, passage=passage)
            ],
            "form": form,
            "passage_form": True,
        },
        request=request,
    )
