from django import template

from ..dates import machine_datetime, time_ago
from ..forms_token import form_token_field
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


@register.simple_tag(takes_context=True)
def form_token(context) -> str:
    """`{% form_token %}` instead of `{% csrf_token %}` in forms on pages a shared cache
    may keep (core/forms_token.py): empty for readers who carry nothing personal."""
    return form_token_field(context.get("request"))
