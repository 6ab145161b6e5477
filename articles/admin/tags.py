"""The tags, named per edition: our own Tag model, in place of taggit's."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from taggit.models import Tag as UnusedTaggitTag

from core.public_site import ViewOnPublicSite

from ..models import Tag

# taggit's own tag model holds nothing since the editions (migration 0006_editions);
# its admin would show an empty list beside ours.
if admin.site.is_registered(UnusedTaggitTag):
    admin.site.unregister(UnusedTaggitTag)


@admin.register(Tag)
class TagAdmin(ViewOnPublicSite, TranslationAdmin):
    list_display = ("name", "slug", "article_count")
    search_fields = tuple(
        f"{field}_{code}"
        for field in ("name", "slug")
        for code in settings.MODELTRANSLATION_LANGUAGES
    )
    fields = ("name", "slug", "description", "picture", "picture_alt")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("tagged_articles"))

    @admin.display(description=_("articles"), ordering="article_total")
    def article_count(self, obj: Tag) -> int:
        return obj.article_total
