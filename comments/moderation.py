"""xtd's moderator, configured for articles: closing threads and holding comments for review."""

from __future__ import annotations

import re

from django.conf import settings
from django_comments_xtd.moderation import XtdCommentModerator, moderator

from articles.models import Article

LINK_RE = re.compile(r"(?:\bhttps?://|\bwww\.)", re.IGNORECASE)


def needs_review(text: str) -> bool:
    """Many links or a listed word: a person should look before readers do."""
    if len(LINK_RE.findall(text)) > settings.COMMENTS_HOLD_LINKS:
        return True
    words = [word.strip().lower() for word in settings.COMMENTS_HOLD_WORDS if word.strip()]
    if not words:
        return False
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in words)


class ArticleCommentModerator(XtdCommentModerator):
    """Refuses comments on closed articles, holds suspicious ones.

    xtd calls `allow` and `moderate` for every comment posted through its form
    (before the guest's confirmation mail goes out, so a held guest comment is
    still held once confirmed).
    """

    enable_field = "allow_comments"
    auto_close_field = "published_at"

    @property
    def close_after(self) -> int | None:
        # Read per call, so that a settings change (and a test) takes effect.
        return settings.COMMENTS_CLOSE_AFTER_DAYS or None

    def moderate(self, comment, content_object, request) -> bool:
        if super().moderate(comment, content_object, request):
            return True
        is_guest = not getattr(comment, "user", None)
        if is_guest and settings.COMMENTS_GUESTS == "moderate":
            return True
        return needs_review(comment.comment or "")


def register() -> None:
    if Article not in moderator._registry:
        moderator.register(Article, ArticleCommentModerator)


def article_moderator() -> ArticleCommentModerator:
    register()
    return moderator._registry[Article]
