"""Reads for the comment section: what one article page shows, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, Subquery
from django.utils import timezone

from articles.models import Article
from articles.passages import passage_ids
from articles.selectors import articles_readable_by
from core import read_ahead
from core.ids import parse_id

from .models import Comment, CommentVote


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    VOTES = "votes"
    ALL = (NEWEST, OLDEST, VOTES)

    # Database order of the top-level comments, and the same order in Python.
    ORDER_BY = {
        NEWEST: ("-submit_date", "-pk"),
        OLDEST: ("submit_date", "pk"),
        VOTES: ("-score", "-submit_date", "-pk"),
    }

    @staticmethod
    def key(sort: str):
        if sort == Sort.OLDEST:
            return lambda c: (c.submit_date, c.pk)
        if sort == Sort.VOTES:
            return lambda c: (-c.score, -c.submit_date.timestamp(), -c.pk)
        return lambda c: (-c.submit_date.timestamp(), -c.pk)

    @staticmethod
    def clean(value: str | None) -> str:
        return value if value in Sort.ALL else settings.COMMENTS_DEFAULT_SORT


@dataclass(frozen=True)
class Voter:
    """Who votes: a member by account or a guest by the key in their browser's cookie."""

    user_id: int | None = None
    guest_key: str = ""

    def __bool__(self) -> bool:
        return bool(self.user_id or self.guest_key)

    def lookup(self) -> dict:
        if self.user_id:
            return {"user_id": self.user_id, "guest_key": ""}
        return {"user_id": None, "guest_key": self.guest_key}


@dataclass
class CommentNode:
    comment: Comment
    children: list[CommentNode] = field(default_factory=list)
    my_vote: int = 0
    can_edit: bool = False
    # The answered comment when the reply had to join a shallower level.
    replied_to: Comment | None = None


@dataclass
class CommentSection:
    article: Article
    sort: str
    total: int
    thread_count: int
    threads: list[CommentNode]
    nodes: dict[int, CommentNode]
    show_all: bool
    is_open: bool

    @property
    def has_more(self) -> bool:
        return not self.show_all and self.thread_count > len(self.threads)

    @property
    def more_count(self) -> int:
        """Comments behind "View all comments": the other threads, with their replies."""
        return self.total - len(self.nodes) if self.has_more else 0


def comments_open(*, article: Article) -> bool:
    """The one rule for "may readers comment here?", shared with xtd's moderator."""
    from .moderation import article_moderator

    return article.is_published and article_moderator().allow(None, article, None)


def visible_comment(*, pk: int | str) -> Comment | None:
    """A comment readers can see, on an article they can see, with that article loaded."""
    pk = parse_id(pk, model=Comment)
    if pk is None:
        return None
    return (
        Comment.objects.visible()
        .select_related(None)
        .select_related("article__category")
        .filter(pk=pk, article__in=Article.objects.published())
        .first()
    )


def comment_for_reader(*, pk: int | str | None, user) -> Comment | None:
    """The comment `pk` if this reader may see it, with its article: a public comment, or
    their own that waits for review, on an article they may open."""
    pk = parse_id(pk, model=Comment)
    if pk is None:
        return None
    shown = Q(is_public=True)
    if user.is_authenticated:
        shown |= Q(user_id=user.pk)
    return (
        Comment.objects.filter(shown, pk=pk, is_removed=False)
        .filter(article__in=articles_readable_by(user=user))
        .select_related(None)
        .select_related("article__category")
        .first()
    )


def article_for_reader(*, pk: int | str | None, user) -> Article | None:
    pk = parse_id(pk, model=Article)
    if pk is None:
        return None
    return articles_readable_by(user=user).select_related("category").filter(pk=pk).first()


def edit_deadline(comment: Comment) -> datetime:
    return comment.submit_date + timedelta(minutes=settings.COMMENTS_EDIT_MINUTES)


def can_edit(*, comment: Comment, user, now: datetime | None = None) -> bool:
    """Authors edit their own comment while the edit window is open."""
    if not getattr(user, "is_authenticated", False) or comment.user_id != user.pk:
        return False
    return (now or timezone.now()) < edit_deadline(comment)


# How long the comments of a section are kept (`cache_version`); any change to them
# gives the section a new version at once.
SECTION_ROWS_SECONDS = 300


def _section_rows(*, article: Article, sort: str, show_all: bool) -> tuple[dict, list[Comment]]:
    """The counts (one aggregate) and the comments of the threads on show (one query,
    the thread page chosen in a subquery), the same for every reader."""
    visible = Comment.objects.visible().for_article(article).select_related(None)
    counts = visible.order_by().aggregate(total=Count("pk"), threads=Count("pk", filter=Q(level=0)))
    rows = visible.order_by("thread_id", "order")
    if not show_all:
        page = visible.top_level().order_by(*Sort.ORDER_BY[sort])
        page_ids = page.values("thread_id")[: settings.COMMENTS_THREADS_SHOWN]
        rows = rows.filter(thread_id__in=Subquery(page_ids))
    return counts, list(rows) if counts["total"] else []


def section_rows_key(*, article_id: int, cache_version: str, sort: str, show_all: bool) -> str:
    return f"comments:section:{article_id}:{cache_version}:{sort}:{int(show_all)}"


def comment_section(
    *,
    article: Article,
    sort: str | None = None,
    show_all: bool = False,
    voter: Voter | None = None,
    user=None,
    cache_version: str | None = None,
) -> CommentSection:
    """Everything the article page shows of its comments.

    Queries: the counts and the comments on show (`_section_rows`), and the reader's
    own votes on them when the reader has an identity. Replies stay in thread order
    under their parent whatever the sort of the threads.

    With `cache_version`, a token that changes with every change to the article's
    comments (the article page's own, reader.cache.path_version, which every comment
    saved, voted on, moderated or deleted replaces), the counts and comments are kept
    in the shared cache under it: they are the same for every reader, logged in or
    not, and were a fifth of an article page. What is the reader's own (their votes,
    what they may edit) is worked out on every request.
    """
    sort = Sort.clean(sort)
    if cache_version is None:
        counts, comments = _section_rows(article=article, sort=sort, show_all=show_all)
    else:
        key = section_rows_key(
            article_id=article.pk, cache_version=cache_version, sort=sort, show_all=show_all
        )
        found = read_ahead.get(key)
        if found is None:
            found = _section_rows(article=article, sort=sort, show_all=show_all)
            cache.set(key, found, SECTION_ROWS_SECONDS)
        counts, comments = found

    now = timezone.now()
    nodes: dict[int, CommentNode] = {}
    threads: list[CommentNode] = []
    for comment in comments:
        node = CommentNode(comment=comment, can_edit=can_edit(comment=comment, user=user, now=now))
        if comment.level == 0:
            threads.append(node)
        else:
            parent = nodes.get(comment.parent_id)
            if parent is None:
                # Its parent is hidden: xtd hides the subtree with it, so this
                # is only a moment's inconsistency; never show an orphan.
                continue
            parent.children.append(node)
            if comment.replied_to_id and comment.replied_to_id != comment.parent_id:
                answered = nodes.get(comment.replied_to_id)
                node.replied_to = answered.comment if answered else None
        nodes[comment.pk] = node
    threads.sort(key=lambda node: Sort.key(sort)(node.comment))

    if voter and nodes:
        votes = CommentVote.objects.filter(comment_id__in=list(nodes), **voter.lookup())
        for comment_id, value in votes.values_list("comment_id", "value"):
            nodes[comment_id].my_vote = value

    return CommentSection(
        article=article,
        sort=sort,
        total=counts["total"],
        thread_count=counts["threads"],
        threads=threads,
        nodes=nodes,
        show_all=show_all,
        is_open=comments_open(article=article),
    )


# ------------------------------------------------------------------------------
# Inline feedback: comments on a passage of the body (articles/passages.py)
# ------------------------------------------------------------------------------
def passage_counts(*, article: Article) -> dict[str, int]:
    """How many visible comments each passage of the article has: one aggregate query
    for all of them, none when the body has no passage."""
    passages = passage_ids(article.body)
    if not passages:
        return {}
    counts = dict.fromkeys(passages, 0)
    rows = (
        Comment.objects.visible()
        .for_article(article)
        .filter(passage__in=passages)
        .order_by()
        .values_list("passage")
        .annotate(n=Count("pk"))
    )
    counts.update(rows)
    return counts


def passage_comments(*, article: Article, passage: str) -> list[Comment]:
    """The visible comments on one passage, threads in order, replies under their parent."""
    return list(
        Comment.objects.visible()
        .for_article(article)
        .filter(passage=passage)
        .select_related(None)
        .order_by("thread_id", "order")
    )
