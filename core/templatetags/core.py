from django import template
from django.utils.html import format_html

from ..dates import machine_datetime, time_ago
from ..editions import current_edition, fallback_order
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


@register.simple_tag
def lang_attr(obj, field: str):
    """` lang="en"` after an element's name when `obj`'s translated `field` (a section's
    or tag's name) has no value in the page's language and shows another edition's
    (django-modeltranslation's fallback); nothing when it is in the page's language.

    `<a href="…"{% lang_attr category "name" %}>{{ category.name }}</a>`
    """
    language = shown_language(obj, field)
    return format_html(' lang="{}"', language) if language != current_edition() else ""


@register.simple_tag
def in_its_language(obj, field: str):
    """`obj.<field>`, escaped, in a `<span lang="…">` when it reads in another language
    than the page's: for a name inside a translated sentence, where no element of its
    own could carry lang_attr.

    `{% in_its_language section "name" as name %}{% blocktranslate %}More in {{ name }}…`
    """
    value = getattr(obj, field)
    language = shown_language(obj, field)
    if language != current_edition():
        return format_html('<span lang="{}">{}</span>', language, value)
    return format_html("{}", value)


def shown_language(obj, field: str) -> str:
    """The language in which `obj.<field>` reads in the active edition."""
    current = current_edition()
    for code in fallback_order(current):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return current
