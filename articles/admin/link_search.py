"""The body editor's link button asks here for articles, sections, tags, authors and
static pages by name (static/articles/admin/internal_link.js)."""

from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils.translation import gettext

from core.editions import default_edition, edition_codes

from ..links import kinds

TERM_MAX_LENGTH = 100
PER_KIND = 8
# Who writes bodies with links: the articles' authors and editors, and whoever keeps
# the static pages.
WRITERS_PERMISSIONS = ("articles.add_article", "articles.change_article", "pages.change_page")


class LinkSearch:
    """ArticleAdmin's part: a JSON view of link targets, each kind searched as its app
    says (articles/links.py), drafts only for those who may change them."""

    def get_urls(self):
        urls = [
            path(
                "link-search/",
                self.admin_site.admin_view(self.link_search),
                name="articles_article_link_search",
            )
        ]
        return urls + super().get_urls()

    def link_search(self, request: HttpRequest) -> JsonResponse:
        """Targets whose name contains ?q=, named as the edition ?language= names them
        (the article's), at most a few of each kind, or of the one ?kind= asks for."""
        if not any(request.user.has_perm(permission) for permission in WRITERS_PERMISSIONS):
            return JsonResponse({"error": gettext("Not allowed."), "results": []}, status=403)
        term = " ".join(request.GET.get("q", "").split())[:TERM_MAX_LENGTH]
        language = request.GET.get("language", "")
        if language not in edition_codes():
            language = default_edition()
        wanted = request.GET.get("kind", "")
        results = []
        if term:
            for kind in kinds():
                if wanted and kind.name != wanted:
                    continue
                for target in kind.search(term, request.user, language, PER_KIND):
                    results.append({**target.as_json(), "kindLabel": str(kind.label)})
        return JsonResponse({"results": results})
