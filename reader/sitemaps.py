"""sitemap.xml (an index of articles, categories and tags) and a Google News sitemap.

The Sitemap classes are Django's; the views are ours, because Django's name the
host from the Sites framework, while this site's public address is SITE_URL.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language

from articles.models import Article, Tag
from core.public_site import public_domain, public_scheme
from pages.models import Page
from pages.selectors import sitemap_pages

from . import keys, selectors
from .cache import reader_page, shows
from .editions import hreflang_alternates, in_every_edition, story_urls
from .rendering import absolute_url

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most this many per sitemap


@dataclass(frozen=True)
class _PublicSite:
    """Stands in for a Sites-framework site: the domain comes from SITE_URL."""

    domain: str


def _alternates(announced: dict[str, str]) -> list[dict[str, str]]:
    """hreflang alternates as `<xhtml:link>`s take them (Django's own sitemap keys)."""
    return [{"lang_code": code, "location": url} for code, url in announced.items()]


class ArticleSitemap(Sitemap):
    limit = 5000

    def items(self):
        return selectors.sitemap_articles()

    def lastmod(self, item: Article):
        return max(item.updated_at, item.published_at)

    def add_alternates(self, urls: list[dict]) -> None:
        """Each article's published translations, from one query for the page."""
        versions = selectors.published_versions(
            translation_keys=[url["item"].translation_key for url in urls]
        )
        for url in urls:
            story = versions.get(url["item"].translation_key, [])
            if len(story) > 1:
                locations, x_default = story_urls(story)
                url["alternates"] = _alternates(hreflang_alternates(locations, x_default=x_default))


class CategorySitemap(Sitemap):
    def __init__(self) -> None:
        self.nodes = selectors.category_tree().nodes

    def items(self):
        return self.nodes

    def lastmod(self, item):
        return self._newest_in_subtree.get(item.pk)

    def add_alternates(self, urls: list[dict]) -> None:
        """A section is in every edition, at its path there."""
        for url in urls:
            locations = in_every_edition(url["item"].get_absolute_url)
            url["alternates"] = _alternates(hreflang_alternates(locations))

    @cached_property
    def _newest_in_subtree(self) -> dict:
        """Newest publish time per category, subcategories included, from one query."""
        newest = selectors.newest_publish_time_by_category()
        # Children come after their parent in tree order: walking backwards, each
        # node has its final value by the time it is handed up to its parent.
        for node in reversed(self.nodes):
            if node.parent_id and node.pk in newest:
                parent = newest.get(node.parent_id)
                newest[node.parent_id] = max(filter(None, (parent, newest[node.pk])))
        return newest


class TagSitemap(Sitemap):
    def items(self):
        return selectors.sitemap_tags()

    def location(self, item: Tag) -> str:
        return reverse("reader:tag", kwargs={"slug": item.slug})

    def add_alternates(self, urls: list[dict]) -> None:
        """A tag's page in each edition where it has published articles."""
        for url in urls:
            tag = url["item"]
            locations = in_every_edition(tag.get_absolute_url)
            shown = {code: u for code, u in locations.items() if getattr(tag, f"shown_in_{code}")}
            url["alternates"] = _alternates(hreflang_alternates(shown))


class PageSitemap(Sitemap):
    """The current edition's published static pages."""

    def items(self):
        return sitemap_pages()

    def lastmod(self, item: Page):
        return item.updated_at


SECTIONS = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "pages": PageSitemap,
}


def _xml(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    response = render(request, template, context, content_type="application/xml; charset=utf-8")
    return shows(response, page_keys=[keys.SITEMAP])


def _news_articles():
    return selectors.news_sitemap_articles(since=timezone.now() - NEWS_WINDOW)


@reader_page
def index(request: HttpRequest) -> HttpResponse:
    entries = []
    if _news_articles().exists():
        entries.append({"location": absolute_url(reverse("reader:sitemap-news"))})
    for name, sitemap_class in SECTIONS.items():
        sitemap = sitemap_class()
        pages = sitemap.paginator.num_pages if sitemap.paginator.count else 0
        location = absolute_url(reverse("reader:sitemap-section", kwargs={"section": name}))
        for page in range(1, pages + 1):
            # An empty section is left out: a urlset must have at least one url.
            suffix = f"?p={page}" if page > 1 else ""
            entries.append({"location": location + suffix})
    return _xml(request, "reader/sitemaps/index.xml", {"entries": entries})


@reader_page
def section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in SECTIONS:
        raise Http404("No such sitemap")
    sitemap = SECTIONS[section]()
    try:
        urls = sitemap.get_urls(
            page=request.GET.get("p", 1),
            site=_PublicSite(public_domain()),
            protocol=public_scheme(),
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such sitemap page") from error
    if not urls:
        raise Http404("Empty sitemap")
    # A section whose items have versions in the other editions says which.
    if hasattr(sitemap, "add_alternates"):
        sitemap.add_alternates(urls)
    return _xml(request, "reader/sitemaps/urlset.xml", {"urlset": urls})


@reader_page
def news(request: HttpRequest) -> HttpResponse:
    """Articles of the last 48 hours in the Google News sitemap format."""
    articles = (
        _news_articles()
        .select_related("category")
        .only("title", "slug", "published_at", "category__path")
        .order_by("-published_at", "-pk")[:NEWS_LIMIT]
    )
    context = {
        "articles": [(absolute_url(article.get_absolute_url()), article) for article in articles],
        "publication_name": settings.SITE_NAME,
        "publication_language": get_language(),
    }
    return _xml(request, "reader/sitemaps/news.xml", context)
