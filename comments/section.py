"""The comment section of an article page, as one reader's request asks for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, gettext

from articles.models import Article
from core.forms_token import carries_nothing_personal

from .forms import CommentForm
from .selectors import (
    CommentNode,
    CommentSection,
    Sort,
    Voter,
    comment_section,
    section_rows_key,
)

VOTER_COOKIE = "comment_voter"
VOTER_SALT = "comments.voter"


def comment_message_tag(comment_id: int) -> str:
    """The extra tag of a message about one comment: the page shows it beside the comment."""
    return f"comment-{comment_id}"


def reader_voter(request: HttpRequest) -> Voter | None:
    """The voter the page should show votes for, without making a new guest key."""
    if request.user.is_authenticated:
        return Voter(user_id=request.user.pk)
    key = request.get_signed_cookie(VOTER_COOKIE, default="", salt=VOTER_SALT)
    return Voter(guest_key=key) if key and settings.COMMENTS_GUEST_VOTING else None


@dataclass
class SectionView:
    """The section and what the reader's request adds to it: the form, the reply target."""

    section: CommentSection
    form: CommentForm
    reply_to: CommentNode | None
    reply_missing: bool
    sorts: list[tuple[str, str]]
    can_vote: bool
    author_ids: frozenset[int]


def _sort_labels() -> list[tuple[str, str]]:
    return [
        (Sort.NEWEST, gettext("Newest")),
        (Sort.OLDEST, gettext("Oldest")),
        (Sort.VOTES, gettext("Most voted")),
    ]


# How long the new-comment form of an article is kept for readers who carry nothing
# personal. Its security hash holds the time it was made, and xtd refuses a post whose
# form is older than two hours: five minutes here and the page cache's keeping of the
# page around it stay far inside that.
SHARED_FORM_SECONDS = 300


def shared_form_key(*, view: SectionView, request: HttpRequest, cache_version: str | None):
    """The cache key of the form for a new thread when its HTML may be the same for
    every reader who sees it, else None.

    That is a reader who carries nothing personal (their token field is the empty one,
    core/forms_token.py; no name or address filled in) looking at a fresh form, not a
    reply, on a page that gives a `cache_version` (the site's generation and the
    article page's path version: a moved or retitled article, whose URL the form's
    login link names, or comments closed, gives a new one). The form was a tenth of an
    uncached article page (2.8 ms of 23).
    """
    if cache_version is None or view.reply_to is not None or view.form.is_bound:
        return None
    if not carries_nothing_personal(request):
        return None
    return _form_key(article_id=view.form.target_object.pk, cache_version=cache_version)


def _form_key(*, article_id: int, cache_version: str) -> str:
    return f"comments:form:{get_language()}:{article_id}:{cache_version}:{settings.COMMENTS_GUESTS}"


def section_cache_keys(*, article: Article, request: HttpRequest, cache_version: str | None):
    """The shared-cache entries section_for_request() and the shared form will read for
    this request, for one read-ahead (core/read_ahead.py) before they do."""
    if cache_version is None:
        return []
    sort, show_all = _threads_asked_for(request)
    rows = section_rows_key(
        article_id=article.pk, cache_version=cache_version, sort=sort, show_all=show_all
    )
    if request.GET.get("reply") or not carries_nothing_personal(request):
        return [rows]
    return [rows, _form_key(article_id=article.pk, cache_version=cache_version)]


def _threads_asked_for(request: HttpRequest) -> tuple[str, bool]:
    """The sort of the threads and whether every thread is shown, as the query asks."""
    return Sort.clean(request.GET.get("sort")), request.GET.get("comments") == "all"


def section_for_request(
    *,
    article: Article,
    request: HttpRequest,
    cache_version: str | None = None,
    author_ids: Iterable[int] = (),
) -> SectionView:
    """The article page's comment section as this reader's request asks for it: the
    sort, every thread or the first ones, the comment being answered, their votes;
    comments by the article's `author_ids` get a badge.

    A fixed number of queries whatever the number of comments (see comment_section,
    and for `cache_version`).
    """
    user = request.user
    sort, show_all = _threads_asked_for(request)
    section = comment_section(
        article=article,
        sort=sort,
        show_all=show_all,
        voter=reader_voter(request),
        user=user,
        cache_version=cache_version,
    )
    reply_to = None
    reply_missing = False
    raw = request.GET.get("reply")
    if raw:
        try:
            reply_to = section.nodes.get(int(raw))
        except ValueError:
            reply_to = None
        reply_missing = reply_to is None
    form = CommentForm(article, initial={"reply_to": reply_to.comment.pk if reply_to else 0})
    if reply_to:
        # The reader came for this form: put the cursor in it, no script needed.
        form.fields["comment"].widget.attrs["autofocus"] = True
    return SectionView(
        section=section,
        form=form,
        reply_to=reply_to,
        reply_missing=reply_missing,
        sorts=_sort_labels(),
        can_vote=user.is_authenticated or settings.COMMENTS_GUEST_VOTING,
        author_ids=frozenset(author_ids),
    )
