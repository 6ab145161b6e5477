from django.contrib import admin
from reversion.admin import VersionAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(VersionAdmin):
    list_display = ("title", "language", "slug", "is_published", "show_in_footer", "footer_order")
    list_filter = ("language", "is_published", "show_in_footer")
    list_editable = ("show_in_footer", "footer_order")
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("language", "title", "slug", "body")}),
        (None, {"fields": ("is_published", "show_in_footer", "footer_order")}),
    )
    view_on_site = True
