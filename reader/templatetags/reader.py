from django import template

from comments.feedback import with_feedback
from reader import editions, rendering

from ..rendering import render_body

register = template.Library()


@register.simple_tag(takes_context=True)
def article_body(context, article):
    """The body, with the markers and the open thread of its passages open for feedback."""
    return with_feedback(
        render_body(article), article=article, request=context["request"], context=context
    )


@register.simple_tag
def page_body(page):
    return rendering.render_page_body(page)


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
    """`{{ image|rendition:"wide_800" }}`: the rendition's URL, cheaply."""
    return rendering.rendition_url(instance, spec)


@register.simple_tag(takes_context=True)
def edition_links(context):
    """`{% edition_links as editions %}`: what the view's selector gave (`edition_links`
    in the context), else the same URL in each edition; None with a single edition."""
    links = context.get("edition_links")
    if links is not None:
        return links
    return editions.links_for_request(context.get("request"))


@register.filter
def og_locale(language: str) -> str:
    """`{{ LANGUAGE_CODE|og_locale }}`: "de_DE" for "de", as Open Graph names locales."""
    return editions.og_locale(language)
