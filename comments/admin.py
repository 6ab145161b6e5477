from django.contrib import admin, messages
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_comments.models import CommentFlag

from core.ids import parse_id
from core.public_site import ViewOnPublicSite

from . import services
from .models import Comment


def open_reports_q() -> Q:
    return Q(flags__flag=CommentFlag.SUGGEST_REMOVAL) & (
        Q(reviewed_at__isnull=True) | Q(flags__flag_date__gt=F("reviewed_at"))
    )


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("published", _("Published")),
            ("waiting", _("Waiting for review")),
            ("reported", _("Reported")),
            ("spam", _("Spam")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "published":
            return queryset.filter(is_public=True, is_removed=False)
        if value == "waiting":
            return queryset.filter(is_public=False, is_removed=False)
        if value == "reported":
            return queryset.filter(open_reports__gt=0, is_removed=False)
        if value == "spam":
            return queryset.filter(is_removed=True)
        return queryset


class ReportInline(admin.TabularInline):
    model = CommentFlag
    fk_name = "comment"
    extra = 0
    can_delete = False
    fields = ("flag", "user", "flag_date")
    readonly_fields = fields
    verbose_name = _("report or decision")
    verbose_name_plural = _("reports and decisions")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(ViewOnPublicSite, admin.ModelAdmin):
    list_display = (
        "excerpt",
        "article_link",
        "author",
        "status",
        "score",
        "open_reports",
        "submit_date",
    )
    list_filter = (StatusFilter, "submit_date", "followup")
    list_select_related = ("article__category", "user")
    search_fields = ("comment", "user_name", "user_email", "ip_address", "article__title")
    date_hierarchy = "submit_date"
    ordering = ("-submit_date",)
    actions = ("approve", "hide", "mark_spam", "delete_selected")
    inlines = (ReportInline,)
    fieldsets = (
        (None, {"fields": ("article_link", "comment", "is_public", "is_removed")}),
        (
            _("Author"),
            {"fields": ("user", "user_name", "user_email", "user_url", "ip_address")},
        ),
        (
            _("Thread and votes"),
            {"fields": ("level", "parent_id", "score", "submit_date", "edited_at", "reviewed_at")},
        ),
        (_("Notifications"), {"fields": ("followup", "notify_replies")}),
    )
    readonly_fields = (
        "article_link",
        "user",
        "user_email",
        "ip_address",
        "level",
        "parent_id",
        "score",
        "submit_date",
        "edited_at",
        "reviewed_at",
    )

    def get_queryset(self, request):
        # xtd's manager joins user and content type; drop that so that the
        # changelist applies list_select_related (it only does on a bare queryset).
        return (
            super()
            .get_queryset(request)
            .select_related(None)
            .annotate(open_reports=Count("flags", filter=open_reports_q(), distinct=True))
        )

    def get_object(self, request, object_id, from_field=None):
        # Our key is a link to xtd's row, and the ORM guards the range of plain integer
        # keys only: a number too large for the column would reach the database.
        if from_field is None and parse_id(object_id, model=Comment) is None:
            return None
        return super().get_object(request, object_id, from_field)

    def has_add_permission(self, request):
        # Comments come from readers; an editor who wants to answer does so on the page.
        return False

    @admin.display(description=_("comment"))
    def excerpt(self, obj: Comment) -> str:
        return Truncator(obj.comment).chars(80)

    @admin.display(description=_("article"), ordering="article__title")
    def article_link(self, obj: Comment):
        if obj.article is None:
            return "—"
        return format_html(
            '<a href="{}#c{}">{}</a>', obj.article.get_absolute_url(), obj.pk, obj.article.title
        )

    @admin.display(description=_("author"), ordering="user_name")
    def author(self, obj: Comment) -> str:
        if obj.user_id:
            return f"{obj.user_name} ({obj.user.get_username()})"
        return format_html("{} <small>({})</small>", obj.user_name, _("guest"))

    @admin.display(description=_("status"))
    def status(self, obj: Comment) -> str:
        if obj.is_removed:
            return _("Spam")
        if obj.is_public:
            return _("Published")
        if getattr(obj, "open_reports", 0):
            return _("Hidden after reports")
        return _("Waiting for review")

    @admin.display(description=_("open reports"), ordering="open_reports")
    def open_reports(self, obj: Comment) -> int:
        return obj.open_reports

    def save_model(self, request, obj, form, change):
        if change and {"is_public", "is_removed"} & set(form.changed_data):
            obj.reviewed_at = timezone.now()
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        services.comment_delete(comment=obj)

    def delete_queryset(self, request, queryset):
        # One at a time: each takes its replies along.
        for comment in queryset:
            if Comment.objects.filter(pk=comment.pk).exists():
                services.comment_delete(comment=comment)

    def _apply(self, request, queryset, service, done) -> None:
        count = 0
        for comment in queryset:
            service(comment=comment, moderator=request.user)
            count += 1
        self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Approve: publish the selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.comment_approve,
            ngettext_lazy("%(count)d comment published.", "%(count)d comments published.", "count"),
        )

    @admin.action(
        description=_("Hide the selected comments (with their replies)"), permissions=["change"]
    )
    def hide(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.comment_hide,
            ngettext_lazy("%(count)d comment hidden.", "%(count)d comments hidden.", "count"),
        )

    @admin.action(description=_("Mark the selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.comment_mark_spam,
            ngettext_lazy(
                "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
            ),
        )
