"""Tag suggestions: the tag field asks for existing names, in the article's edition,
as one types."""

from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse

from core.editions import default_edition, edition_codes

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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if "tags" in form.base_fields:
            # The edition whose names to suggest, unless the language field says another.
            language = obj.language if obj is not None else default_edition()
            form.base_fields["tags"].widget.attrs["data-language"] = language
        return form

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
        """Existing tag names starting with ?q=, as the edition ?language= names them
        (by default the default edition), for the tag field's autocomplete."""
        if not self.has_view_or_change_permission(request):
            return JsonResponse({"results": []}, status=403)
        term = request.GET.get("q", "").strip()[:100]
        language = request.GET.get("language", "")
        if language not in edition_codes():
            language = default_edition()
        names = []
        if term:
            names = Tag.objects.names_starting(term, language=language)[:10]
        return JsonResponse({"results": names})
