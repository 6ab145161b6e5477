from __future__ import annotations

from django import template
from django.conf import settings

from ..section import SectionView, section_for_request
from ..text import comment_html

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section_for(context, article) -> SectionView:
    """{% comment_section_for article as comments %}: the article page's comment section."""
    return section_for_request(article=article, request=context["request"])


@register.filter
def comment_text(text: str):
    return comment_html(text or "")


@register.simple_tag
def comments_setting(name: str):
    """A comments setting the templates need, e.g. the guest policy."""
    if not name.startswith("COMMENTS_"):
        raise template.TemplateSyntaxError("only COMMENTS_* settings are available")
    return getattr(settings, name)


@register.simple_tag
def site_name() -> str:
    return settings.SITE_NAME
