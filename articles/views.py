from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.generic import ListView

from . import selectors
from .cache import reader_page
from .models import Article, Category, SourceKind
from .permissions import can_preview
from .rendering import (
    article_structured_data,
    author_slug,
    breadcrumb_structured_data,
    featured_image_url,
)

ARTICLES_PER_PAGE = 20


@reader_page
def path_dispatch(request: HttpRequest, path: str) -> HttpResponse:
    """An article lives at <category path>/<slug>, a category at <category path>.

    Articles are looked up first because they are most of the traffic; a
    path of one segment can only be a category.
    """
    category_path, _, slug = path.rpartition("/")
    if category_path:
        preview = can_preview(request.user)
        found = selectors.article_for_path(category_path=category_path, slug=slug, preview=preview)
        if found.redirect_to:
            return HttpResponsePermanentRedirect(found.redirect_to)
        if found.article:
            return article_detail(request, found.article)
    category = selectors.category_by_path(path=path)
    if category is None:
        raise Http404("No such page")
    return CategoryView.as_view()(request, category=category)


def article_detail(request: HttpRequest, article: Article) -> HttpResponse:
    is_preview = not article.is_published
    crumbs = selectors.breadcrumbs(category=article.category)
    read_also = selectors.read_also(article=article)
    context = {
        "article": article,
        "breadcrumbs": crumbs,
        "feed_category": article.category,
        "is_preview": is_preview,
        "read_also": read_also,
        # The closing source line names what the story is based on; mentions are linked in the text.
        "sources": [s for s in article.sources.all() if s.kind == SourceKind.BASED_ON],
        "og_image": featured_image_url(article),
        "other_articles": selectors.other_articles(article=article, exclude=read_also),
        "popular": selectors.popular_articles(),
        "structured_data": [
            article_structured_data(article),
            breadcrumb_structured_data(crumbs, article=article),
        ],
    }
    response = render(request, "articles/article_detail.html", context)
    if is_preview or request.user.is_staff:
        # A preview, or a page with staff-only links: never kept by any cache on the way.
        patch_cache_control(response, private=True, no_store=True)
    else:
        response.reader_article_id = article.pk  # counted as a read, also on cache hits
    return response


class ReaderListView(ListView):
    """A paginated list of published articles; a page number that does not exist is a 404."""

    paginate_by = ARTICLES_PER_PAGE
    context_object_name = "articles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_query"] = f"?page={page.number}" if page.number > 1 else ""
        context["popular"] = selectors.popular_articles()
        return context


class CategoryView(ReaderListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        return selectors.category_articles(category=self.kwargs["category"])

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


class TagView(ReaderListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = selectors.tag_by_slug(slug=self.kwargs["slug"])
        if self.tag is None:
            raise Http404("No such tag")
        return selectors.tag_articles(tag=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


tag_detail = reader_page(TagView.as_view())


class AuthorView(ReaderListView):
    template_name = "articles/author_detail.html"

    def get(self, request, *args, **kwargs):
        self.author = selectors.author_by_id(pk=self.kwargs["pk"])
        if self.author is None:
            raise Http404("No such author")
        if self.kwargs.get("slug") != author_slug(self.author):
            # The name in the URL is decoration; a renamed author's old links keep working.
            return redirect("articles:author", pk=self.author.pk, slug=author_slug(self.author),
                            permanent=True)  # fmt: skip
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.author_articles(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


author_detail = reader_page(AuthorView.as_view())
