"""RSS 2.0 and Atom feeds of the latest articles, for the site and for each category."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext

from articles.models import Article, Category
from core.dates import to_the_second
from core.editions import current_edition
from core.urls import absolute_url

from . import keys, selectors
from .cache import reader_page, shows
from .rendering import author_name

FEED_LENGTH = 20


def reader_feed(feed: Feed):
    """Feeds are read by pollers every few minutes: serve them from the page cache."""
    return reader_page(feed)


class _PlainTextFields:
    """How our fields go into a feed. Everything we hand a feed (titles, leads, names,
    category and tag names, descriptions) is plain text. Django escapes each value for
    XML, which is all a field the format defines as text needs: in Atom every field but
    the summary; in RSS every field but an item's description (the RSS Advisory Board:
    titles hold no HTML and are shown literally). Those two are where the formats carry
    HTML (RSS `<description>`, Atom `<summary type="html">`): a reader unescapes the XML
    and renders what is left, so a lead holding "<img …>" would reach it as an element.
    So they are HTML-escaped here first, for every feed.
    """

    html_item_fields = ("description",)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        item = self.items[-1]
        for field in self.html_item_fields:
            if item.get(field):
                item[field] = escape(item[field])


class RssFeed(_PlainTextFields, Rss201rev2Feed):
    pass


class AtomFeed(_PlainTextFields, Atom1Feed):
    pass


class LatestRssFeed(Feed):
    feed_type = RssFeed
    url_name = "reader:feed-rss"

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The cache in front keeps it until an article of its list changes.
        return shows(response, page_keys=[self.list_key(**kwargs)])

    def list_key(self) -> str:
        return keys.feed(current_edition())

    def title(self) -> str:
        return settings.SITE_NAME

    def link(self) -> str:
        return absolute_url(reverse("reader:home"))

    def feed_url(self) -> str:
        return absolute_url(reverse(self.url_name))

    def description(self) -> str:
        return gettext("The latest articles from %(site)s") % {"site": settings.SITE_NAME}

    def items(self):
        return selectors.feed_articles(limit=FEED_LENGTH)

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.lead

    def item_link(self, item: Article) -> str:
        return absolute_url(item.get_absolute_url())

    # The generators format dates themselves; whole seconds make them agree with the
    # pages, sitemaps and JSON-LD (see rendering.machine_datetime).
    def item_pubdate(self, item: Article):
        return to_the_second(item.published_at)

    def item_updateddate(self, item: Article):
        return to_the_second(max(item.updated_at, item.published_at))

    def item_author_name(self, item: Article) -> str | None:
        return ", ".join(author_name(author) for author in item.authors.all()) or None

    def item_categories(self, item: Article) -> list[str]:
        return [item.category.name, *(tag.name for tag in item.tags.all())]


class LatestAtomFeed(LatestRssFeed):
    feed_type = AtomFeed
    url_name = "reader:feed-atom"
    # Atom calls the description a subtitle.
    subtitle = LatestRssFeed.description


class CategoryRssFeed(LatestRssFeed):
    url_name = "reader:category-feed-rss"

    def get_object(self, request, path: str) -> Category:
        category = selectors.category_by_path(path=path)
        if category is None:
            raise Http404("No such category")
        return category

    def list_key(self, path: str) -> str:
        return keys.category(self.get_object(None, path=path).pk, current_edition())

    def title(self, obj: Category) -> str:
        return f"{obj.name} – {settings.SITE_NAME}"

    def link(self, obj: Category) -> str:
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj: Category) -> str:
        return absolute_url(reverse(self.url_name, kwargs={"path": obj.path}))

    def description(self, obj: Category) -> str:
        return obj.description or gettext("The latest articles in %(category)s") % {
            "category": obj.name
        }

    def items(self, obj: Category):
        return selectors.feed_articles(limit=FEED_LENGTH, category=obj)


class CategoryAtomFeed(CategoryRssFeed):
    feed_type = AtomFeed
    url_name = "reader:category-feed-atom"
    subtitle = CategoryRssFeed.description
