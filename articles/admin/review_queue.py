"""The editors' review queue: what authors handed in, oldest first."""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.public_site import ViewOnPublicSite

from ..models import Article, ArticleInReview, ArticleStatus
from ..permissions import can_publish
from .filters import CategoryTreeFilter
from .workflow import WorkflowActions, WorkflowColumns


@admin.register(ArticleInReview)
class ReviewQueueAdmin(ViewOnPublicSite, WorkflowActions, WorkflowColumns, admin.ModelAdmin):
    """Each title opens the article itself."""

    list_display = ("article_title", "category", "author_names", "updated", "publish_time")
    list_display_links = None
    list_filter = (CategoryTreeFilter,)
    list_select_related = ("category",)
    search_fields = ("title", "lead")
    ordering = ("updated_at", "pk")
    actions = ("publish", "return_to_draft")

    class Media:
        css = {"all": ("articles/admin/workflow.css",)}

    def get_queryset(self, request):
        return (
            super().get_queryset(request).filter(status=ArticleStatus.REVIEW)
            .prefetch_related("authors")
        )  # fmt: skip

    def has_module_permission(self, request):
        return can_publish(request.user)

    def has_view_permission(self, request, obj=None):
        return can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        return can_publish(request.user) and obj is None

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": _("Review queue: articles waiting for an editor"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[object_id]))

    @admin.display(description=_("title"), ordering="title")
    def article_title(self, obj: Article) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[obj.pk]), obj
        )

    @admin.display(description=_("publish time"), ordering="published_at")
    def publish_time(self, obj: Article) -> str:
        if obj.published_at is None:
            return gettext("on publishing")
        return date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT")
