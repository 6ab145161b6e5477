from __future__ import annotations

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from core import read_ahead

from ..section import SHARED_FORM_SECONDS, SectionView, section_for_request, shared_form_key
from ..tree import render_comment_tree

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section_for(context, article) -> SectionView:
    """{% comment_section_for article as comments %}: the article page's comment section;
    the page's `comment_cache_version`, when it gives one, lets its comments be kept, and
    its `comment_author_ids` name the article's authors."""
    return section_for_request(
        article=article,
        request=context["request"],
        cache_version=context.get("comment_cache_version"),
        author_ids=context.get("comment_author_ids", ()),
    )


@register.simple_tag(takes_context=True)
def new_comment_form(context, view: SectionView):
    """{% new_comment_form view %}: the form for a new thread (comments/includes/form.html),
    rendered once and kept when it reads the same for every reader
    (section.shared_form_key says when)."""
    key = shared_form_key(
        view=view, request=context["request"], cache_version=context.get("comment_cache_version")
    )
    if key is not None and (kept := read_ahead.get(key)) is not None:
        return mark_safe(kept)  # noqa: S308 - our own template's output, kept as rendered
    form_template = context.template.engine.get_template("comments/includes/form.html")
    with context.push(form=view.form):
        html = form_template.render(context)
    if key is not None:
        cache.set(key, str(html), SHARED_FORM_SECONDS)
    return html


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
