from django.core import signing
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.generic import ListView, TemplateView

from articles.links import linked
from articles.models import Article, Category
from articles.preview import load_preview_token, mark_private
from comments.section import section_cache_keys
from core.editions import current_edition, edition_codes
from core.read_ahead import read_ahead
from core.urls import absolute_url
from pages.selectors import page_by_slug

from . import keys, selectors
from .cache import current_generation, path_version, reader_page, shows, shows_article
from .pagination import IdsFirstPaginator
from .rendering import (
    article_structured_data,
    author_slug,
    breadcrumb_structured_data,
    featured_image_url,
    website_structured_data,
)
from .search import SearchForm, SearchPaginator, search_articles, search_matches

ARTICLES_PER_PAGE = 20


@reader_page
def path_dispatch(request: HttpRequest, path: str) -> HttpResponse:
    """An article lives at <category path>/<slug>, a category at <category path>.

    Articles are looked up first because they are most of the traffic; a
    path of one segment can only be a category.
    """
    category_path, _, slug = path.rpartition("/")
    if category_path:
        found = selectors.article_for_path(
            category_path=category_path, slug=slug, viewer=request.user
        )
        if found.redirect_to:
            return HttpResponsePermanentRedirect(found.redirect_to)
        if found.article:
            return article_detail(request, found.article)
    category = selectors.category_by_path(path=path)
    if category is None:
        if moved_to := selectors.category_moved_to(path=path):
            return HttpResponsePermanentRedirect(moved_to)
        raise Http404("No such page")
    return CategoryView.as_view()(request, category=category)


class ArticleView(TemplateView):
    """An article page; `article` comes from the path (or a preview link), loaded by
    `selectors.article_page_queryset()`."""

    template_name = "reader/article_detail.html"

    def get_context_data(self, **kwargs):
        article = self.kwargs["article"]
        # The comments are kept for as long as the site's lists and this page are
        # unchanged: a comment saved, voted on or moderated replaces the page's token.
        comment_cache_version = None
        if article.is_published:
            comment_cache_version = (
                f"{current_generation()}:{path_version(article.get_absolute_url())}"
            )
            # What the page is about to read from the shared cache, in one round trip.
            read_ahead([
                *selectors.article_page_cache_keys(article=article),
                *section_cache_keys(article=article, request=self.request,
                                    cache_version=comment_cache_version),
            ])  # fmt: skip
        page = selectors.article_page(article=article)
        # `article` reaches the template from the view's kwargs.
        return super().get_context_data(
            page=page,
            breadcrumbs=page.breadcrumbs,
            feed_category=article.category,
            is_preview=page.is_preview,
            read_also=page.read_also,
            sources=page.sources,
            og_image=featured_image_url(article),
            other_articles=page.other_articles,
            popular=page.popular,
            comment_cache_version=comment_cache_version,
            comment_author_ids=[author.pk for author in page.authors],
            edition_links=page.edition_links,
            structured_data=[
                article_structured_data(
                    article,
                    tags=page.tags,
                    authors=page.authors,
                    original=page.original,
                    translations=page.translated_into,
                ),
                breadcrumb_structured_data(page.breadcrumbs, article=article),
            ],
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs).render()
        if context["is_preview"] or self.request.user.is_staff:
            # A preview, or a page with staff-only links: never kept by any cache on the way.
            patch_cache_control(response, private=True, no_store=True)
            return response
        article = context["article"]
        language = current_edition()
        # Its boxes: read also (tags, section), other articles of its section, popular.
        section = context["breadcrumbs"][0] if context["breadcrumbs"] else article.category
        shown = [*context["read_also"], *context["other_articles"], *context["popular"]]
        linked_ids = linked(article.body)
        shows(response, page_keys=[
            *keys.showing(shown),
            keys.category(section.pk, language),
            *(keys.tag(tag.pk, language) for tag in context["page"].tags),
            # The body's internal links show their targets' URLs.
            *(keys.article(pk) for pk in linked_ids.get("article", ())),
            *(keys.tag(pk, language) for pk in linked_ids.get("tag", ())),
        ])  # fmt: skip
        return shows_article(response, article_id=article.pk)


def article_detail(request: HttpRequest, article: Article) -> HttpResponse:
    return ArticleView.as_view()(request, article=article)


class ReaderListView(ListView):
    """A paginated list of published articles; a page number that does not exist is a 404."""

    paginate_by = ARTICLES_PER_PAGE
    paginator_class = IdsFirstPaginator
    context_object_name = "articles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_query"] = f"?page={page.number}" if page.number > 1 else ""
        context["popular"] = selectors.popular_articles()
        # A later page has no counterpart to announce: its articles differ per edition.
        context["edition_links"] = self.edition_links(alternates=page.number == 1)
        return context

    def list_key(self) -> str | None:
        """The surrogate key of the list this page is part of (reader/keys.py)."""
        return None

    def get_paginator(self, *args, **kwargs):
        # Its count is kept under the list's key (reader.pagination).
        return super().get_paginator(*args, count_key=self.list_key(), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        shown = [*context["page_obj"].object_list, *context["popular"]]
        list_key = self.list_key()
        return shows(response, page_keys=[*keys.showing(shown), *([list_key] if list_key else [])])

    def edition_links(self, *, alternates: bool):
        """The page in the other editions; None: what the URL names there (links_for_request)."""
        return None


class CategoryView(ReaderListView):
    template_name = "reader/category_detail.html"

    def get_queryset(self):
        return selectors.category_articles(category=self.kwargs["category"])

    def list_key(self) -> str:
        return keys.category(self.kwargs["category"].pk, current_edition())

    def get_context_data(self, **kwargs):
        category: Category = self.kwargs["category"]
        crumbs = selectors.breadcrumbs(category=category)
        return super().get_context_data(
            category=category,
            feed_category=category,
            breadcrumbs=crumbs,
            subcategories=selectors.subcategories(category=category),
            structured_data=[breadcrumb_structured_data(crumbs)],
            **kwargs,
        )

    def edition_links(self, *, alternates: bool):
        return selectors.category_edition_links(
            category=self.kwargs["category"], alternates=alternates
        )


class TagView(ReaderListView):
    template_name = "reader/tag_detail.html"

    def get_queryset(self):
        self.tag = selectors.tag_by_slug(slug=self.kwargs["slug"])
        if self.tag is None:
            raise Http404("No such tag")
        return selectors.tag_articles(tag=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)

    def list_key(self) -> str:
        return keys.tag(self.tag.pk, current_edition())

    def edition_links(self, *, alternates: bool):
        return selectors.tag_edition_links(tag=self.tag, alternates=alternates)


tag_detail = reader_page(TagView.as_view())


class AuthorView(ReaderListView):
    template_name = "reader/author_detail.html"

    def get(self, request, *args, **kwargs):
        self.author = selectors.author_by_id(pk=self.kwargs["pk"])
        if self.author is None:
            raise Http404("No such author")
        if self.kwargs.get("slug") != author_slug(self.author):
            # The name in the URL is decoration; a renamed author's old links keep working.
            return redirect("reader:author", pk=self.author.pk, slug=author_slug(self.author),
                            permanent=True)  # fmt: skip
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.author_articles(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)

    def list_key(self) -> str:
        return keys.author(self.author.pk, current_edition())

    def edition_links(self, *, alternates: bool):
        return selectors.author_edition_links(author=self.author, alternates=alternates)


author_detail = reader_page(AuthorView.as_view())


@reader_page
@require_safe
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = page_by_slug(slug=slug)
    if page is None:
        raise Http404("No such page")
    context = {"static_page": page, "edition_links": selectors.page_edition_links(page=page)}
    return render(request, "reader/page_detail.html", context)


HOME_LATEST = 7  # the lead story and six more
HOME_PER_SECTION = 4


@reader_page
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    latest = selectors.latest_articles(limit=HOME_LATEST)
    sections = selectors.section_blocks(
        sections=selectors.top_categories(), per_section=HOME_PER_SECTION, exclude=latest
    )
    context = {
        "lead_story": latest[0] if latest else None,
        "latest": latest[1:],
        "sections": sections,
        "popular": selectors.popular_articles(),
        "edition_links": selectors.home_edition_links(),
        "structured_data": [website_structured_data()],
    }
    shown = [*latest, *(article for _section, block in sections for article in block)]
    response = render(request, "reader/home.html", context)
    return shows(response, page_keys=[
        keys.home(current_edition()), *keys.showing([*shown, *context["popular"]])
    ])  # fmt: skip


class SearchView(ReaderListView):
    """Results for ?q=; an empty or invalid query shows the form with its message."""

    template_name = "reader/search.html"

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        if not self.form.is_valid():
            return []
        return search_articles(query=self.form.cleaned_data["q"])

    def get_paginator(self, *args, **kwargs):
        if not self.form.is_valid():
            return super().get_paginator(*args, **kwargs)
        matches = search_matches(query=self.form.cleaned_data["q"])
        return SearchPaginator(*args, matches=matches, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


search = require_safe(SearchView.as_view())


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers read the root's: it names every edition's private paths and sitemaps."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    sitemaps = []
    for code in edition_codes():
        with translation.override(code):
            home = reverse("reader:home")
            lines += [f"Disallow: {home}{part}/" for part in ("accounts", "search", "preview")]
            sitemaps += [
                f"Sitemap: {absolute_url(reverse('reader:sitemap-index'))}",
                f"Sitemap: {absolute_url(reverse('reader:sitemap-news'))}",
            ]
    text = "\n".join([*lines, "", *sitemaps]) + "\n"
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def _invalid_preview_link(request: HttpRequest, *, expired: bool) -> HttpResponse:
    response = render(
        request,
        "reader/preview_invalid.html",
        {"expired": expired},
        status=410 if expired else 404,
    )
    return mark_private(response)


def article_preview(request: HttpRequest, token: str) -> HttpResponse:
    try:
        article_id = load_preview_token(token)
    except signing.SignatureExpired:
        return _invalid_preview_link(request, expired=True)
    except signing.BadSignature:
        return _invalid_preview_link(request, expired=False)
    article = selectors.article_page_queryset(preview=True).filter(pk=article_id).first()
    if article is None:
        raise Http404("The article of this preview no longer exists")
    if article.is_published:
        # Out now: everyone reads the real page, which may be cached and indexed.
        return HttpResponseRedirect(article.get_absolute_url())
    return mark_private(article_detail(request, article))
