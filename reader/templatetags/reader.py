
from django import template

from reader import rendering

from ..rendering import render_body

register = template.Library()


@register.simple_tag
def article_body(article):
    return render_body(article)


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
def rendition(instance, spec: str) -> str:
    """`{{ article|rendition:"featured_rendition_800" }}`: the rendition's URL, cheaply."""
    return rendering.rendition_url(instance, spec)
