from django import template

from ..dates import machine_datetime, time_ago
from ..urls import absolute_url

register = template.Library()


@register.filter
def ago(value) -> str:
    return time_ago(value)


@register.filter
def absolute(path: str) -> str:
    """`{{ article.get_absolute_url|absolute }}`: the URL on the site's public address."""
    return absolute_url(str(path))


@register.filter(name="machine_datetime")
def machine_datetime_filter(value) -> str:
    """`<time datetime="{{ article.published_at|machine_datetime }}">`."""
    return machine_datetime(value) or ""
