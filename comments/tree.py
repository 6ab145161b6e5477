"""The comment threads of an article page, rendered with Jinja2.

A page with every comment shown renders a few hundred of the same fragment, and the
Django template language spends most of that page's time on its per-comment include
(measured with cProfile: README, "Benchmarks"). The fragment is
templates/jinja2/comments/comment_tree.html; everything that is the same for every
comment of the page (the interface's words, URL patterns, the reader's token field,
the reply form) is worked out here once. Readers see the same markup as before: the
same elements, words and links, their own votes and edit links.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import quote

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from articles.passages import passage_texts
from core.dates import long_datetime, machine_datetime, time_ago
from core.forms_token import form_token_field

from .section import SectionView
from .text import comment_html

TEMPLATE = "comments/comment_tree.html"
_PK = 2_147_483_647  # a stand-in id, to reverse a URL once per page


def _words() -> dict[str, str]:
    return {
        "author": gettext("Author"),
        "edited": gettext("edited"),
        "vote_up": gettext("Vote up"),
        "vote_down": gettext("Vote down"),
        "score": gettext("Score: up votes minus down votes"),
        "reply": gettext("Reply"),
        "edit": gettext("Edit"),
        "report": gettext("Report"),
        "on_passage": gettext("On this passage:"),
    }


def _url_pattern(name: str):
    """reverse(name, pk) for every comment, for the cost of one reverse()."""
    head, _, tail = reverse(name, args=[_PK]).partition(str(_PK))
    return lambda pk: f"{head}{pk}{tail}"


def _in_reply_to(pattern: str, comment) -> SafeString:
    return mark_safe(pattern % {"name": escape(comment.user_name), "pk": comment.pk})  # noqa: S308 - escaped


def _reply_query(request: HttpRequest):
    """`{% querystring reply=pk %}` for every comment, from one copy of the query."""
    query = request.GET.copy()
    query.pop("reply", None)
    head = f"?{query.urlencode()}&reply=" if query else "?reply="
    return lambda pk: f"{head}{pk}"


def _messages_by_comment(messages) -> dict[int, list]:
    """Messages about one comment (section.comment_message_tag), by the comment's id."""
    found: dict[int, list] = {}
    for message in messages or ():
        for tag in (message.extra_tags or "").split():
            if tag.startswith("comment-") and tag[8:].isdigit():
                found.setdefault(int(tag[8:]), []).append(message)
    return found


def render_comment_tree(*, view: SectionView, request: HttpRequest, context) -> SafeString:
    """The `<li>` of every thread of the section (the caller writes the `<ol>`)."""
    user = request.user
    signed_in = user.is_authenticated
    reply_to_pk = view.reply_to.comment.pk if view.reply_to else None
    reply_form = ""
    if view.reply_to:
        reply_form = render_to_string(
            "comments/includes/form.html",
            {**context.flatten(), "form": view.form, "replying_to": view.reply_to.comment},
            request=request,
        )
    # The section alone (views.section) is fetched at its own address; its links and
    # forms lead back to the article page it is shown in.
    full_path = context.get("page_path") or request.get_full_path()
    values = {
        "threads": view.section.threads,
        "author_ids": view.author_ids,
        "is_open": view.section.is_open,
        "signed_in": signed_in,
        "user_id": user.pk if signed_in else None,
        "t": _words(),
        "full_path": full_path,
        "full_path_quoted": quote(full_path, safe="/"),  # as the urlencode filter
        "form_token": form_token_field(request),
        "csrf_field": format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
        )
        if signed_in
        else "",
        "login_url": reverse("login"),
        "vote_url": _url_pattern("comments:vote"),
        "report_url": _url_pattern("comments:report"),
        "edit_url": _url_pattern("comments:edit"),
        "reply_query": _reply_query(request),
        "reply_to_pk": reply_to_pk,
        "reply_form": mark_safe(reply_form),  # noqa: S308 - rendered by a template
        "in_reply_to": partial(
            _in_reply_to, gettext('in reply to <a href="#c%(pk)s">%(name)s</a>')
        ),
        "comment_text": comment_html,
        "machine_datetime": machine_datetime,
        "long_date": long_datetime,
        "ago": time_ago,
        "notes": _messages_by_comment(context.get("messages")),
        # Comments on a passage quote it (inline feedback, comments/feedback.py).
        "passages": {
            passage: Truncator(text).chars(200)
            for passage, text in passage_texts(view.section.article.body).items()
        },
    }
    template = engines["jinja2"].env.get_template(TEMPLATE)
    return mark_safe(template.render(values))  # noqa: S308 - Jinja2 escapes every value
