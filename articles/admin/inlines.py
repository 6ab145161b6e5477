"""An article's sources and images, edited on the article's page."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.public_site import ViewOnPublicSite

from ..models import ArticleImage, Source
from ..permissions import can_edit_article
from .forms import ArticleImageForm, ArticleImageFormSet


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
    model = ArticleImage
    form = ArticleImageForm
    formset = ArticleImageFormSet
    extra = 1
    fields = (("image", "preview"), "placeholder", "alt", ("caption", "credit"), "order")
    readonly_fields = ("preview", "placeholder")

    @admin.display(description=_("preview"))
    def preview(self, obj: ArticleImage) -> str:
        if not obj.pk or not obj.image:
            return "—"
        if not obj.image.storage.exists(obj.image.name):
            return gettext(
                "The file of this image was deleted since, so the image will be left out."
            )
        return format_html(
            '<img src="{}" alt="{}" width="160" style="height:auto">', obj.image.url, obj.alt
        )

    @admin.display(description=_("placeholder for the body"))
    def placeholder(self, obj: ArticleImage) -> str:
        if not obj.pk:
            return _("Shown after the first save; put it on a line of its own in the body.")
        return format_html("<code>{}</code>", obj.placeholder)
