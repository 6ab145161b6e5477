from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.editions import default_edition, edition_choices


def new_key() -> str:
    """The secret in a subscriber's unsubscribe link: random, so it cannot be guessed."""
    return secrets.token_urlsafe(24)


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Pending confirmation")
    ACTIVE = "active", _("Active")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriberQuerySet(models.QuerySet):
    def active(self) -> SubscriberQuerySet:
        return self.filter(status=SubscriberStatus.ACTIVE)

    def with_email(self, email: str) -> SubscriberQuerySet:
        """Addresses match regardless of case, as the unique constraint does."""
        return self.filter(email__iexact=email)


class Subscriber(models.Model):
    email = models.EmailField(_("email address"), max_length=254)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    topics = models.ManyToManyField(
        "articles.Category",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        limit_choices_to={"parent__isnull": True},
        help_text=_("Top-level sections the subscriber wants; none means all of them."),
    )
    language = models.CharField(
        _("edition"),
        max_length=7,
        choices=edition_choices,
        default=default_edition,
        help_text=_("Where they signed up: the language of their mails and the articles in them."),
    )
    key = models.CharField(
        _("unsubscribe key"), max_length=64, unique=True, default=new_key, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    requested_at = models.DateTimeField(
        _("last requested"),
        null=True,
        blank=True,
        help_text=_("When the form was last sent for this address."),
    )
    consent_at = models.DateTimeField(
        _("consent given"),
        null=True,
        blank=True,
        help_text=_("When the subscriber sent the request that they then confirmed."),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(
        _("unsubscribed"),
        null=True,
        blank=True,
        help_text=_("When the subscriber last left; kept if they subscribe again."),
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="subscriber_email_unique_any_case",
                violation_error_message=_("A subscriber with this email address already exists."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "requested_at"], name="subscriber_status_requested"),
        ]

    def __str__(self) -> str:
        return self.email

    def get_unsubscribe_url(self) -> str:
        return reverse("newsletter:unsubscribe", kwargs={"key": self.key})

    @property
    def is_active(self) -> bool:
        return self.status == SubscriberStatus.ACTIVE


class Digest(models.Model):
    """One issue of the newsletter: the articles published in (since, cutoff]."""

    since = models.DateTimeField(_("articles published after"))
    cutoff = models.DateTimeField(_("articles published up to"))
    articles = models.ManyToManyField(
        "articles.Article", verbose_name=_("articles"), related_name="+", blank=True
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # True until a mail is queued for every subscriber: a run after a crash resumes it.
    in_progress = models.BooleanField(_("still queuing"), default=True)
    completed_at = models.DateTimeField(_("queued completely"), null=True, blank=True)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-cutoff"]
        get_latest_by = "cutoff"
        constraints = [
            # Two runs at once cannot both start a digest: the second one fails.
            models.UniqueConstraint(
                fields=["in_progress"], condition=Q(in_progress=True), name="digest_one_in_progress"
            ),
            models.CheckConstraint(condition=Q(since__lt=models.F("cutoff")), name="digest_window"),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.cutoff)
        return _("Digest of %(date)s") % {"date": local.strftime("%Y-%m-%d %H:%M")}


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Nothing new in their topics")
    CANCELLED = "cancelled", _("Cancelled: unsubscribed before it was sent")


class Delivery(models.Model):
    """One subscriber's copy of one digest: its row is what makes a rerun skip them."""

    digest = models.ForeignKey(
        Digest, verbose_name=_("digest"), on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    email = models.OneToOneField(
        "post_office.Email",
        verbose_name=_("queued mail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    article_count = models.PositiveSmallIntegerField(_("articles"), default=0)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["digest", "subscriber"], name="delivery_once_per_subscriber"
            ),
        ]
        indexes = [models.Index(fields=["status"], name="delivery_status")]

    def __str__(self) -> str:
        return f"{self.digest} → {self.subscriber}"
