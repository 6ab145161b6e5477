"""List filters of the article lists."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import ArticleStatus, Category


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


class PublicationStateFilter(admin.SimpleListFilter):
    """The statuses, with "published" split into what readers see now and what is
    scheduled: the difference an editor cares about."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (ArticleStatus.DRAFT, ArticleStatus.DRAFT.label),
            (ArticleStatus.REVIEW, ArticleStatus.REVIEW.label),
            ("scheduled", _("Scheduled")),
            ("live", _("Published and visible")),
            (ArticleStatus.UNPUBLISHED, ArticleStatus.UNPUBLISHED.label),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        if value in ArticleStatus.values:
            return queryset.filter(status=value)
        return queryset
