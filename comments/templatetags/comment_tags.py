from __future__ import annotations

from django import template
from django.conf import settings

from ..section import SectionView, section_for_request
from ..tree import render_comment_tree

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section_for(context, article) -> SectionView:
    """{% comment_section_for article as comments %}: the article page's comment section;
    the page's `comment_cache_version`, when it gives one, lets its comments be kept."""
    return section_for_request(
        article=article,
        request=context["request"],
        cache_version=context.get("comment_cache_version"),
    )


@register.simple_tag(takes_context=True)
def comment_tree(context, view: SectionView):
    """{% comment_tree view %}: the section's threads, each comment's `<li>` (comments/tree.py)."""
    return render_comment_tree(view=view, request=context["request"], context=context)


@register.simple_tag
def comments_setting(name: str):
    """A comments setting the templates need, e.g. the guest policy."""
    if not name.startswith("COMMENTS_"):
        raise template.TemplateSyntaxError("only COMMENTS_* settings are available")
    return getattr(settings, name)


@register.simple_tag
def site_name() -> str:
    return settings.SITE_NAME
