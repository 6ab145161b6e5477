"""Writes for the newsletter: subscribing, confirming, leaving, and queuing digests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from post_office import mail as post_office_mail
from post_office.lockfile import FileLock, FileLocked, default_lockfile
from post_office.mail import get_queued, send_queued
from post_office.models import PRIORITY, STATUS, Email
from post_office.settings import get_message_id_fqdn
from post_office.signals import email_queued

from articles.models import Category
from core import ratelimit
from core.editions import current_edition
from core.ratelimit import Rate

from . import selectors, tokens
from .mails import DigestRenderer, Mail, confirmation_mail
from .models import Delivery, DeliveryStatus, Digest, Subscriber, SubscriberStatus

# An article saved at 12:00:00 commits a moment later; a digest cut off in that
# moment would miss it for good. Cutting off slightly in the past closes the gap.
CUTOFF_MARGIN = timedelta(minutes=1)


# ------------------------------------------------------------------------------
# Subscribing, confirming, leaving
# ------------------------------------------------------------------------------
def normalize_email(email: str) -> str:
    # The domain part is case-insensitive; the local part is kept as typed.
    return BaseUserManager.normalize_email(email.strip())


def _subscriber_for_update(email: str) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().with_email(email).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email)
    except IntegrityError:
        # The same address arrived twice at once; the other request created the row.
        return Subscriber.objects.select_for_update().with_email(email).get()


def _may_mail(email: str, topic_ids: list[int]) -> bool:
    """Whether this request may send a mail to this address now.

    The same request again within the cool-down sends nothing: the mail already
    sent says the same. And an address gets only so many mails a day, so the form
    cannot be used to flood someone's inbox.
    """
    cooldown = settings.NEWSLETTER_RESEND_COOLDOWN_MINUTES * 60
    same_request = f"{email.lower()}|{','.join(map(str, sorted(topic_ids)))}"
    if not ratelimit.allow(
        scope="newsletter:same-request", subject=same_request, rate=Rate(1, cooldown)
    ):
        return False
    return ratelimit.allow(
        scope="newsletter:address",
        subject=email.lower(),
        rate=Rate(settings.NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY, 24 * 3600),
    ).allowed


@transaction.atomic
def subscription_request(
    *, email: str, topics: Sequence[Category], language: str | None = None
) -> Subscriber:
    """Somebody asked for the newsletter at `email` in the edition `language` (the one
    being served unless given): queue the mail that lets them confirm, in its language.

    Every address gets the same treatment and the caller the same result, known
    or not, so the form tells nobody who is subscribed. An address that is already
    subscribed is told so, with a link that applies the newly chosen topics (and
    edition).
    """
    email = normalize_email(email)
    language = language or current_edition()
    now = timezone.now()
    topic_ids = sorted(topic.pk for topic in topics)
    subscriber = _subscriber_for_update(email)
    subscriber.requested_at = now
    fields = ["requested_at"]
    if subscriber.status == SubscriberStatus.PENDING:
        # Shown in the admin; what counts is the choice carried by the link they confirm.
        subscriber.topics.set(topics)
        subscriber.language = language
        fields.append("language")
    subscriber.save(update_fields=fields)
    if _may_mail(email, topic_ids):
        current = set(subscriber.topics.values_list("pk", flat=True))
        token = tokens.make_token(
            subscriber_id=subscriber.pk, topic_ids=topic_ids, requested_at=now, language=language
        )
        with translation.override(language):
            message = confirmation_mail(
                subscriber=subscriber,
                topics=list(topics),
                token=token,
                changes_topics=subscriber.is_active
                and (current != set(topic_ids) or subscriber.language != language),
            )
        # In development (`make run`) the link should show in the console at once,
        # without a queue worker; in production the queue sends it within a minute.
        priority = "now" if settings.NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE else "high"
        _queue(to=subscriber.email, message=message, priority=priority)
    return subscriber


def _queue(*, to: str, message: Mail, priority: str) -> Email:
    return post_office_mail.send(
        recipients=[to],
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=message.subject,
        message=message.text,
        html_message=message.html,
        headers=message.headers or None,
        priority=priority,
    )


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscriber:
    """Activate the subscription a confirmation link names, with the topics it carries.

    Raises tokens.TokenError for a forged, expired or superseded link. Confirming
    twice is harmless: the second time changes nothing.
    """
    confirmation = selectors.confirmation_for_token(token=token)
    subscriber = Subscriber.objects.select_for_update().get(pk=confirmation.subscriber.pk)
    if confirmation.is_done:
        return subscriber
    now = timezone.now()
    # unsubscribed_at stays as it was: it keeps refusing links sent before that time.
    subscriber.status = SubscriberStatus.ACTIVE
    subscriber.consent_at = confirmation.requested_at
    subscriber.confirmed_at = now
    subscriber.language = confirmation.language or subscriber.language
    subscriber.save(update_fields=["status", "consent_at", "confirmed_at", "language"])
    subscriber.topics.set(confirmation.topics)
    return subscriber


@transaction.atomic
def subscription_cancel(*, key: str) -> Subscriber | None:
    """Unsubscribe whoever holds `key`; None when no subscriber does. Safe to repeat.

    A digest still waiting in the queue for them (during an SMTP outage, say) is
    withdrawn, so nothing arrives after they left.
    """
    subscriber = selectors.subscriber_by_key(key=key)
    if subscriber is None:
        return None
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    now = timezone.now()
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = now
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    waiting = selectors.deliveries_queued_for(subscriber=subscriber)
    Email.objects.filter(
        pk__in=waiting.values("email_id"), status__in=[STATUS.queued, STATUS.requeued]
    ).update(expires_at=now)
    waiting.update(status=DeliveryStatus.CANCELLED)
    return subscriber


def subscribers_purge_pending(*, older_than: timedelta) -> int:
    """Delete sign-ups that were never confirmed; returns how many."""
    cutoff = timezone.now() - older_than
    stale = Subscriber.objects.filter(status=SubscriberStatus.PENDING).filter(
        Q(requested_at__lt=cutoff) | Q(requested_at__isnull=True, created_at__lt=cutoff)
    )
    _, per_model = stale.delete()
    return per_model.get(Subscriber._meta.label, 0)


# ------------------------------------------------------------------------------
# Digests
# ------------------------------------------------------------------------------
class DigestInProgress(Exception):
    """Another run is starting a digest at this very moment."""


@transaction.atomic
def digest_start(*, now: datetime | None = None) -> Digest | None:
    """The digest to work on: the unfinished one (a previous run crashed), or a new one.

    A new digest holds the articles published after the previous digest's cut-off,
    so none is skipped and none sent twice. None when there is nothing new: the
    next run then starts from the same cut-off.
    """
    unfinished = Digest.objects.filter(in_progress=True).first()
    if unfinished is not None:
        return unfinished
    cutoff = (now or timezone.now()) - CUTOFF_MARGIN
    previous = Digest.objects.order_by("-cutoff").first()
    if previous is not None:
        since = previous.cutoff
    else:
        since = cutoff - timedelta(days=settings.NEWSLETTER_FIRST_DIGEST_DAYS)
    if since >= cutoff:
        return None
    article_ids = list(
        selectors.articles_published_between(since=since, cutoff=cutoff).values_list(
            "pk", flat=True
        )
    )
    if not article_ids:
        return None
    try:
        with transaction.atomic():
            digest = Digest.objects.create(since=since, cutoff=cutoff)
    except IntegrityError as exc:
        raise DigestInProgress from exc
    digest.articles.set(article_ids)
    return digest


@dataclass
class BatchResult:
    queued: int = 0
    skipped: int = 0
    last_pk: int = 0

    @property
    def handled(self) -> int:
        return self.queued + self.skipped


@transaction.atomic
def digest_queue_batch(
    *, digest: Digest, renderer: DigestRenderer, size: int, after_pk: int = 0
) -> BatchResult:
    """Queue the digest for the next `size` subscribers who have not had it.

    The mails and the delivery rows are written in one transaction: after a
    crash, a subscriber either has both (and is skipped by the next run) or
    neither (and gets it then). The unique (digest, subscriber) constraint makes
    a second copy impossible even for two runs at once.

    Queries, whatever `size` is: subscribers, their topics, the mails (one
    INSERT, or a few on SQLite, which caps the parameters of one statement), and
    the deliveries.
    """
    recipients = selectors.digest_recipients(digest=digest, limit=size, after_pk=after_pk)
    result = BatchResult()
    if not recipients:
        return result
    sender = settings.DEFAULT_FROM_EMAIL
    domain = str(get_message_id_fqdn())
    emails: list[Email] = []
    deliveries: list[Delivery] = []
    for recipient in recipients:
        subscriber = recipient.subscriber
        message = renderer.mail_for(subscriber, recipient.topic_ids)
        delivery = Delivery(digest=digest, subscriber=subscriber)
        if message is None:
            delivery.status = DeliveryStatus.SKIPPED
            result.skipped += 1
        else:
            email = Email(
                from_email=sender,
                to=[subscriber.email],
                subject=message.subject,
                message=message.text,
                html_message=message.html,
                headers=message.headers,
                status=STATUS.queued,
                priority=PRIORITY.medium,
                # Kept in the row, so that a retry sends the same Message-ID and
                # a receiving server can recognise a repeat.
                message_id=make_msgid(domain=domain),
            )
            emails.append(email)
            delivery.email = email
            delivery.article_count = message.article_count
            result.queued += 1
        deliveries.append(delivery)
    # The mails get their primary keys here, which the deliveries then refer to.
    Email.objects.bulk_create(emails)
    Delivery.objects.bulk_create(deliveries)
    transaction.on_commit(lambda: email_queued.send(sender=Email, emails=emails))
    result.last_pk = recipients[-1].subscriber.pk
    return result


@transaction.atomic
def digest_finish(*, digest: Digest) -> Digest:
    digest.in_progress = False
    digest.completed_at = timezone.now()
    digest.save(update_fields=["in_progress", "completed_at"])
    return digest


# ------------------------------------------------------------------------------
# The mail queue
# ------------------------------------------------------------------------------
@dataclass
class QueueResult:
    sent: int = 0
    failed: int = 0
    requeued: int = 0
    locked: bool = False


def mail_queue_send() -> QueueResult:
    """Send what is due in the queue, batch by batch, one SMTP connection per batch.

    Takes the lock that post_office's `send_queued_mail` takes, so a cron job
    running that command and this never send the same mail twice. Mails that fail
    are requeued for a later try (POST_OFFICE's MAX_RETRIES and RETRY_INTERVAL).
    """
    result = QueueResult()
    try:
        with FileLock(default_lockfile):
            while True:
                sent, failed, requeued = send_queued()
                result.sent += sent
                result.failed += failed
                result.requeued += requeued
                # A batch in which nothing went out means the server is down:
                # stop, and leave the requeued mails to a later run.
                if not sent or not get_queued().exists():
                    break
    except FileLocked:
        result.locked = True
    deliveries_sync_status()
    return result


def deliveries_sync_status() -> int:
    """Copy the queue's verdict (sent, failed for good) onto the deliveries, for the history."""
    changed = Delivery.objects.filter(
        status__in=[DeliveryStatus.QUEUED, DeliveryStatus.FAILED], email__status=STATUS.sent
    ).update(status=DeliveryStatus.SENT)
    changed += Delivery.objects.filter(
        status=DeliveryStatus.QUEUED, email__status=STATUS.failed
    ).update(status=DeliveryStatus.FAILED)
    return changed
