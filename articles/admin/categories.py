"""The category tree: edited by drag and drop, with each category's article count, its
name, slug and description per edition."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from mptt.admin import DraggableMPTTAdmin

from core.public_site import ViewOnPublicSite

from ..models import Category


@admin.register(Category)
class CategoryAdmin(ViewOnPublicSite, TranslationAdmin, DraggableMPTTAdmin):
    list_display = ("tree_actions", "indented_title", "path", "is_active", "article_count")
    list_display_links = ("indented_title",)
    list_filter = ("is_active",)
    search_fields = tuple(
        f"{field}_{code}"
        for field in ("name", "path")
        for code in settings.MODELTRANSLATION_LANGUAGES
    )
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "parent", "description", "is_active")
    mptt_level_indent = 24
    # Editors come here to see and rearrange the whole tree, not its roots.
    expand_tree_by_default = True

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    def changelist_view(self, request, *args, **kwargs):
        dropped = request.method == "POST" and request.POST.get("cmd") == "move_node"
        if dropped and (refusal := self._drop_refusal(request)):
            # Told as MPTT tells its own refusals: the script reloads the list.
            self.message_user(request, refusal, messages.ERROR)
            return HttpResponse("FAIL, refused.")
        return super().changelist_view(request, *args, **kwargs)

    def _drop_refusal(self, request: HttpRequest) -> str:
        """Why the category dropped in the tree cannot sit where it was dropped: the
        rules the change form checks, which a drag and drop would otherwise meet only
        as a database error. Unknown rows and positions are left to MPTT's checks."""
        queryset = self.get_queryset(request)
        position = request.POST.get("position")
        try:
            moved = queryset.get(pk=request.POST.get("cut_item"))
            target = queryset.get(pk=request.POST.get("pasted_on"))
        except (Category.DoesNotExist, TypeError, ValueError):
            return ""
        if position not in ("last-child", "left", "right"):
            return ""
        moved.parent_id = target.pk if position == "last-child" else target.parent_id
        try:
            moved.clean()
        except ValidationError as error:
            return " ".join(error.messages)
        return ""

    @admin.display(description=_("articles"), ordering="article_total")
    def article_count(self, obj: Category) -> int:
        return obj.article_total
