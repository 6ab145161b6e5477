"""Reads for the newsletter: topics on offer, confirmation links, digest content, recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from post_office.models import STATUS

from articles.models import Article, Category
from core.editions import edition_codes

from . import tokens
from .models import Delivery, DeliveryStatus, Digest, Subscriber


def topic_choices() -> QuerySet[Category]:
    """The topics a reader can pick: the active top-level sections, in the editors' order."""
    return Category.objects.active().filter(parent__isnull=True).order_by("tree_id")


# What new_key() makes; anything else (a NUL byte, say, which PostgreSQL refuses
# in a query) is known not to match without asking the database.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def subscriber_by_key(*, key: str) -> Subscriber | None:
    if not KEY_PATTERN.fullmatch(key or ""):
        return None
    return Subscriber.objects.filter(key=key).first()


# ------------------------------------------------------------------------------
# Confirmation links
# ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Confirmation:
    subscriber: Subscriber
    topics: list[Category]
    requested_at: datetime
    # The edition the request came from (None: keep the subscriber's).
    language: str | None = None

    @property
    def topic_ids(self) -> set[int]:
        return {topic.pk for topic in self.topics}

    @property
    def is_done(self) -> bool:
        """Already active with exactly these topics: a repeated click changes nothing."""
        current = {topic.pk for topic in self.subscriber.topics.all()}
        same_edition = self.language in (None, self.subscriber.language)
        return self.subscriber.is_active and current == self.topic_ids and same_edition


def confirmation_for_token(*, token: str) -> Confirmation:
    """What a confirmation link would do, or TokenError with the reason it cannot.

    A link sent before the subscriber last unsubscribed is refused ("superseded"),
    so an old mail cannot quietly sign someone up again.
    """
    request = tokens.read_token(token)
    subscriber = (
        Subscriber.objects.filter(pk=request.subscriber_id).prefetch_related("topics").first()
    )
    if subscriber is None:
        # Purged while pending, or removed by staff: the link cannot be used any more.
        raise tokens.TokenError("expired")
    if subscriber.unsubscribed_at and request.requested_at < subscriber.unsubscribed_at:
        raise tokens.TokenError("superseded")
    topics = list(topic_choices().filter(pk__in=request.topic_ids)) if request.topic_ids else []
    language = request.language if request.language in edition_codes() else None
    return Confirmation(
        subscriber=subscriber,
        topics=topics,
        requested_at=request.requested_at,
        language=language,
    )


# ------------------------------------------------------------------------------
# Digests
# ------------------------------------------------------------------------------
@dataclass
class DigestContent:
    """The articles of one digest per edition, and which of them each top-level topic
    covers. A subscriber gets their own edition's."""

    articles_by_edition: dict[str, list[Article]]
    article_ids_by_topic: dict[int, frozenset[int]] = field(default_factory=dict)

    @property
    def articles(self) -> list[Article]:
        return [article for articles in self.articles_by_edition.values() for article in articles]

    def articles_for(self, topic_ids: frozenset[int], language: str) -> list[Article]:
        articles = self.articles_by_edition.get(language, [])
        if not topic_ids:
            return articles
        wanted: set[int] = set()
        for topic_id in topic_ids:
            wanted |= self.article_ids_by_topic.get(topic_id, frozenset())
        return [article for article in articles if article.pk in wanted]


def articles_published_between(*, since: datetime, cutoff: datetime) -> QuerySet[Article]:
    return Article.objects.published().filter(published_at__gt=since, published_at__lte=cutoff)


def digest_content(*, digest: Digest) -> DigestContent:
    """Loaded once per run, whatever the number of subscribers.

    Queries: the articles of each edition, the top-level categories, then one per
    top-level category for its subtree (the category tree's `in_category`). An
    article unpublished since the digest started is left out.
    """
    article_ids = Digest.articles.through.objects.filter(digest=digest).values("article_id")
    queryset = Article.objects.published().filter(pk__in=article_ids)
    content = DigestContent(
        articles_by_edition={
            code: list(queryset.in_edition(code).for_listing().newest_first())
            for code in edition_codes()
        }
    )
    if not content.articles:
        return content
    for root in Category.objects.filter(parent__isnull=True):
        ids = queryset.in_category(root).values_list("pk", flat=True)
        content.article_ids_by_topic[root.pk] = frozenset(ids)
    return content


@dataclass(frozen=True)
class Recipient:
    subscriber: Subscriber
    topic_ids: frozenset[int]


def digest_recipients(*, digest: Digest, limit: int, after_pk: int = 0) -> list[Recipient]:
    """The next active subscribers (by pk) who have no delivery of `digest` yet.

    Two queries whatever `limit` is: the subscribers, then their topics.
    """
    subscribers = list(
        Subscriber.objects.active()
        .filter(pk__gt=after_pk)
        .exclude(deliveries__digest=digest)
        .order_by("pk")
        .only("pk", "email", "key", "language")[:limit]
    )
    if not subscribers:
        return []
    topics: dict[int, set[int]] = {subscriber.pk: set() for subscriber in subscribers}
    links = Subscriber.topics.through.objects.filter(subscriber_id__in=topics).values_list(
        "subscriber_id", "category_id"
    )
    for subscriber_id, category_id in links:
        topics[subscriber_id].add(category_id)
    return [Recipient(s, frozenset(topics[s.pk])) for s in subscribers]


def _count_per_digest(queryset: QuerySet) -> Coalesce:
    counted = (
        queryset.filter(digest=OuterRef("pk"))
        .order_by()
        .values("digest")
        .annotate(count=Count("*"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


def digests_with_counts() -> QuerySet[Digest]:
    """Digest history as the admin shows it: articles, and deliveries by status.

    A delivery still marked queued counts as sent or failed as soon as the queue
    says so, even before the next `send_newsletter` copies that onto it (a retry
    may have been sent by `send_queued_mail`). Counted in subqueries, so a digest
    with 10,000 deliveries stays one row.
    """
    deliveries = Delivery.objects.all()
    waiting = Q(status=DeliveryStatus.QUEUED)
    sent = Q(status=DeliveryStatus.SENT) | (waiting & Q(email__status=STATUS.sent))
    failed = Q(status=DeliveryStatus.FAILED) | (waiting & Q(email__status=STATUS.failed))
    still_waiting = waiting & ~Q(email__status__in=[STATUS.sent, STATUS.failed])
    return Digest.objects.annotate(
        article_count=_count_per_digest(Digest.articles.through.objects.all()),
        recipient_count=_count_per_digest(deliveries),
        sent_count=_count_per_digest(deliveries.filter(sent)),
        queued_count=_count_per_digest(deliveries.filter(still_waiting)),
        failed_count=_count_per_digest(deliveries.filter(failed)),
        skipped_count=_count_per_digest(deliveries.filter(status=DeliveryStatus.SKIPPED)),
        cancelled_count=_count_per_digest(deliveries.filter(status=DeliveryStatus.CANCELLED)),
    )


def deliveries_queued_for(*, subscriber: Subscriber) -> QuerySet[Delivery]:
    return Delivery.objects.filter(subscriber=subscriber, status=DeliveryStatus.QUEUED)
