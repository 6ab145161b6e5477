from django.contrib.auth import get_user_model
from django.urls import path, register_converter
from django.urls.converters import PathConverter, StringConverter

from core.ids import id_converter

from . import feeds, sitemaps, views

register_converter(id_converter(get_user_model()), "user_id")


class SlugTextConverter(StringConverter):
    """A tag's slug as `str` reads it, but never with a NUL character (`%00`): no slug
    has one, and PostgreSQL refuses to compare a text that does (an error, not a miss)."""

    regex = "[^/\x00]+"


class SlugPathConverter(PathConverter):
    """A category or article path as `path` reads it, without NUL, as above."""

    regex = "[^\x00]+"


register_converter(SlugTextConverter, "slug_text")
register_converter(SlugPathConverter, "slug_path")

app_name = "reader"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    # A signed link to an unpublished article; before the catch-all below, which would
    # take "preview" for a category.
    path("preview/<str:token>/", views.article_preview, name="article-preview"),
    # Their first segments are in models.RESERVED_SLUGS, so no category can hide them.
    path("tag/<slug_text:slug>/", views.tag_detail, name="tag"),
    # Static pages (pages.models explains why not at /<slug>/).
    path("page/<slug_text:slug>/", views.page_detail, name="page"),
    path("author/<user_id:pk>/", views.author_detail, name="author"),
    path("author/<user_id:pk>-<slug:slug>/", views.author_detail, name="author"),
    path("feeds/rss/", feeds.reader_feed(feeds.LatestRssFeed()), name="feed-rss"),
    path("feeds/atom/", feeds.reader_feed(feeds.LatestAtomFeed()), name="feed-atom"),
    path(
        "feeds/rss/<slug_path:path>/",
        feeds.reader_feed(feeds.CategoryRssFeed()),
        name="category-feed-rss",
    ),
    path(
        "feeds/atom/<slug_path:path>/",
        feeds.reader_feed(feeds.CategoryAtomFeed()),
        name="category-feed-atom",
    ),
    path("sitemap.xml", sitemaps.index, name="sitemap-index"),
    path("sitemaps/news.xml", sitemaps.news, name="sitemap-news"),
    path("sitemaps/<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    # Categories and articles share one URL space (/news/ and /news/it-news/my-story/),
    # so one view tells them apart. Keep this pattern last in the root URLconf.
    path("<slug_path:path>/", views.path_dispatch, name="path"),
]
