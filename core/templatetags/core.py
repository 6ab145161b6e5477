from django import template

from ..dates import time_ago

register = template.Library()


@register.filter
def ago(value) -> str:
    return time_ago(value)
