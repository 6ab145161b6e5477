from django.contrib import admin

from .models import ImportedItem, LegacyRedirect


@admin.register(LegacyRedirect)
class LegacyRedirectAdmin(admin.ModelAdmin):
    list_display = ("source", "language", "content_type", "object_id")
    list_filter = ("language", "content_type")
    search_fields = ("source",)


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = ("kind", "wp_id", "language", "content_type", "object_id", "imported_at")
    list_filter = ("kind", "language")
    search_fields = ("wp_id",)
