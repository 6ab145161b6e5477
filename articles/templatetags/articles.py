from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timesince import timesince
from django.utils.translation import npgettext_lazy, pgettext

from .. import rendering
from ..rendering import render_body

register = template.Library()


@register.simple_tag
def article_body(article):
    return render_body(article)


# Units in the case that follows "ago" in the target language (German: "vor 2 Jahren").
AGO_UNITS = {
    "year": npgettext_lazy("time ago", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute", "%(num)d minutes", "num"),
}


@register.filter
def ago(value: datetime | None) -> str:
    """"3 hours ago", "1 year ago" ("vor 1 Jahr"): the largest unit only, which is all
    a reader needs next to a headline. A time in the future (a scheduled article in a
    staff preview) is shown as a date instead."""
    if not value:
        return ""
    now = timezone.now()
    if value > now:
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if (now - value).total_seconds() < 60:
        return pgettext("time ago", "just now")
    delta = timesince(value, now, time_strings=AGO_UNITS, depth=1)
    return pgettext("time ago", "%(delta)s ago") % {"delta": delta}


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


@register.filter
def machine_datetime(value: datetime | None) -> str:
    """`<time datetime="{{ article.published_at|machine_datetime }}">`: see rendering."""
    return rendering.machine_datetime(value) or ""


@register.filter
def rendition(instance, spec: str) -> str:
    """`{{ article|rendition:"featured_rendition_800" }}`: the rendition's URL, cheaply."""
    return rendering.rendition_url(instance, spec)
