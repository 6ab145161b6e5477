"""What the newsletter's mails say: subject, plain text, HTML and list headers.

Rendering only; queuing them is the services' job.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from articles.models import Article, Category
from core.urls import absolute_url

from .models import Subscriber
from .selectors import DigestContent


@dataclass(frozen=True)
class Mail:
    subject: str
    text: str
    html: str
    headers: dict[str, str]
    article_count: int = 0


def list_headers(*, unsubscribe_url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail clients offer a one-click "Unsubscribe" that POSTs here."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _one_line(text: str) -> str:
    return " ".join(text.split())


def confirmation_mail(
    *, subscriber: Subscriber, topics: list[Category], token: str, changes_topics: bool
) -> Mail:
    """The double opt-in mail; to an address that is already subscribed it says so instead."""
    confirm_url = absolute_url(reverse("newsletter:confirm", kwargs={"token": token}))
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "home_url": absolute_url(reverse("reader:home")),
        "confirm_url": confirm_url,
        "topics": topics,
        "already_active": subscriber.is_active,
        "changes_topics": changes_topics,
        "max_age_days": settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS,
    }
    headers: dict[str, str] = {}
    if subscriber.is_active:
        context["unsubscribe_url"] = absolute_url(subscriber.get_unsubscribe_url())
        headers = list_headers(unsubscribe_url=context["unsubscribe_url"])
        subject = gettext("You are subscribed to %(site)s") % {"site": settings.SITE_NAME}
    else:
        subject = gettext("Please confirm your subscription to %(site)s") % {
            "site": settings.SITE_NAME
        }
    return Mail(
        subject=_one_line(subject),
        text=render_to_string("newsletter/mail/confirm.txt", context),
        html=render_to_string("newsletter/mail/confirm.html", context),
        headers=headers,
    )


class DigestRenderer:
    """Renders each subscriber's digest, the article list once per distinct choice of topics.

    Subscribers share a handful of topic choices, so 10,000 mails need only a few
    renderings of the expensive part; per mail only the frame with its own
    unsubscribe link is rendered.
    """

    def __init__(self, *, content: DigestContent) -> None:
        self.content = content
        self._blocks: dict[tuple[str, frozenset[int]], tuple[int, str, str]] = {}

    def _block(self, topic_ids: frozenset[int], language: str) -> tuple[int, str, str]:
        key = (language, topic_ids)
        if key not in self._blocks:
            articles = self.content.articles_for(topic_ids, language)
            context = {"articles": [self._article(article) for article in articles]}
            self._blocks[key] = (
                len(articles),
                render_to_string("newsletter/mail/digest_articles.txt", context),
                render_to_string("newsletter/mail/digest_articles.html", context),
            )
        return self._blocks[key]

    @staticmethod
    def _article(article: Article) -> dict:
        return {
            "title": article.title,
            "lead": article.lead,
            "url": absolute_url(article.get_absolute_url()),
            "category": article.category.name,
            "published_at": article.published_at,
        }

    def mail_for(self, subscriber: Subscriber, topic_ids: frozenset[int]) -> Mail | None:
        """The subscriber's edition's articles in their topics, in that edition's
        language with links into it; None when nothing in the digest matches."""
        with translation.override(subscriber.language):
            return self._mail_for(subscriber, topic_ids)

    def _mail_for(self, subscriber: Subscriber, topic_ids: frozenset[int]) -> Mail | None:
        count, text_block, html_block = self._block(topic_ids, subscriber.language)
        if not count:
            return None
        unsubscribe_url = absolute_url(subscriber.get_unsubscribe_url())
        context = {
            "SITE_NAME": settings.SITE_NAME,
            "home_url": absolute_url(reverse("reader:home")),
            "count": count,
            "articles_text": text_block,
            # Rendered from our own escaped template just above.
            "articles_html": mark_safe(html_block),  # noqa: S308
            "unsubscribe_url": unsubscribe_url,
            "all_topics": not topic_ids,
        }
        subject = ngettext(
            "%(site)s: %(count)d new article", "%(site)s: %(count)d new articles", count
        ) % {"site": settings.SITE_NAME, "count": count}
        return Mail(
            subject=_one_line(subject),
            text=render_to_string("newsletter/mail/digest.txt", context),
            html=render_to_string("newsletter/mail/digest.html", context),
            headers=list_headers(unsubscribe_url=unsubscribe_url),
            article_count=count,
        )
