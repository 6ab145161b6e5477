from datetime import datetime

from django import template
from django.contrib.humanize.templatetags.humanize import NaturalTimeFormatter, naturaltime
from django.utils import timezone
from django.utils.timesince import timesince

from .. import rendering
from ..rendering import render_body

register = template.Library()


@register.simple_tag
def article_body(article):
    return render_body(article)


@register.filter
def ago(value: datetime | None) -> str:
    """"3 hours ago", "1 year ago" ("vor 1 Jahr"): one unit only, unlike naturaltime's
    "1 year, 2 months ago", which is more than a reader needs next to a headline.

    The words are Django's own humanize strings, so every language Django speaks
    has them, with the grammatical case the "ago" phrase needs.
    """
    if not value:
        return ""
    now = timezone.now()
    if value > now or (now - value).days == 0:
        return naturaltime(value)
    delta = timesince(value, now, time_strings=NaturalTimeFormatter.past_substrings, depth=1)
    return NaturalTimeFormatter.time_strings["past-day"] % {"delta": delta}


@register.filter
def absolute(path: str) -> str:
    return rendering.absolute_url(path)


@register.filter
def author_url(author) -> str:
    return rendering.author_url(author)


@register.filter
def author_name(author) -> str:
    return rendering.author_name(author)


@register.filter
def json_ld(data: dict):
    return rendering.json_ld(data)
