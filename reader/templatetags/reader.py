from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import mark_safe

from comments.feedback import with_feedback
from core import read_ahead
from reader import editions, rendering

from ..rendering import render_body
from ..selectors import LIST_CACHE_SECONDS, fragment_cache_key, site_chrome_key

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


@register.simple_tag(takes_context=True)
def chrome_key(context, part: str) -> str:
    """`{% chrome_key "nav" as key %}`: the key of the site's navigation or footer for
    this page (selectors.site_chrome_key), for `{% fragment key %}`."""
    if part != "nav":
        return site_chrome_key(part)
    crumbs = context.get("breadcrumbs")
    request = context.get("request")
    return site_chrome_key(
        part,
        section_tree_id=crumbs[0].tree_id if crumbs else None,
        home=request is not None and request.path == reverse("reader:home"),
    )


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
        cache_key = fragment_cache_key(key)
        html = read_ahead.get(cache_key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(cache_key, str(html), LIST_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 - this very template's output, kept
