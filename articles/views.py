from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render

from . import selectors


def path_dispatch(request: HttpRequest, path: str) -> HttpResponse:
    """An article lives at <category path>/<slug>, a category at <category path>.

    Articles are looked up first because they are most of the traffic; a
    path of one segment can only be a category.
    """
    category_path, _, slug = path.rpartition("/")
    if category_path:
        preview = request.user.is_staff
        found = selectors.article_for_path(category_path=category_path, slug=slug, preview=preview)
        if found.redirect_to:
            return HttpResponsePermanentRedirect(found.redirect_to)
        if found.article:
            return article_detail(request, found.article)
    category = selectors.category_by_path(path=path)
    if category is None:
        raise Http404("No such page")
    return category_detail(request, category)


def article_detail(request: HttpRequest, article) -> HttpResponse:
    context = {
        "article": article,
        "breadcrumbs": selectors.breadcrumbs(category=article.category),
        "is_preview": not article.is_published,
    }
    return render(request, "articles/article_detail.html", context)


def category_detail(request: HttpRequest, category) -> HttpResponse:
    paginator = Paginator(selectors.category_articles(category=category), 20)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "category": category,
        "breadcrumbs": selectors.breadcrumbs(category=category),
        "page_obj": page,
        "articles": page.object_list,
    }
    return render(request, "articles/category_detail.html", context)
