"""Our comment model on top of django-comments-xtd, and the rows that hang off it.

xtd keeps the thread structure (thread_id, parent_id, level, order) and the
follow-up flag; we add a denormalized score, a real foreign key to the article
(so that lists can join it and deleting an article deletes its comments), the
"replies to my comments" wish, and the moderation and edit timestamps.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment, XtdCommentManager

from articles.models import Article
from articles.passages import PASSAGE_ID_MAX_LENGTH


class CommentStatus(models.TextChoices):
    """The one status a moderator reads, from the flags xtd keeps (is_public, is_removed)."""

    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held for review")
    HIDDEN = "hidden", _("Hidden")
    REMOVED = "removed", _("Removed")


def _reported() -> Exists:
    return Exists(
        CommentFlag.objects.filter(comment_id=OuterRef("pk"), flag=CommentFlag.SUGGEST_REMOVAL)
    )


def status_q(status: str) -> Q:
    """The one definition of each status, as a filter (Comment.status() says the same
    of one comment). Held: off the page until a moderator looks, because it is new or
    its author changed it since the last decision; hidden: taken off the page by a
    moderator or by readers' reports."""
    off_page = Q(is_public=False, is_removed=False)
    awaiting = Q(edited_at__gt=F("reviewed_at")) | (Q(reviewed_at__isnull=True) & ~Q(_reported()))
    return {
        CommentStatus.PUBLISHED: Q(is_public=True, is_removed=False),
        CommentStatus.REMOVED: Q(is_removed=True),
        CommentStatus.HELD: off_page & awaiting,
        CommentStatus.HIDDEN: off_page & ~awaiting,
    }[status]


class CommentQuerySet(models.QuerySet):
    def with_status(self, status: str) -> CommentQuerySet:
        return self.filter(status_q(status))

    def visible(self) -> CommentQuerySet:
        """What readers see: public, not removed."""
        return self.filter(is_public=True, is_removed=False)

    def for_article(self, article: Article | int) -> CommentQuerySet:
        return self.filter(article=article)

    def top_level(self) -> CommentQuerySet:
        return self.filter(level=0)


class CommentManager(XtdCommentManager.from_queryset(CommentQuerySet)):
    pass


class Comment(XtdComment):
    # Named explicitly: the default reverse name, "comment", is taken by the text field.
    xtdcomment_ptr = models.OneToOneField(
        XtdComment,
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        related_name="newsroom_comment",
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
        null=True,
        blank=True,
        editable=False,
    )
    score = models.IntegerField(
        _("score"), default=0, help_text=_("Up votes minus down votes, kept by the vote service.")
    )
    # The comment the reader answered; deeper than `parent_id` when the thread
    # was already at its deepest level and the reply joined that level instead.
    replied_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    notify_replies = models.BooleanField(
        _("notify of replies"),
        default=False,
        help_text=_("Mail the author when someone replies to this comment."),
    )
    # The passage of the article's body the comment is about (articles/passages.py);
    # empty for a comment on the whole article. Replies share their thread's passage.
    passage = models.CharField(
        _("passage"), max_length=PASSAGE_ID_MAX_LENGTH, blank=True, default="", editable=False
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True, editable=False)
    reviewed_at = models.DateTimeField(
        _("reviewed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Last moderator decision; only reports after it count."),
    )

    objects = CommentManager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["thread_id", "order"]

    def __str__(self) -> str:
        return f"{self.user_name}: {self.comment[:50]}"

    def save(self, *args, **kwargs) -> None:
        # Comments made through xtd's generic machinery know their article only
        # as (content_type, object_pk); keep the real key in step.
        if self.article_id is None and self.object_pk and self._targets_article():
            self.article_id = int(self.object_pk)
        super().save(*args, **kwargs)

    def _targets_article(self) -> bool:
        content_type = self.content_type
        return (content_type.app_label, content_type.model) == ("articles", "article")

    def get_absolute_url(self, anchor_pattern: str = "#c%(id)s") -> str:
        # django_comments goes through the contenttypes redirect view, which
        # builds its host from the Sites framework; the article knows its URL.
        return self.article.get_absolute_url() + anchor_pattern % {"id": self.pk}

    @property
    def is_guest(self) -> bool:
        return self.user_id is None

    def status(self, *, reported: bool | None = None) -> CommentStatus:
        """As status_q says; `reported` (whether readers reported it) spares a query
        when the caller has counted the reports."""
        if self.is_removed:
            return CommentStatus.REMOVED
        if self.is_public:
            return CommentStatus.PUBLISHED
        if self.reviewed_at is not None:
            edited_since = self.edited_at is not None and self.edited_at > self.reviewed_at
            return CommentStatus.HELD if edited_since else CommentStatus.HIDDEN
        if reported is None:
            reported = self.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL).exists()
        return CommentStatus.HIDDEN if reported else CommentStatus.HELD


class VoteValue(models.IntegerChoices):
    UP = 1, _("up")
    DOWN = -1, _("down")


class CommentVote(models.Model):
    """One reader's vote on one comment: a member by account, a guest by a browser key."""

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="votes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comment_votes",
    )
    # A random key from a signed cookie: one vote per browser for guests.
    guest_key = models.CharField(_("guest key"), max_length=64, blank=True)
    value = models.SmallIntegerField(_("value"), choices=VoteValue.choices)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment vote")
        verbose_name_plural = _("comment votes")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"],
                condition=Q(user__isnull=False),
                name="comment_vote_one_per_user",
            ),
            models.UniqueConstraint(
                fields=["comment", "guest_key"],
                condition=~Q(guest_key=""),
                name="comment_vote_one_per_guest",
            ),
            models.CheckConstraint(
                condition=Q(value__in=[1, -1]), name="comment_vote_value_up_or_down"
            ),
            models.CheckConstraint(
                # Exactly one identity: an account or a guest key.
                condition=(Q(user__isnull=False) & Q(guest_key=""))
                | (Q(user__isnull=True) & ~Q(guest_key="")),
                name="comment_vote_has_one_voter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value:+d} on {self.comment_id}"


class NotificationMute(models.Model):
    """An address that asked for no more of our mails about one article's comments.

    xtd's follow-up mails have their own mute (they clear `followup`); this covers
    ours: replies to one's comments and new comments for the article's authors.
    """

    email = models.EmailField(_("email address"))
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("muted notification")
        verbose_name_plural = _("muted notifications")
        constraints = [
            models.UniqueConstraint(fields=["email", "article"], name="notification_mute_once"),
        ]

    def __str__(self) -> str:
        return f"{self.email} on {self.article_id}"
