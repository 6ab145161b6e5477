"""An article's sources and images, edited on the article's page."""

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.public_site import ViewOnPublicSite

from ..models import ArticleImage, Source
from ..permissions import can_edit_article
from .forms import ArticleImageFormSet


class ArticlePartInline:
    """Sources and images change with their article: whoever may not change the
    article (an author, once it is published) sees them read-only."""

    def _article_editable(self, request, obj) -> bool:
        return obj is None or can_edit_article(request.user, obj)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._article_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._article_editable(request, obj)


class SourceInline(ArticlePartInline, admin.TabularInline):
    model = Source
    extra = 1
    fields = ("name", "url", "kind", "order")
    # The admin's URL widget adds a "Currently: <link>" line above each field, which
    # pushes the table past the page's width.
    formfield_overrides = {models.URLField: {"widget": forms.URLInput(attrs={"size": 40})}}


class ArticleImageInline(ViewOnPublicSite, ArticlePartInline, admin.StackedInline):
    """The texts of the library images the body shows, as this article shows them.
    Images are placed (and removed) in the body, with the editor's image button."""

    model = ArticleImage
    formset = ArticleImageFormSet
    extra = 0
    fields = (("preview", "placeholder"), "alt", ("caption", "credit"))
    readonly_fields = ("preview", "placeholder")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    def has_add_permission(self, request, obj):
        return False

    @admin.display(description=_("preview"))
    def preview(self, obj: ArticleImage) -> str:
        if not obj.pk:
            return "—"
        if not obj.file.storage.exists(obj.file.name):
            return gettext(
                "The file of this image was deleted since, so the image will be left out."
            )
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" width="160" class="image-library__thumb"></a>',
            reverse("admin:articles_image_change", args=[obj.image_id]), obj.file.url, obj.alt,
        )  # fmt: skip

    @admin.display(description=_("placeholder for the body"))
    def placeholder(self, obj: ArticleImage) -> str:
        return format_html("<code>{}</code>", obj.placeholder)
