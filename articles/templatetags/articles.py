from django import template

from ..rendering import render_body

register = template.Library()


@register.simple_tag
def article_body(article):
    return render_body(article)
