"""The editions on the article's admin: which editions each story has, the button that
starts a translation, where a translation comes from, and its numbers against its
original's."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.editions import edition_codes, edition_name, is_multilingual

from .. import services
from ..models import Article
from ..translation_numbers import number_check


def change_url(pk: int) -> str:
    return reverse("admin:articles_article_change", args=[pk])


class EditionsChangeList(ChangeList):
    """The article list, each row knowing its story's editions (`story_editions`:
    (language, pk) in the order of the editions), with one query for the page."""

    def get_results(self, request):
        super().get_results(request)
        keys = {article.translation_key for article in self.result_list}
        found = defaultdict(dict)
        rows = self.model_admin.get_queryset(request).filter(translation_key__in=keys)
        for key, language, pk in rows.values_list("translation_key", "language", "pk"):
            found[key][language] = pk
        order = {code: index for index, code in enumerate(edition_codes())}
        for article in self.result_list:
            editions = found[article.translation_key]
            editions.setdefault(article.language, article.pk)
            article.story_editions = sorted(
                editions.items(), key=lambda item: order.get(item[0], len(order))
            )


class OutOfDateFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("out_of_date", _("Out-of-date translations"))]

    def queryset(self, request, queryset):
        if self.value() == "out_of_date":
            return queryset.out_of_date()
        return queryset


def _without(fields, name: str) -> list:
    kept = []
    for field in fields:
        if isinstance(field, (list, tuple)):
            field = [each for each in field if each != name]
            if len(field) == 1:
                field = field[0]
            elif not field:
                continue
        elif field == name:
            continue
        kept.append(field)
    return kept


class ArticleEditions:
    """ArticleAdmin's part for the editions."""

    def get_changelist(self, request, **kwargs):
        return EditionsChangeList

    def get_list_display(self, request):
        shown = super().get_list_display(request)
        return shown if is_multilingual() else [name for name in shown if name != "editions"]

    def get_list_filter(self, request):
        shown = super().get_list_filter(request)
        if is_multilingual():
            return shown
        return [each for each in shown if each not in ("language", OutOfDateFilter)]

    def get_queryset(self, request):
        return super().get_queryset(request).with_out_of_date()

    @admin.display(description=_("editions"))
    def editions(self, obj: Article) -> str:
        links = format_html_join(
            " · ",
            "{}",
            (
                (
                    format_html(
                        '<strong class="edition edition--current" title="{}">{}</strong>',
                        edition_name(language),
                        language.upper(),
                    )
                    if pk == obj.pk
                    else format_html(
                        '<a class="edition" href="{}" title="{}">{}</a>',
                        change_url(pk),
                        edition_name(language),
                        language.upper(),
                    ),
                )
                for language, pk in getattr(obj, "story_editions", [(obj.language, obj.pk)])
            ),
        )
        if getattr(obj, "out_of_date", False):
            links += format_html(
                ' <span class="edition-flag" title="{}">{}</span>',
                gettext("The original's text changed after this translation was last edited."),
                gettext("out of date"),
            )
        return links

    # -- the language field --------------------------------------------------------
    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_multilingual():
            return fieldsets
        # One edition: nothing to choose.
        return [
            (name, {**options, "fields": _without(options["fields"], "language")})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # A story's editions are one per language: moving one would clash with another.
        if obj is not None and (obj.translation_of_id or obj.translations().exists()):
            readonly.append("language")
        return readonly

    # -- the translate button --------------------------------------------------------
    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/translate/<str:language>/",
                self.admin_site.admin_view(self.translate_view),
                name="articles_article_translate",
            )
        ]
        return urls + super().get_urls()

    def translate_view(self, request: HttpRequest, object_id: str, language: str):
        """POST: start the translation of the article into `language`, then open it."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_permission(request, article):
            raise Http404
        try:
            translation = services.article_translate(
                article=article, language=language, user=request.user
            )
        except PermissionDenied:
            self.message_user(
                request, gettext("You may not add articles, so you cannot translate one."),
                messages.ERROR,
            )  # fmt: skip
            return HttpResponseRedirect(change_url(article.pk))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(change_url(article.pk))
        self.message_user(
            request,
            gettext(
                "The %(language)s translation of “%(title)s” was started as a draft: its "
                "text, sources and image texts are the original's, to translate."
            )
            % {"language": edition_name(language), "title": article.title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(change_url(translation.pk))

    def _translate_buttons(self, request, obj: Article | None) -> list[tuple[str, str]]:
        """(URL, label) of a button per edition the story lacks."""
        if obj is None or not is_multilingual() or not self.has_add_permission(request):
            return []
        present = {obj.language, *obj.translations().values_list("language", flat=True)}
        return [
            (
                reverse("admin:articles_article_translate", args=[obj.pk, code]),
                gettext("Translate into %(language)s") % {"language": edition_name(code)},
            )
            for code in edition_codes()
            if code not in present
        ]

    def _editions_context(self, request, obj: Article | None) -> dict:
        if obj is None or not is_multilingual():
            return {}
        # The original is named as such, not again among the others.
        others = [
            (change_url(pk), edition_name(language), language, title)
            for pk, language, title in obj.translations()
            .exclude(pk=obj.translation_of_id)
            .values_list("pk", "language", "title")
        ]
        check = number_check(obj)
        context = {
            "translate_buttons": self._translate_buttons(request, obj),
            "edition_name": edition_name(obj.language),
            "other_editions": others,
            "out_of_date": getattr(obj, "out_of_date", False),
        }
        if obj.translation_of_id:
            original = obj.translation_of
            context["translated_from"] = (
                change_url(original.pk), edition_name(original.language), original.language,
                original.title,
            )  # fmt: skip
        if check is not None:
            context["number_check"] = check
            context["number_rows"] = check.shown()
        return context
