"""Demo comments for `manage.py seed_demo`: threaded discussions with votes on most articles,
in each article's own language (English and German texts; an edition without texts of its
own gets no demo comments).

Deterministic (a random generator seeded by each article's slug) and idempotent:
an article that has comments already is left alone, so a second run changes nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from articles.passages import passage_ids
from comments.models import Comment, CommentVote
from comments.services import notifications_suppressed

from . import content as _content
from . import content_de


@dataclass(frozen=True)
class Texts:
    """What readers of one edition write, and what the article's author answers."""

    comments: list[str]
    replies: list[str]
    author_replies: list[str]
    names: list[str]
    # Inline feedback: comments by passage id (articles/passages.py).
    passage_comments: dict[str, list[str]]


TEXTS = {
    "en": Texts(
        comments=_content.COMMENTS,
        replies=_content.REPLIES,
        # The article's author answering in the thread (shown with an "Author" badge).
        author_replies=[
            "Thanks for reading. We will keep following the story and update the article.",
            "Good question. We asked the company and will add their answer here.",
            "Fair point. The article now says more clearly where the figures come from.",
        ],
        names=_content.COMMENTER_NAMES,
        passage_comments=_content.PASSAGE_COMMENTS,
    ),
    "de": Texts(
        comments=content_de.COMMENTS,
        replies=content_de.REPLIES,
        author_replies=content_de.AUTHOR_REPLIES,
        names=content_de.COMMENTER_NAMES,
        passage_comments=content_de.PASSAGE_COMMENTS,
    ),
}


def _email(name: str) -> str:
    return f"{slugify(name) or 'reader'}@example.com"


class _Thread:
    """Writes one article's comments in time order, so that xtd threads them as posted."""

    def __init__(self, article: Article, rng: random.Random, now, names: list[str]):
        self.article = article
        self.names = names
        self.rng = rng
        self.now = now
        self.start = article.published_at + timedelta(minutes=20)

    def moment_after(self, earliest):
        span = max((self.now - earliest).total_seconds(), 60)
        # Discussions are busiest early: square the random fraction.
        return earliest + timedelta(seconds=span * self.rng.random() ** 2)

    def write(
        self, *, text: str, when, parent: Comment | None = None, user=None, passage: str = ""
    ) -> Comment:
        name = (
            (user.get_full_name() or user.get_username()) if user else self.rng.choice(self.names)
        )
        comment = Comment(
            content_object=self.article,
            article=self.article,
            site_id=settings.SITE_ID,
            user=user,
            user_name=name[:50],
            user_email=user.email if user else _email(name),
            comment=text,
            submit_date=when,
            is_public=True,
            parent_id=parent.pk if parent else 0,
            replied_to=parent,
            passage=parent.passage if parent else passage,
        )
        comment.save()
        return comment


def _seed_article(article: Article, now, words: Texts) -> list[Comment]:
    rng = random.Random(article.slug)  # noqa: S311 - demo content, not security
    thread = _Thread(article, rng, now, words.names)
    made: list[Comment] = []
    # No text twice under one article.
    texts = rng.sample(words.comments, k=min(len(words.comments), 7))
    replies = rng.sample(words.replies, k=len(words.replies))
    for text in texts[: rng.randint(2, 7)]:
        when = thread.moment_after(thread.start)
        top = thread.write(text=text, when=when)
        made.append(top)
        parents = [top]
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            parent = rng.choice(parents)
            when = thread.moment_after(max(when, parent.submit_date))
            if when > now:
                break
            if not replies:
                break
            reply = thread.write(text=replies.pop(), when=when, parent=parent)
            made.append(reply)
            if reply.level < settings.COMMENTS_MAX_DEPTH:
                parents.append(reply)
    for passage in passage_ids(article.body):
        previous = None
        for text in words.passage_comments.get(passage, []):
            # The second on a passage answers the first.
            when = thread.moment_after(previous.submit_date if previous else thread.start)
            previous = thread.write(text=text, when=when, parent=previous, passage=passage)
            made.append(previous)
    authors = list(article.authors.all())
    if authors and rng.random() < 0.3:
        target = rng.choice(made)
        when = thread.moment_after(target.submit_date)
        made.append(
            thread.write(
                text=rng.choice(words.author_replies), when=when, parent=target, user=authors[0]
            )
        )
    return made


def _votes(comments: list[Comment], rng: random.Random) -> list[CommentVote]:
    votes = []
    for comment in comments:
        # A few comments stand out, most get a handful of votes, some none.
        voters = int(rng.random() ** 3 * 25)
        for n in range(voters):
            value = 1 if rng.random() < 0.8 else -1
            votes.append(CommentVote(comment=comment, guest_key=f"demo-{n}", value=value))
    return votes


@transaction.atomic
def seed(stdout) -> None:
    now = timezone.now()
    articles = (
        Article.objects.published()
        .filter(language__in=TEXTS)
        .order_by("slug")
        .prefetch_related("authors")
    )
    already = set(
        Comment.objects.exclude(article=None).values_list("article_id", flat=True).distinct()
    )
    count = articles_done = 0
    votes: list[CommentVote] = []
    with notifications_suppressed():
        for article in articles:
            # Most articles have a discussion; about one in six has none yet. One with
            # passages open for feedback always has comments on them.
            if article.pk in already:
                continue
            quiet = random.Random(article.pk).random() < 0.17  # noqa: S311
            if quiet and not passage_ids(article.body):
                continue
            comments = _seed_article(article, now, TEXTS[article.language])
            votes += _votes(comments, random.Random(f"votes-{article.slug}"))  # noqa: S311
            count += len(comments)
            articles_done += 1
    CommentVote.objects.bulk_create(votes, batch_size=500)
    if votes:
        total = (
            CommentVote.objects.filter(comment=OuterRef("pk"))
            .order_by()
            .values("comment")
            .annotate(total=Sum("value"))
            .values("total")
        )
        Comment.objects.filter(pk__in={vote.comment_id for vote in votes}).update(
            score=Coalesce(Subquery(total), 0)
        )
    stdout.write(f"comments: {count} on {articles_done} articles, {len(votes)} votes")
