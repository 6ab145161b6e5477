"""Tag suggestions: the tag field asks for existing names as one types."""

from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse

from ..models import Tag


class TagSuggestions:
    """ArticleAdmin's part: a JSON view of tag names, and the tag field's widget
    pointing to it (static/articles/admin/tag_suggestions.js)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags":
            formfield.widget.attrs["data-suggest-url"] = reverse(
                "admin:articles_article_tag_suggestions"
            )
        return formfield

    def get_urls(self):
        urls = [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions),
                name="articles_article_tag_suggestions",
            )
        ]
        return urls + super().get_urls()

    def tag_suggestions(self, request: HttpRequest) -> JsonResponse:
        """Existing tag names starting with ?q=, for the tag field's autocomplete."""
        if not self.has_view_or_change_permission(request):
            return JsonResponse({"results": []}, status=403)
        term = request.GET.get("q", "").strip()[:100]
        names = []
        if term:
            names = list(
                Tag.objects.filter(name__istartswith=term)
                .order_by("name")
                .values_list("name", flat=True)[:10]
            )
        return JsonResponse({"results": names})
