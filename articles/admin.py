from django.contrib import admin
from django.db.models import Count
from django.http import HttpRequest, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from mptt.admin import DraggableMPTTAdmin
from taggit.models import Tag

from .models import Article, ArticleImage, Category, Source


@admin.register(Category)
class CategoryAdmin(DraggableMPTTAdmin):
    list_display = ("tree_actions", "indented_title", "path", "is_active", "article_count")
    list_display_links = ("indented_title",)
    list_filter = ("is_active",)
    search_fields = ("name", "path")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "parent", "description", "is_active")
    mptt_level_indent = 24

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="_article_count")
    def article_count(self, obj: Category) -> int:
        return obj._article_count


class CategoryTreeFilter(admin.SimpleListFilter):
    """Filter by category, counting the articles of its subcategories too."""

    title = _("category")
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return [
            (str(category.pk), "— " * category.level + category.name)
            for category in Category.objects.order_by("tree_id", "lft")
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        category = Category.objects.filter(pk=value).first() if value.isdigit() else None
        if category is None:
            return queryset.none()
        return queryset.in_category(category)


class SourceInline(admin.TabularInline):
    model = Source
    extra = 1
    fields = ("name", "url", "kind", "order")


class ArticleImageInline(admin.StackedInline):
    model = ArticleImage
    extra = 1
    fields = (("image", "preview"), "placeholder", "alt", ("caption", "credit"), "order")
    readonly_fields = ("preview", "placeholder")

    @admin.display(description=_("preview"))
    def preview(self, obj: ArticleImage) -> str:
        if not obj.pk or not obj.image:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" width="160" style="height:auto">', obj.image.url, obj.alt
        )

    @admin.display(description=_("placeholder for the body"))
    def placeholder(self, obj: ArticleImage) -> str:
        if not obj.pk:
            return _("Shown after the first save; put it on a line of its own in the body.")
        return format_html("<code>{}</code>", obj.placeholder)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "category", "status", "published_at", "author_names", "updated_at")
    list_filter = ("status", CategoryTreeFilter, "published_at")
    list_select_related = ("category",)
    search_fields = ("title", "lead", "slug")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("category", "authors", "read_also")
    inlines = (SourceInline, ArticleImageInline)
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "lead", "body")}),
        (_("Publishing"), {"fields": ("status", "published_at", "authors", "allow_comments")}),
        (_("Featured image"), {"fields": ("featured_image", "featured_image_alt")}),
        (_("Related"), {"fields": ("tags", "read_also")}),
        (_("Search engines"), {"fields": ("seo_description",), "classes": ("collapse",)}),
    )

    class Media:
        js = ("articles/admin/tag_suggestions.js",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authors")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags":
            formfield.widget.attrs["data-suggest-url"] = reverse(
                "admin:articles_article_tag_suggestions"
            )
        return formfield

    @admin.display(description=_("authors"))
    def author_names(self, obj: Article) -> str:
        return ", ".join(user.get_full_name() or user.get_username() for user in obj.authors.all())

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
