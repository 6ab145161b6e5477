"""The article's admin: who sees and changes what, saving with the workflow's
buttons, and reverts of the revision history that keep what only editors set."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from core.public_site import ViewOnPublicSite
from core.urls import absolute_url

from .. import services
from ..models import Article, ArticleStatus
from ..permissions import EDITOR_ONLY_FIELDS, can_edit_article, can_publish, is_article_author
from ..preview import preview_url
from ..sanitize import sanitize_html
from .editions import ArticleEditions, OutOfDateFilter, change_url
from .filters import CategoryTreeFilter, PublicationStateFilter
from .forms import ArticleForm
from .inlines import ArticleImageInline, SourceInline
from .link_search import LinkSearch
from .tag_suggestions import TagSuggestions
from .workflow import WorkflowActions, WorkflowColumns

# The key of the article as it was before a revert, in the extra context that
# reversion's revision view hands on to changeform_view.
BEFORE_REVERT = "article_before_revert"


@admin.register(Article)
class ArticleAdmin(
    ViewOnPublicSite,
    ArticleEditions,
    WorkflowActions,
    WorkflowColumns,
    TagSuggestions,
    LinkSearch,
    VersionAdmin,
):
    form = ArticleForm
    list_display = ("title", "editions", "category", "state", "author_names", "updated")
    list_filter = (
        PublicationStateFilter, "language", OutOfDateFilter, CategoryTreeFilter, "published_at",
    )  # fmt: skip
    list_select_related = ("category",)
    search_fields = ("title", "lead", "slug")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("category", "authors", "read_also", "featured_image")
    inlines = (SourceInline, ArticleImageInline)
    actions = ("submit_for_review", "publish", "unpublish", "return_to_draft")
    save_on_top = True
    history_latest_first = True
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = (
        (None, {"fields": ("title", "slug", ("language", "category"), "lead", "body")}),
        (
            _("Publishing"),
            {"fields": ("status", "published_at", "preview_link", "authors", "allow_comments")},
        ),
        (
            _("Featured image"),
            {"fields": ("featured_image", "featured_image_preview", "featured_image_alt")},
        ),
        (_("Related"), {"fields": ("tags", "read_also")}),
        (_("Search engines"), {"fields": ("seo_description",), "classes": ("collapse",)}),
    )

    class Media:
        js = ("articles/admin/tag_suggestions.js", "articles/admin/length_hint.js")
        css = {
            "all": (
                "articles/admin/workflow.css",
                "articles/admin/editions.css",
                "articles/admin/article_form.css",
            )
        }

    # -- who sees and changes what -------------------------------------------------
    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("authors")
        if not can_publish(request.user):
            # Authors work on their own articles; the rest is the editors' business.
            queryset = queryset.filter(authors=request.user)
        return queryset

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is None or not allowed or can_publish(request.user):
            return allowed
        return is_article_author(request.user, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_edit_article(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_edit_article(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = [
            *super().get_readonly_fields(request, obj),
            "preview_link", "body_as_read", "featured_image_preview",
        ]  # fmt: skip
        if not can_publish(request.user):
            readonly += EDITOR_ONLY_FIELDS
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only, the body would show as HTML source; show it as readers see it.
        return [
            (name, {**options, "fields": [
                "body_as_read" if field == "body" else field for field in options["fields"]
            ]})
            for name, options in fieldsets
        ]  # fmt: skip

    @admin.display(description=_("body"))
    def body_as_read(self, obj: Article) -> str:
        # Stored sanitized already; cleaning again costs little and keeps this
        # safe should a row ever be written around the model.
        return mark_safe(sanitize_html(obj.body))

    def get_changeform_initial_data(self, request):
        # Whoever starts a story signs it, unless an editor picks others.
        return {"authors": [request.user.pk], **super().get_changeform_initial_data(request)}

    # -- saving --------------------------------------------------------------------
    def save_model(self, request, obj, form, change):
        stored_status = None
        if change:
            form.text_before = services.article_text_of(article_pk=obj.pk)
            stored_status = (
                Article.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
            )
        if obj.status == ArticleStatus.PUBLISHED and stored_status != ArticleStatus.PUBLISHED:
            # Publishing picked in the form goes through the service, as the button does,
            # once the sources are saved too: its checks are the same whichever way.
            obj.status = stored_status or ArticleStatus.DRAFT
            obj.publish_requested = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.article_images_place(
            article=form.instance, body_before=form.initial.get("body") or ""
        )
        services.article_sign(article=form.instance, user=request.user)
        if change:
            services.article_text_change_record(article=form.instance, before=form.text_before)

    # -- the change page: preview link and workflow buttons -------------------------
    @admin.display(description=_("as teasers show it"))
    def featured_image_preview(self, obj: Article) -> str:
        image = obj.featured_image if obj.pk else None
        if image is None or not image.file.storage.exists(image.file.name):
            return gettext("No featured image.")
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" width="240" class="image-library__thumb"></a>'
            '<p class="help">{}</p>',
            reverse("admin:articles_image_change", args=[image.pk]), image.wide_800.url,
            obj.featured_alt,
            gettext("Cut around the image's focal point, which its library page sets."),
        )  # fmt: skip

    @admin.display(description=_("preview link"))
    def preview_link(self, obj: Article) -> str:
        if not obj.pk:
            return gettext("Available after the first save.")
        if obj.is_published:
            return format_html(
                '<a href="{}" target="_blank" rel="noopener">{}</a>',
                obj.get_absolute_url(),
                gettext("Published: open the article"),
            )
        url = absolute_url(preview_url(obj))
        days = max(1, round(settings.ARTICLES_PREVIEW_LINK_MAX_AGE / 86400))
        return format_html(
            '<input type="text" readonly value="{url}" class="preview-link__url" '
            'aria-label="{label}">'
            '<span class="preview-link__note"><a href="{url}" target="_blank" rel="noopener">'
            "{open}</a> · {help}</span>",
            url=url,
            label=gettext("preview link"),
            open=gettext("Open preview"),
            help=ngettext(
                "Anyone with this link can read the article as it is now, without logging "
                "in, for %(days)d day.",
                "Anyone with this link can read the article as it is now, without logging "
                "in, for %(days)d days.",
                days,
            )
            % {"days": days},
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if (before := extra_context.pop(BEFORE_REVERT, None)) is not None:
            # A revert: reversion has just written the revision's rows back, in the
            # transaction this view runs in, and the form is made from them next.
            services.article_revert_keep(before=before)
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        extra_context.setdefault("workflow_buttons", self._workflow_buttons(request, obj))
        extra_context.setdefault("workflow_note", self._workflow_note(request, obj))
        extra_context.update(self._editions_context(request, obj))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _workflow_note(self, request, obj: Article | None) -> str:
        """One line above the form saying where the article stands, for authors."""
        if can_publish(request.user):
            return ""
        if obj is not None and not can_edit_article(request.user, obj):
            return gettext("This article is published: changes to it now go through an editor.")
        if obj is not None and obj.status == ArticleStatus.REVIEW:
            return gettext(
                "An editor will review this article. You can still change it, or send it "
                "back to draft from the article list."
            )
        return gettext(
            "When the article is ready, use “Save and submit for review”: an editor publishes it."
        )

    def _workflow_buttons(self, request, obj: Article | None) -> list[tuple[str, str]]:
        status = obj.status if obj else ArticleStatus.DRAFT
        if obj is not None and not can_edit_article(request.user, obj):
            return []
        buttons = []
        if status in (ArticleStatus.DRAFT, ArticleStatus.UNPUBLISHED):
            buttons.append(("_submit_for_review", gettext("Save and submit for review")))
        if can_publish(request.user) and status != ArticleStatus.PUBLISHED:
            buttons.append(("_publish", gettext("Save and publish")))
        return buttons

    def _after_save_transition(self, request, obj: Article) -> bool:
        """The step the button (or the status picked in the form) asks for; False when
        a translation's numbers held the publishing back."""
        if "_submit_for_review" in request.POST:
            service, target = services.article_submit_for_review, ArticleStatus.REVIEW
        elif "_publish" in request.POST or getattr(obj, "publish_requested", False):
            target = ArticleStatus.PUBLISHED

            def service(**kwargs):
                confirmed = request.POST.get("_numbers_confirmed", "")
                return services.article_publish(**kwargs, numbers_confirmed=confirmed)
        else:
            return True
        try:
            if obj.status != target:
                service(article=obj, user=request.user)
        except services.NumbersDisagree as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return False
        except (ValidationError, PermissionDenied) as error:
            message = " ".join(getattr(error, "messages", [])) or gettext("Not allowed.")
            self.message_user(request, message, messages.WARNING)
            return True
        if target == ArticleStatus.REVIEW:
            done = gettext("Submitted for review.")
        elif obj.is_scheduled:
            when = date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT")
            done = gettext("Scheduled for %(time)s.") % {"time": when}
        else:
            done = gettext("Published.")
        self.message_user(request, done, messages.SUCCESS)
        return True

    def _workflow_step_asked(self, request) -> bool:
        return any(name in request.POST for name in ("_publish", "_submit_for_review"))

    def response_add(self, request, obj, post_url_continue=None):
        self._after_save_transition(request, obj)
        if self._workflow_step_asked(request) and self.has_view_or_change_permission(request, obj):
            # Published or handed in: the editor goes on with the story, not the list.
            return HttpResponseRedirect(change_url(obj.pk))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if not self._after_save_transition(request, obj):
            # Saved, not published: back to the page that lists the numbers to check.
            self.message_user(request, gettext("Your changes were saved."), messages.INFO)
            return HttpResponseRedirect(change_url(obj.pk))
        if self._workflow_step_asked(request) and self.has_view_or_change_permission(request, obj):
            return HttpResponseRedirect(change_url(obj.pk))
        return super().response_change(request, obj)

    # -- revision history -------------------------------------------------------------
    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A revert brings back text, sources and images, and keeps what
        services.article_revert_keep says it keeps."""
        current = self.get_object(request, unquote(object_id))
        if current is None:
            return super().revision_view(request, object_id, version_id, extra_context)
        if not can_publish(request.user) and not self.has_change_permission(request, current):
            raise PermissionDenied
        before = services.ArticleBeforeRevert.of(current, user=request.user)
        extra_context = {
            BEFORE_REVERT: before,
            "workflow_keeps_editor_fields": before.keeps_editor_fields,
            **(extra_context or {}),
        }
        return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        # Bringing back a deleted article is an editor's call.
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not can_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "can_recover": can_publish(request.user),
            "review_queue_count": (
                Article.objects.filter(status=ArticleStatus.REVIEW).count()
                if can_publish(request.user)
                else None
            ),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)
