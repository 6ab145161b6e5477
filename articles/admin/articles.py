from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from mptt.admin import DraggableMPTTAdmin
from reversion.admin import VersionAdmin
from taggit.models import Tag

from core.dates import machine_datetime
from core.public_site import ViewOnPublicSite
from core.urls import absolute_url

from .. import services
from ..models import Article, ArticleImage, ArticleInReview, ArticleStatus, Category, Source
from ..permissions import can_edit_article, can_publish, is_article_author
from ..preview import preview_url
from ..sanitize import sanitize_html


@admin.register(Category)
class CategoryAdmin(ViewOnPublicSite, DraggableMPTTAdmin):
    list_display = ("tree_actions", "indented_title", "path", "is_active", "article_count")
    list_display_links = ("indented_title",)
    list_filter = ("is_active",)
    search_fields = ("name", "path")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "parent", "description", "is_active")
    mptt_level_indent = 24
    # Editors come here to see and rearrange the whole tree, not its roots.
    expand_tree_by_default = True

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_article_count=Count("articles"))

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

    @admin.display(description=_("articles"), ordering="_article_count")
    def article_count(self, obj: Category) -> int:
        return obj._article_count


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


def _file_missing(value) -> bool:
    """A stored file (not a new upload) whose file is gone: only a revert to a revision
    whose image was deleted since leads here, or storage that lost a file."""
    return (
        bool(value)
        and not isinstance(value, UploadedFile)
        and not (value.storage.exists(value.name))
    )


class ArticleImageForm(forms.ModelForm):
    def clean_image(self):
        image = self.cleaned_data.get("image")
        if _file_missing(image):
            # Raising keeps Django from opening the missing file to measure it.
            raise ValidationError(
                gettext("The file of this image is gone: upload it again, or delete the image.")
            )
        return image


class ArticleImageFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields and _file_missing(form.instance.image):
            # Ticked already: what is left of an image without its file is best dropped.
            form.fields["DELETE"].initial = True


class ArticleForm(forms.ModelForm):
    def clean_featured_image(self):
        image = self.cleaned_data.get("featured_image")
        if _file_missing(image):
            self.featured_image_missing = True
            return False  # cleared, and the editor is told
        return image


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


# Fields only editors set: when and whether an article goes out, who signs it,
# what it links to, whether readers may comment.
EDITOR_ONLY_FIELDS = ("status", "published_at", "authors", "read_also", "allow_comments")


@dataclass(frozen=True)
class _KeptState:
    pk: int
    fields: dict
    relations: dict

    @classmethod
    def of(cls, article: Article) -> _KeptState:
        return cls(
            pk=article.pk,
            fields={"status": article.status, "published_at": article.published_at,
                    "allow_comments": article.allow_comments},
            relations={"authors": [user.pk for user in article.authors.all()],
                       "read_also": list(article.read_also.values_list("pk", flat=True))},
        )  # fmt: skip


@dataclass(frozen=True)
class _CurrentFiles:
    """An article's image files before a revert.

    A revision may name a file that was replaced and deleted since; the row then
    keeps today's file (with its size) rather than a name with nothing behind it.
    The save signals do the same when a revert is saved, but the revert form is
    shown with signals muted, so the form would show something else than is saved.
    """

    article_pk: int
    featured: tuple[str, int | None, int | None]
    images: dict[int, tuple[str, int | None, int | None]]

    @classmethod
    def of(cls, article: Article) -> _CurrentFiles:
        return cls(
            article_pk=article.pk,
            featured=(article.featured_image.name or "", article.featured_image_width,
                      article.featured_image_height),
            images={pk: (name, width, height) for pk, name, width, height in
                    article.images.values_list("pk", "image", "width", "height")},
        )  # fmt: skip

    def keep_where_revision_file_is_gone(self) -> None:
        storage = ArticleImage._meta.get_field("image").storage
        for image in ArticleImage.objects.filter(pk__in=self.images):
            before = self.images[image.pk]
            if _gone(storage, image.image.name) and not _gone(storage, before[0]):
                ArticleImage.objects.filter(pk=image.pk).update(
                    image=before[0], width=before[1], height=before[2]
                )
        article = Article.objects.filter(pk=self.article_pk).only("featured_image").first()
        if (
            article
            and _gone(storage, article.featured_image.name)
            and not _gone(storage, self.featured[0])
        ):
            Article.objects.filter(pk=self.article_pk).update(
                featured_image=self.featured[0],
                featured_image_width=self.featured[1],
                featured_image_height=self.featured[2],
            )


def _gone(storage, name: str) -> bool:
    return bool(name) and not storage.exists(name)


def _run_transition(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset, service: Callable[..., Article]
) -> int:
    """Apply a workflow service to each selected article, reporting what was refused;
    returns how many articles changed."""
    changed = 0
    for article in queryset:
        try:
            service(article=article, user=request.user)
        except ValidationError as error:
            model_admin.message_user(request, " ".join(error.messages), messages.WARNING)
        except PermissionDenied:
            model_admin.message_user(
                request,
                gettext("You may not change “%(title)s”.") % {"title": article.title},
                messages.ERROR,
            )
        else:
            changed += 1
    return changed


def _report(model_admin: admin.ModelAdmin, request: HttpRequest, changed: int, done: str) -> None:
    if changed:
        model_admin.message_user(request, done % changed, messages.SUCCESS)


class WorkflowActions:
    """The status changes, as changelist actions; shared by the article list and the
    review queue."""

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return can_publish(request.user)

    @admin.action(description=_("Submit selected articles for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        changed = _run_transition(self, request, queryset, services.article_submit_for_review)
        done = ngettext(
            "%d article submitted for review.", "%d articles submitted for review.", changed
        )
        _report(self, request, changed, done)

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        changed = _run_transition(self, request, queryset, services.article_publish)
        done = ngettext(
            "%d article published (or scheduled, if its publish time is in the future).",
            "%d articles published (or scheduled, if their publish time is in the future).",
            changed,
        )
        _report(self, request, changed, done)

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        changed = _run_transition(self, request, queryset, services.article_unpublish)
        done = ngettext("%d article unpublished.", "%d articles unpublished.", changed)
        _report(self, request, changed, done)

    @admin.action(description=_("Send selected articles back to draft"), permissions=["change"])
    def return_to_draft(self, request, queryset):
        changed = _run_transition(self, request, queryset, services.article_return_to_draft)
        done = ngettext(
            "%d article sent back to draft.", "%d articles sent back to draft.", changed
        )
        _report(self, request, changed, done)

    @admin.display(description=_("authors"))
    def author_names(self, obj: Article) -> str:
        return ", ".join(user.get_full_name() or user.get_username() for user in obj.authors.all())

    @admin.display(description=_("status"), ordering="published_at")
    def state(self, obj: Article) -> str:
        """The status as a coloured label, with the publish time where there is one."""
        key, label = obj.status, obj.get_status_display()
        if obj.is_scheduled:
            key, label = "scheduled", gettext("Scheduled")
        when = ""
        if obj.published_at:
            when = date_format(timezone.localtime(obj.published_at), "SHORT_DATETIME_FORMAT")
        return format_html(
            '<span class="article-state article-state--{}">{}</span> '
            '<span class="nowrap">{}</span>',
            key,
            label,
            when,
        )

    @admin.display(description=_("updated"), ordering="updated_at")
    def updated(self, obj: Article) -> str:
        # "3 hours ago" says more at a glance than a date, and fits the column.
        return format_html(
            '<time datetime="{}" title="{}">{}</time>',
            machine_datetime(obj.updated_at),
            date_format(timezone.localtime(obj.updated_at), "DATETIME_FORMAT"),
            naturaltime(obj.updated_at),
        )


@admin.register(Article)
class ArticleAdmin(ViewOnPublicSite, WorkflowActions, VersionAdmin):
    form = ArticleForm
    list_display = ("title", "category", "state", "author_names", "updated")
    list_filter = (PublicationStateFilter, CategoryTreeFilter, "published_at")
    list_select_related = ("category",)
    search_fields = ("title", "lead", "slug")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("category", "authors", "read_also")
    inlines = (SourceInline, ArticleImageInline)
    actions = ("submit_for_review", "publish", "unpublish", "return_to_draft")
    save_on_top = True
    history_latest_first = True
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "lead", "body")}),
        (
            _("Publishing"),
            {"fields": ("status", "published_at", "preview_link", "authors", "allow_comments")},
        ),
        (_("Featured image"), {"fields": ("featured_image", "featured_image_alt")}),
        (_("Related"), {"fields": ("tags", "read_also")}),
        (_("Search engines"), {"fields": ("seo_description",), "classes": ("collapse",)}),
    )

    class Media:
        js = ("articles/admin/tag_suggestions.js",)
        css = {"all": ("articles/admin/workflow.css",)}

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
        kept = getattr(request, "_workflow_kept", None)
        if kept is not None and kept.pk == obj.pk:
            # During a revert, `obj` has the revision's status; the check was made
            # on the article as it is, and that status is kept (see revision_view).
            return True
        return can_edit_article(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return can_edit_article(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["preview_link", "body_as_read"]
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

    # -- saving --------------------------------------------------------------------
    def save_model(self, request, obj, form, change):
        kept = getattr(request, "_workflow_kept", None)
        if kept is not None:
            for name, value in kept.fields.items():
                setattr(obj, name, value)
        if getattr(form, "featured_image_missing", False):
            self.message_user(
                request,
                gettext("The featured image's file is missing, so the image was removed."),
                messages.WARNING,
            )
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not can_publish(request.user):
            # Whoever writes an article signs it; editors pick authors by hand.
            article.authors.add(request.user)
        kept = getattr(request, "_workflow_kept", None)
        if kept is not None:
            for name, ids in kept.relations.items():
                getattr(article, name).set(ids)

    # -- the change page: preview link and workflow buttons -------------------------
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
        extra_context = extra_context or {}
        if files := getattr(request, "_workflow_files_before_revert", None):
            files.keep_where_revision_file_is_gone()
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        extra_context.setdefault("workflow_buttons", self._workflow_buttons(request, obj))
        extra_context.setdefault("workflow_note", self._workflow_note(request, obj))
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
            "When the article is ready, use “Save and submit for review”: an editor "
            "publishes it."
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

    def _after_save_transition(self, request, obj: Article) -> None:
        if "_submit_for_review" in request.POST:
            service, target = services.article_submit_for_review, ArticleStatus.REVIEW
        elif "_publish" in request.POST:
            service, target = services.article_publish, ArticleStatus.PUBLISHED
        else:
            return
        try:
            # An editor may have picked the same status in the form already.
            if obj.status != target:
                service(article=obj, user=request.user)
        except (ValidationError, PermissionDenied) as error:
            message = " ".join(getattr(error, "messages", [])) or gettext("Not allowed.")
            self.message_user(request, message, messages.WARNING)
            return
        if target == ArticleStatus.REVIEW:
            done = gettext("Submitted for review.")
        elif obj.is_scheduled:
            when = date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT")
            done = gettext("Scheduled for %(time)s.") % {"time": when}
        else:
            done = gettext("Published.")
        self.message_user(request, done, messages.SUCCESS)

    def response_add(self, request, obj, post_url_continue=None):
        self._after_save_transition(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._after_save_transition(request, obj)
        return super().response_change(request, obj)

    # -- revision history -------------------------------------------------------------
    def revision_view(self, request, object_id, version_id, extra_context=None):
        current = self.get_object(request, unquote(object_id))
        if current is not None:
            request._workflow_files_before_revert = _CurrentFiles.of(current)
        if current is not None and not can_publish(request.user):
            if not self.has_change_permission(request, current):
                raise PermissionDenied
            # A revert brings back text, sources and images; what only editors set
            # stays as it is, or an author could publish, take down or re-sign an
            # article by picking an old revision.
            request._workflow_kept = _KeptState.of(current)
            extra_context = {"workflow_keeps_editor_fields": True, **(extra_context or {})}
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

    # -- tag suggestions ----------------------------------------------------------------
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tags":
            formfield.widget.attrs["data-suggest-url"] = reverse(
                "admin:articles_article_tag_suggestions"
            )
        return formfield

    def get_urls(self):
        urls = [
            path(
                "tag-suggestions/",
                self.admin_site.admin_view(self.tag_suggestions),
                name="articles_article_tag_suggestions",
            )
        ]
        return urls + super().get_urls()

    def tag_suggestions(self, request: HttpRequest) -> JsonResponse:
        """Existing tag names starting with ?q=, for the tag field's autocomplete."""
        if not self.has_view_or_change_permission(request):
            return JsonResponse({"results": []}, status=403)
        term = request.GET.get("q", "").strip()[:100]
        names = []
        if term:
            names = list(
                Tag.objects.filter(name__istartswith=term)
                .order_by("name")
                .values_list("name", flat=True)[:10]
            )
        return JsonResponse({"results": names})


@admin.register(ArticleInReview)
class ReviewQueueAdmin(ViewOnPublicSite, WorkflowActions, admin.ModelAdmin):
    """What authors handed in, oldest first; each title opens the article itself."""

    list_display = ("article_title", "category", "author_names", "updated", "publish_time")
    list_display_links = None
    list_filter = (CategoryTreeFilter,)
    list_select_related = ("category",)
    search_fields = ("title", "lead")
    ordering = ("updated_at", "pk")

    class Media:
        css = {"all": ("articles/admin/workflow.css",)}

    actions = ("publish", "return_to_draft")

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
