from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext
from reversion.admin import VersionAdmin

from core.editions import edition_codes, edition_name, is_multilingual

from . import services
from .models import Page


def change_url(pk: int) -> str:
    return reverse("admin:pages_page_change", args=[pk])


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

    # -- the translate button, as articles have it --------------------------------------
    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/translate/<str:language>/",
                self.admin_site.admin_view(self.translate_view),
                name="pages_page_translate",
            )
        ]
        return urls + super().get_urls()

    def translate_view(self, request: HttpRequest, object_id: str, language: str):
        """POST: start the translation of the page into `language`, then open it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = self.get_object(request, unquote(object_id))
        if page is None or not self.has_view_permission(request, page):
            raise Http404
        try:
            translation = services.page_translate(page=page, language=language, user=request.user)
        except PermissionDenied:
            self.message_user(
                request, gettext("You may not add pages, so you cannot translate one."),
                messages.ERROR,
            )  # fmt: skip
            return HttpResponseRedirect(change_url(page.pk))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(change_url(page.pk))
        self.message_user(
            request,
            gettext(
                "The %(language)s translation of “%(title)s” was started, unpublished: its "
                "text is the original's, to translate."
            )
            % {"language": edition_name(language), "title": page.title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(change_url(translation.pk))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        page = self.get_object(request, unquote(object_id))
        buttons = []
        if page is not None and is_multilingual() and self.has_add_permission(request):
            present = set(
                Page.objects.filter(translation_key=page.translation_key).values_list(
                    "language", flat=True
                )
            )
            buttons = [
                (
                    reverse("admin:pages_page_translate", args=[page.pk, code]),
                    gettext("Translate into %(language)s") % {"language": edition_name(code)},
                )
                for code in edition_codes()
                if code not in present
            ]
        extra_context = {**(extra_context or {}), "translate_buttons": buttons}
        return super().change_view(request, object_id, form_url, extra_context)
