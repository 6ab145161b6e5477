from django import template

from ..dates import time_ago
from ..urls import absolute_url

register = template.Library()


@register.filter
def ago(value) -> str:
    return time_ago(value)


@register.filter
def absolute(path: str) -> str:
    """`{{ article.get_absolute_url|absolute }}`: the URL on the site's public address."""
    return absolute_url(str(path))
