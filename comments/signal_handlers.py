"""Hooks into django-comments-xtd's flow, which creates comments in its own code."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_comments.signals import comment_will_be_posted
from django_comments_xtd.models import TmpXtdComment

from .models import Comment
from .services import notifications_are_suppressed, notify_new_comment


@receiver(comment_will_be_posted, sender=TmpXtdComment, dispatch_uid="comments_guest_notify")
def drop_notifications_for_unconfirmed_guests(sender, comment, request, **kwargs) -> None:
    """Without a confirmed address we would be mailing whoever's address was typed in."""
    if not comment.user and settings.COMMENTS_GUESTS != "confirm":
        comment.followup = False
        comment.notify_replies = False


@receiver(post_save, sender=Comment, dispatch_uid="comments_notify_new")
def notify_on_new_comment(sender, instance: Comment, created: bool, raw: bool, **kwargs) -> None:
    """A published comment: tell the answered author and the article's authors.

    After the commit, so that xtd has finished threading it (it saves twice)
    and so that no mail leaves for a comment that was rolled back.
    """
    if raw or not created or not instance.is_public or notifications_are_suppressed():
        return
    comment_id = instance.pk
    transaction.on_commit(lambda: notify_new_comment(comment_id=comment_id))
