"""Turning a stored article body into the HTML readers get."""

import hashlib
import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from imagekit.cachefiles import ImageCacheFile

from articles.authors import author_name, author_slug, author_url  # noqa: F401 - the reader's names
from articles.links import current_urls, expand_links, linked
from articles.models import Article, Category, Image, SourceKind
from articles.placeholders import IMAGE_PLACEHOLDER
from core import read_ahead
from core.dates import machine_datetime
from core.editions import current_edition
from core.urls import absolute_url
from pages.models import Page

from .cache import current_generation

logger = logging.getLogger(__name__)

# A placeholder is expanded only where it stands as a paragraph of its own, as the
# editor is told to place it; the figure takes that paragraph's place (a figure inside
# a <p> would be invalid HTML). Anywhere else (in a sentence, a link's href or title,
# <code>, a heading) it stays the text it is. The editor may pad the line with spaces,
# no-break spaces or a trailing <br>.
_PAD = r"(?:\s|&nbsp;|&#160;)*"
_OWN_PARAGRAPH = re.compile(rf"<p>{_PAD}{IMAGE_PLACEHOLDER}{_PAD}(?:<br>{_PAD})?</p>")
# Elements a figure may stand in; inside any other (<a>, a heading, <strong>, …) the
# paragraph is left alone.
_FIGURE_CONTAINERS = frozenset({"blockquote", "li", "ol", "ul"})
_VOID_ELEMENTS = frozenset({"br", "hr", "img", "wbr"})
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")


# How long a rendered body is kept; a change to anything it shows gives it a new key.
BODY_CACHE_SECONDS = 300


def render_body(article: Article) -> SafeString:
    """The article's body as readers get it (`_render_body`), kept in the shared cache.

    Rendering it (figures with their srcsets, links, mentions) was a tenth of an
    uncached article page. The key holds everything the HTML is made of: the article's
    body, each placed image's row and its library image's row, the sources, the
    language, and the site's generation (the URLs its internal links lead to are
    articles, tags, sections, pages: any change of theirs starts a new generation). An
    edit of the article or of one of its images is a new key on the next request, in
    every process, with no purge to miss.
    """
    key = body_key(article)
    body = read_ahead.get(key)
    if body is None:
        body = str(_render_body(article))
        cache.set(key, body, BODY_CACHE_SECONDS)
    return mark_safe(body)  # noqa: S308 - rendered from the sanitized body below


def _row(instance) -> tuple:
    return tuple(
        str(value) if hasattr(value, "storage") else value  # a file: its name
        for value in (field.value_from_object(instance) for field in instance._meta.concrete_fields)
    )


def body_key(article: Article) -> str:
    # All prefetched with the article (article_page_queryset): no query here.
    parts = (
        article.pk,
        article.language,
        article.body,
        [(_row(use), _row(use.image)) for use in article.images.all()],
        [_row(source) for source in article.sources.all()],
    )
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"reader:body:{get_language()}:{current_generation()}:{article.pk}:{digest}"


def _render_body(article: Article) -> SafeString:
    """The sanitized body with each [[image:N]] paragraph replaced by its figure.

    N is a library image's id; only images placed in this article are used (they
    are prefetched with their library rows, so this costs no query); a placeholder
    paragraph naming any other image disappears.
    """
    images = {use.image_id: use for use in article.images.all()}
    body = expand_figures(article.body, images)
    body = with_internal_links(body, language=article.language)
    return mark_safe(_link_mentions(body, article))  # noqa: S308 - body is sanitized on save


def render_page_body(page: Page) -> SafeString:
    """A static page's body with its [[image:N]] paragraphs as figures and its
    internal links followed.

    A page has no uses of its own: N names a library image, shown with the
    library's alt text, caption and credit. One query for all of them (none when
    the body has no placeholder); an id that is no longer in the library, or never
    was, leaves no trace.
    """
    ids = {int(pk) for pk in re.findall(IMAGE_PLACEHOLDER, page.body)}
    images = Image.objects.in_bulk(ids) if ids else {}
    body = with_internal_links(expand_figures(page.body, images), language=page.language)
    return mark_safe(body)  # noqa: S308 - body is sanitized on save


def expand_figures(body: str, images: Mapping[int, object]) -> str:
    """`body` with each placeholder paragraph replaced by the figure of images[N]
    (an ArticleImage or an Image: both have what the figure shows), or by nothing."""
    position = 0

    def figure(pk: int) -> str:
        nonlocal position
        image = images.get(pk)
        if image is None:
            return ""
        position += 1
        # The first figure may be above the fold; later ones load lazily.
        return render_to_string(
            "reader/includes/figure.html", {"image": image, "lazy": position > 1}
        )

    return _expand_placeholders(body, figure)


def with_internal_links(body: str, *, language: str) -> str:
    """The body's internal links at their targets' current URLs in the edition
    `language`: one query per kind of target it links to (articles/links.py)."""
    return expand_links(body, current_urls(linked(body), language))


def _expand_placeholders(body: str, figure: Callable[[int], str]) -> str:
    """Replace each placeholder paragraph that stands where a figure may stand.

    The body is sanitizer output: tags balanced, and no `<` or `>` inside attribute
    values or text, so following the tags is enough to know where each paragraph is.
    """
    parts: list[str] = []
    open_elements: list[str] = []
    done = 0
    for match in _OWN_PARAGRAPH.finditer(body):
        before = body[done : match.start()]
        _follow_tags(before, open_elements)
        parts.append(before)
        if _FIGURE_CONTAINERS.issuperset(open_elements):
            parts.append(figure(int(match.group(1))))
        else:
            parts.append(match.group(0))
        done = match.end()
    parts.append(body[done:])
    return "".join(parts)


def _follow_tags(html: str, open_elements: list[str]) -> None:
    for tag in _TAG_NAME.finditer(html):
        closing, name = tag.group(1), tag.group(2).lower()
        if closing:
            if name in open_elements:
                # Close up to the innermost element of that name, as a parser would.
                del open_elements[len(open_elements) - 1 - open_elements[::-1].index(name) :]
        elif name not in _VOID_ELEMENTS:
            open_elements.append(name)


_TAG = re.compile(r"(<[^>]*>)")


def _link_mentions(body: str, article: Article) -> str:
    """Link the first mention of each "mentioned in the text" source to its URL, as in
    "…, according to <a>Byte Harbor</a>", unless it is already inside a link."""
    mentions = [
        source
        for source in article.sources.all()  # prefetched with the article
        if source.kind == SourceKind.MENTION and source.url and source.name
    ]
    if not mentions:
        return body
    parts = _TAG.split(body)
    for source in mentions:
        name = escape(source.name)
        opening = format_html('<a href="{}" rel="noopener">', source.url)
        depth = 0  # how many <a> elements we are inside
        for index, part in enumerate(parts):
            if part.startswith("<"):
                if re.match(r"<a[\s>]", part, re.IGNORECASE):
                    depth += 1
                elif re.match(r"</a\s*>", part, re.IGNORECASE):
                    depth = max(depth - 1, 0)
                continue
            if depth == 0 and name in part:
                # Tags and text stay separate parts, so later sources see this link as one.
                before, _, after = part.partition(name)
                parts[index : index + 1] = [before, opening, name, "</a>", after]
                break
    return "".join(parts)


# ------------------------------------------------------------------------------
# Links and structured data for search engines
# ------------------------------------------------------------------------------
def featured_image_url(article: Article) -> str | None:
    """The featured image for link previews and search engines: its 16:9 crop,
    as teasers show it."""
    if article.featured_image is None:
        return None
    return absolute_url(rendition_url(article.featured_image, "wide_1200"))


def article_structured_data(
    article: Article,
    *,
    tags: Sequence = (),
    authors: Sequence = (),
    original: Article | None = None,
    translations: Sequence[Article] = (),
) -> dict:
    """schema.org NewsArticle, as search engines read it for article rich results.

    A translation names the `original` it was made from (translationOfWork), an
    original its published `translations` (workTranslation).
    """
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": article.language,
        "headline": article.title,
        "description": article.description,
        "datePublished": machine_datetime(article.published_at),
        "dateModified": machine_datetime(
            max(filter(None, (article.updated_at, article.published_at)), default=None)
        ),
        "author": [
            {"@type": "Person", "name": author_name(a), "url": absolute_url(author_url(a))}
            for a in authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute_url("/"),
            "logo": {"@type": "ImageObject", "url": absolute_url(static("img/logo.png"))},
        },
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in tags],
    }
    image = featured_image_url(article)
    images = [image] if image else []
    images += [absolute_url(image.file.url) for image in article.images.all()]
    if images:
        data["image"] = images
    if not data["author"]:
        data["author"] = {"@type": "Organization", "name": settings.SITE_NAME}
    if original is not None:
        data["translationOfWork"] = _work(original)
    if translations:
        data["workTranslation"] = [_work(translation) for translation in translations]
    return {key: value for key, value in data.items() if value not in (None, [])}


def _work(article: Article) -> dict:
    url = absolute_url(article.get_absolute_url())
    return {"@type": "NewsArticle", "@id": url, "url": url, "inLanguage": article.language}


def breadcrumb_structured_data(
    categories: list[Category], *, article: Article | None = None
) -> dict:
    """schema.org BreadcrumbList: Home, then each category, then the article."""
    items = [(gettext("Home"), absolute_url(reverse("reader:home")))]
    items += [(category.name, absolute_url(category.get_absolute_url())) for category in categories]
    if article is not None:
        items.append((article.title, absolute_url(article.get_absolute_url())))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> that no string in the data can break out of."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    for char, escaped in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def website_structured_data() -> dict:
    """schema.org WebSite with the site search, for the front page."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": absolute_url(reverse("reader:home")),
        "inLanguage": current_edition(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": absolute_url(reverse("reader:search")) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


_RENDITION_NAMES: dict[tuple, str] = {}
_RENDITION_NAMES_MAX = 8192


def rendition_url(instance, spec: str) -> str:
    """The URL of an imagekit rendition, e.g. `rendition_url(image, "wide_800")`.

    imagekit names a rendition by hashing its source's name with the spec, which it
    does by pickling in pure Python: costly with twenty teasers on a page. The name is
    a function of those two alone (and a focal crop's focal point), so it is
    remembered per process; making the file when it is missing stays imagekit's job
    (its cache-file strategy runs on `.url`).
    """
    field = getattr(type(instance), spec)
    source = getattr(instance, field.source)
    if not source:
        return ""
    generator = field.get_spec(source=source)
    # A focal crop's name hashes the focal point too (articles.focal.FocalCrop).
    key = (field.spec_id, source.name, getattr(instance, "focal_x", None),
           getattr(instance, "focal_y", None))  # fmt: skip
    name = _RENDITION_NAMES.get(key)
    if name is None:
        name = generator.cachefile_name
        if len(_RENDITION_NAMES) >= _RENDITION_NAMES_MAX:
            _RENDITION_NAMES.clear()
        _RENDITION_NAMES[key] = name
    try:
        return ImageCacheFile(generator, name=name).url
    except OSError as error:
        # The original is gone from the storage (or unreadable), so no rendition can be
        # made: the page still serves, with the original's (broken) address in its place,
        # and the operator is told which file to restore.
        logger.error("Image rendition %s of %s could not be made: %s", spec, source.name, error)
        return source.url
