from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles import selectors
from articles.cache import reader_page
from articles.rendering import website_structured_data
from articles.search import SearchForm, search_articles
from articles.views import ReaderListView

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
        "structured_data": [website_structured_data()],
    }
    return render(request, "newsroom/home.html", context)


class SearchView(ReaderListView):
    """Results for ?q=; an empty or invalid query shows the form with its message."""

    template_name = "newsroom/search.html"

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        if not self.form.is_valid():
            return []
        return search_articles(query=self.form.cleaned_data["q"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


search = require_safe(SearchView.as_view())


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /search/",
        "Disallow: /preview/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('articles:sitemap-index')}",
        f"Sitemap: {settings.SITE_URL}{reverse('articles:sitemap-news')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: answers 200 only when the database does."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
