"""Writes of the comments app: votes, reports, edits, moderation, notifications, rate limits."""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import logging
import secrets
from collections.abc import Iterator

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import ProhibitNullCharactersValidator
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from django_comments.signals import comment_was_flagged

from articles.models import Article
from core.urls import absolute_url

from .models import Comment, CommentVote, NotificationMute, PendingComment
from .moderation import needs_review
from .selectors import Voter, can_edit
from .signals import comment_section_changed

logger = logging.getLogger(__name__)

MUTE_SALT = "comments.mute"


class CommentActionError(Exception):
    """A reader asked for something the rules do not allow; the message says why."""


# ------------------------------------------------------------------------------
# A guest's comment waiting for the confirmation link
# ------------------------------------------------------------------------------
# What of the form's post is kept: the signed fields are made afresh when it is confirmed.
PENDING_FIELDS = ("name", "email", "url", "comment", "reply_to", "notify", "passage",
                  "content_type", "object_pk")  # fmt: skip


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def pending_comment_create(*, article: Article, data, ip_address: str | None) -> str:
    """Keep a guest's comment and mail them the link that posts it; returns the token.

    In the article's language (the caller's); raises what the mail backend raises, and
    then nothing is kept.
    """
    token = secrets.token_urlsafe(16)
    with transaction.atomic():
        pending = PendingComment.objects.create(
            token_hash=_token_hash(token),
            article=article,
            email=str(data.get("email", "")),
            form={name: str(data.get(name, "")) for name in PENDING_FIELDS},
            ip_address=ip_address,
            expires_at=timezone.now() + timezone.timedelta(days=settings.COMMENTS_CONFIRM_DAYS),
        )
        url = absolute_url(reverse("comments:confirm", args=[token]))
        body = render_to_string(
            "django_comments_xtd/email_confirmation_request.txt",
            {"comment": {"content_object": article}, "confirmation_url": url},
        )
        EmailMessage(
            subject=_("Please confirm your comment"),
            body=body,
            from_email=settings.COMMENTS_XTD_FROM_EMAIL,
            to=[pending.email],
        ).send()
    return token


def pending_comment(*, token: str, lock: bool = False) -> PendingComment | None:
    """The waiting comment a link's token names, or None for a token nobody was sent."""
    if not token or len(token) > 64:
        return None
    rows = PendingComment.objects.select_related("article__category", "comment")
    if lock:
        rows = rows.select_for_update(of=("self",))
    return rows.filter(token_hash=_token_hash(token)).first()


def pending_comment_done(*, pending: PendingComment, comment: Comment | None) -> None:
    pending.confirmed_at = timezone.now()
    pending.comment = comment
    pending.save(update_fields=["confirmed_at", "comment"])


# ------------------------------------------------------------------------------
# Votes
# ------------------------------------------------------------------------------
@transaction.atomic
def comment_vote(
    *, comment: Comment, voter: Voter, value: int, ip_address: str | None = None
) -> int:
    """Vote up (1) or down (-1); the same vote again withdraws it, the other one switches.

    Returns the voter's vote afterwards (1, -1, or 0 when withdrawn). The score
    moves by an F() expression in the database, so concurrent votes all count.
    """
    if value not in (1, -1):
        raise ValueError("a vote is 1 or -1")
    if not voter:
        raise CommentActionError(_("Log in to vote."))
    if not comment.is_public or comment.is_removed:
        raise CommentActionError(_("This comment is not available."))
    lookup = voter.lookup()
    existing = (
        CommentVote.objects.select_for_update().filter(comment_id=comment.pk, **lookup).first()
    )
    if existing is None:
        try:
            with transaction.atomic():
                CommentVote.objects.create(
                    comment_id=comment.pk, value=value, ip_address=ip_address, **lookup
                )
        except IntegrityError:
            # The same voter's other request (a double click) got there first.
            return value
        delta, result = value, value
    elif existing.value == value:
        existing.delete()
        delta, result = -value, 0
    else:
        CommentVote.objects.filter(pk=existing.pk).update(value=value)
        delta, result = value - existing.value, value
    Comment.objects.filter(pk=comment.pk).update(score=F("score") + delta)
    # update() sends no post_save: listeners (the page cache) must hear of the new score.
    comment_section_changed.send(sender=Comment, article_id=comment.article_id)
    return result


def comment_score(*, comment_id: int) -> int:
    return Comment.objects.filter(pk=comment_id).values_list("score", flat=True).first() or 0


# ------------------------------------------------------------------------------
# Reports and moderation
# ------------------------------------------------------------------------------
def open_report_count(*, comment: Comment) -> int:
    """Reports since the last moderator decision."""
    reports = CommentFlag.objects.filter(comment_id=comment.pk, flag=CommentFlag.SUGGEST_REMOVAL)
    if comment.reviewed_at:
        reports = reports.filter(flag_date__gt=comment.reviewed_at)
    return reports.count()


@transaction.atomic
def comment_report(*, comment: Comment, user, request=None) -> bool:
    """A member reports a comment; enough reports hide it until a moderator decides.

    Returns whether the comment is hidden now. One report per member counts.
    """
    if not comment.is_public or comment.is_removed:
        raise CommentActionError(_("This comment is not available."))
    if comment.user_id == user.pk:
        raise CommentActionError(_("You cannot report your own comment."))
    flag, created = CommentFlag.objects.get_or_create(
        comment_id=comment.pk, user=user, flag=CommentFlag.SUGGEST_REMOVAL
    )
    if not created and comment.reviewed_at and flag.flag_date <= comment.reviewed_at:
        # Reported before a moderator kept it: this is a fresh report.
        flag.flag_date = timezone.now()
        flag.save(update_fields=["flag_date"])
        created = True
    comment_was_flagged.send(
        sender=Comment, comment=comment, flag=flag, created=created, request=request
    )
    if open_report_count(comment=comment) >= settings.COMMENTS_REPORTS_TO_HIDE:
        comment.is_public = False
        # save(), not update(): xtd's pre_save hook hides the replies with it.
        comment.save()
        return True
    return False


def _moderator_flag(*, comment: Comment, moderator, flag: str) -> None:
    if moderator is not None and moderator.is_authenticated:
        CommentFlag.objects.update_or_create(
            comment_id=comment.pk,
            user=moderator,
            flag=flag,
            defaults={"flag_date": timezone.now()},
        )


@transaction.atomic
def comment_approve(*, comment: Comment, moderator=None) -> None:
    """Publish a held or hidden comment; earlier reports stop counting."""
    # Held when posted (not hidden after reports, not held after an edit):
    # nobody has been told about it yet.
    first_publication = (
        not comment.is_public
        and comment.reviewed_at is None
        and comment.edited_at is None
        and not CommentFlag.objects.filter(
            comment_id=comment.pk, flag=CommentFlag.SUGGEST_REMOVAL
        ).exists()
    )
    comment.is_public = True
    comment.is_removed = False
    comment.reviewed_at = timezone.now()
    comment.save()
    _moderator_flag(comment=comment, moderator=moderator, flag=CommentFlag.MODERATOR_APPROVAL)
    if first_publication:
        transaction.on_commit(lambda: notify_new_comment(comment_id=comment.pk, followers=True))


@transaction.atomic
def comment_hide(*, comment: Comment, moderator=None) -> None:
    comment.is_public = False
    comment.reviewed_at = timezone.now()
    comment.save()


@transaction.atomic
def comment_mark_spam(*, comment: Comment, moderator=None) -> None:
    comment.is_removed = True
    comment.is_public = False
    comment.reviewed_at = timezone.now()
    comment.save()
    _moderator_flag(comment=comment, moderator=moderator, flag=CommentFlag.MODERATOR_DELETION)


@transaction.atomic
def comment_delete(*, comment: Comment) -> int:
    """Delete a comment with all its replies (xtd would leave them pointing at nothing).

    Returns how many comments were deleted.
    """
    doomed = [comment.pk]
    frontier = [comment.pk]
    while frontier:
        frontier = list(
            Comment.objects.filter(parent_id__in=frontier)
            .exclude(pk__in=doomed)
            .values_list("pk", flat=True)
        )
        doomed += frontier
    Comment.objects.filter(pk__in=doomed).delete()
    return len(doomed)


# ------------------------------------------------------------------------------
# Edits
# ------------------------------------------------------------------------------
@transaction.atomic
def comment_edit(*, comment: Comment, user, text: str) -> Comment:
    """The author changes the text within the edit window.

    A text that now needs review is held like a new one would be. Written with
    update(): a save() would let xtd re-publish replies that were hidden.
    """
    if not can_edit(comment=comment, user=user):
        raise CommentActionError(_("The time for editing this comment has passed."))
    text = text.strip()
    if not text:
        raise CommentActionError(_("Please write something first."))
    try:
        # The posting form's rule (Django's): PostgreSQL cannot store a NUL character.
        ProhibitNullCharactersValidator()(text)
    except ValidationError as error:
        raise CommentActionError(error.messages[0]) from error
    if len(text) > settings.COMMENT_MAX_LENGTH:
        raise CommentActionError(
            _("A comment can have at most %(max)d characters.")
            % {"max": settings.COMMENT_MAX_LENGTH}
        )
    changes = {"comment": text, "edited_at": timezone.now()}
    if needs_review(text):
        changes["is_public"] = False
    Comment.objects.filter(pk=comment.pk).update(**changes)
    comment_section_changed.send(sender=Comment, article_id=comment.article_id)
    for name, value in changes.items():
        setattr(comment, name, value)
    return comment


# ------------------------------------------------------------------------------
# Notifications
# ------------------------------------------------------------------------------
_suppressed = contextvars.ContextVar("comment_notifications_suppressed", default=False)


@contextlib.contextmanager
def notifications_suppressed() -> Iterator[None]:
    """For bulk writes such as the demo content: no mails while inside."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def notifications_are_suppressed() -> bool:
    return _suppressed.get()


def mute_token(*, email: str, article_id: int) -> str:
    return signing.dumps({"e": email.lower(), "a": article_id}, salt=MUTE_SALT, compress=True)


def mute_url(*, email: str, article_id: int) -> str:
    token = mute_token(email=email, article_id=article_id)
    return absolute_url(reverse("comments:mute", kwargs={"token": token}))


def mute_link_target(*, token: str) -> tuple[str, Article]:
    """The address and the article a mute link is about; raises as notifications_mute."""
    data = signing.loads(token, salt=MUTE_SALT)
    return data["e"], Article.objects.get(pk=data["a"])


@transaction.atomic
def notifications_mute(*, token: str) -> Article:
    """Stop our mails about one article's comments for the address in a mail's mute link.

    Raises signing.BadSignature for a forged or damaged token and
    Article.DoesNotExist when the article is gone.
    """
    email, article = mute_link_target(token=token)
    NotificationMute.objects.get_or_create(email=email, article=article)
    # The same click also ends xtd's follow-up mails for this article.
    Comment.objects.filter(article=article, user_email__iexact=email).update(
        followup=False, notify_replies=False
    )
    return article


def _send(*, subject: str, template: str, context: dict, to: str, article_id: int) -> None:
    unsubscribe = mute_url(email=to, article_id=article_id)
    body = render_to_string(template, {**context, "mute_url": unsubscribe})
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.COMMENTS_XTD_FROM_EMAIL,
        to=[to],
        # RFC 8058: the mail client's own "Unsubscribe" POSTs to the link, which mutes.
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    try:
        message.send()
    except Exception:
        # The comment is stored; a mail server's hiccup must not turn into an error page.
        logger.exception("Could not send the comment notification to %s", to)


def notify_new_comment(*, comment_id: int, followers: bool = False) -> None:
    """Mail the author of the answered comment and the article's authors about a new comment.

    xtd has already told its followers (everyone who chose "new follow-up
    comments"); they are skipped here so nobody gets the same news twice.
    `followers=True` asks for xtd's follow-up mail too (a comment approved
    after review, which xtd never announced).
    """
    if notifications_are_suppressed():
        return
    comment = (
        Comment.objects.select_related(None)
        .select_related("article__category", "replied_to")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or comment.article is None or not comment.is_public or comment.is_removed:
        return
    # Every mail about a comment is in its article's language, whoever triggered it (a
    # moderator in the admin, a guest's confirmation link under another prefix).
    with translation.override(comment.article.language):
        _notify(comment, followers=followers)


def _notify(comment: Comment, *, followers: bool) -> None:
    article = comment.article
    if followers:
        from django_comments_xtd.views import notify_comment_followers

        notify_comment_followers(comment)
    follower_emails = {
        email.lower()
        for email in Comment.objects.visible()
        .for_article(article)
        .filter(followup=True)
        .values_list("user_email", flat=True)
    }
    muted = {
        email.lower()
        for email in NotificationMute.objects.filter(article=article).values_list(
            "email", flat=True
        )
    }
    skip = follower_emails | muted | {comment.user_email.lower()}
    context = {"comment": comment, "article": article, "SITE_NAME": settings.SITE_NAME}
    context["comment_url"] = absolute_url(comment.get_absolute_url())

    answered = comment.replied_to or (
        Comment.objects.select_related(None).filter(pk=comment.parent_id).first()
        if comment.level > 0
        else None
    )
    if answered and answered.notify_replies and answered.user_email:
        email = answered.user_email.lower()
        if email not in skip and answered.is_public and not answered.is_removed:
            _send(
                subject=_("%(name)s replied to your comment on “%(title)s”")
                % {"name": comment.user_name, "title": article.title},
                template="comments/email/reply_notification.txt",
                context={**context, "answered": answered},
                to=answered.user_email,
                article_id=article.pk,
            )
            skip.add(email)

    if settings.COMMENTS_NOTIFY_AUTHORS:
        for author in article.authors.all():
            email = (author.email or "").lower()
            if not email or email in skip:
                continue
            _send(
                subject=_("New comment on your article “%(title)s”") % {"title": article.title},
                template="comments/email/author_notification.txt",
                context={**context, "author": author},
                to=author.email,
                article_id=article.pk,
            )
            skip.add(email)
