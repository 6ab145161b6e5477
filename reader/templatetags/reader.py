from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from comments.feedback import with_feedback
from reader import editions, rendering

from ..rendering import render_body
from ..selectors import LIST_CACHE_SECONDS

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


@register.tag
def fragment(parser, token):
    """`{% fragment box.fragment_key %}…{% endfragment %}`: the enclosed HTML, kept in the
    shared cache under the key its data was kept under (selectors.Shown) and the page's
    language. Rendering the teasers of "Read also", "Other articles" and "Popular now"
    was a tenth of an uncached article page, for HTML that is the same for every reader.
    Without a key (a list that was never kept) the HTML is rendered afresh each time."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% fragment %} takes one argument: the key.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]))


class FragmentNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        cache_key = f"reader:fragment:{get_language()}:{key}"
        html = cache.get(cache_key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(cache_key, str(html), LIST_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 - this very template's output, kept
