from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Max, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django_comments.models import CommentFlag

from articles.admin.articles import ArticleAdmin
from articles.models import Article
from articles.passages import passage_texts
from core.ids import parse_id
from core.public_site import ViewOnPublicSite
from core.urls import own_url

from . import services
from .models import Comment, CommentStatus


def open_reports_q() -> Q:
    return Q(flags__flag=CommentFlag.SUGGEST_REMOVAL) & (
        Q(reviewed_at__isnull=True) | Q(flags__flag_date__gt=F("reviewed_at"))
    )


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*CommentStatus.choices, ("reported", _("With open reports"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "reported":
            return queryset.filter(open_reports__gt=0, is_removed=False)
        if value in CommentStatus.values:
            return queryset.with_status(value)
        return queryset


class ArticleFilter(admin.SimpleListFilter):
    """By article: the articles commented on last are offered, and any other is one
    click away from its own admin page ("All comments"), which links here by id."""

    title = _("article")
    parameter_name = "article"
    OFFERED = 10

    def lookups(self, request, model_admin):
        recent = (
            Article.objects.filter(comments__isnull=False)
            .annotate(last_comment=Max("comments__submit_date"))
            .order_by("-last_comment")
            .values_list("pk", "title")[: self.OFFERED]
        )
        choices = list(recent)
        chosen = parse_id(self.value(), model=Article) if self.value() else None
        if chosen is not None and chosen not in {pk for pk, _title in choices}:
            title = Article.objects.filter(pk=chosen).values_list("title", flat=True).first()
            if title is not None:
                choices.append((chosen, title))
        return [(str(pk), Truncator(title).chars(60)) for pk, title in choices]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        chosen = parse_id(self.value(), model=Article)
        return queryset.filter(article_id=chosen) if chosen is not None else queryset.none()


class ModerationForm(forms.ModelForm):
    """A moderator's decision as one choice instead of xtd's two flags."""

    decision = forms.ChoiceField(
        label=_("decision"),
        required=False,
        choices=[
            ("", _("Leave as it is")),
            (CommentStatus.PUBLISHED, _("Publish")),
            (CommentStatus.HIDDEN, _("Hide (with its replies)")),
            (CommentStatus.REMOVED, _("Remove as spam")),
        ],
    )

    class Meta:
        model = Comment
        fields = ("comment", "user_name", "user_url", "followup", "notify_replies")


DECISIONS = {
    CommentStatus.PUBLISHED: services.comment_approve,
    CommentStatus.HIDDEN: services.comment_hide,
    CommentStatus.REMOVED: services.comment_mark_spam,
}


def apply_decision(comment: Comment, decision: str, moderator) -> None:
    if decision and decision != comment.status():
        DECISIONS[decision](comment=comment, moderator=moderator)


def status_label(comment: Comment) -> str:
    reported = getattr(comment, "open_reports", None)
    return comment.status(reported=None if reported is None else reported > 0).label


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
    form = ModerationForm
    list_display = (
        "excerpt",
        "article_link",
        "passage_quote",
        "in_reply_to",
        "author",
        "status",
        "score",
        "open_reports",
        "submit_date",
    )
    list_filter = (StatusFilter, ArticleFilter, "submit_date", "followup")
    list_select_related = ("article__category", "user", "replied_to")
    search_fields = ("comment", "user_name", "user_email", "ip_address", "article__title")
    date_hierarchy = "submit_date"
    ordering = ("-submit_date",)
    actions = ("approve", "hide", "mark_spam", "delete_selected")
    inlines = (ReportInline,)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "article_link",
                    "passage_quote",
                    "in_reply_to",
                    "comment",
                    "status",
                    "decision",
                )
            },
        ),
        (
            _("Author"),
            {"fields": ("user", "user_name", "user_email", "user_url", "ip_address")},
        ),
        (
            _("Thread and votes"),
            {"fields": ("level", "score", "submit_date", "edited_at", "reviewed_at")},
        ),
        (_("Notifications"), {"fields": ("followup", "notify_replies")}),
    )
    readonly_fields = (
        "article_link",
        "passage_quote",
        "in_reply_to",
        "status",
        "user",
        "user_email",
        "ip_address",
        "level",
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

    def get_urls(self):
        moderate = path(
            "<path:object_id>/moderate/",
            self.admin_site.admin_view(self.moderate_view),
            name="comments_comment_moderate",
        )
        return [moderate, *super().get_urls()]

    def moderate_view(self, request, object_id):
        """One decision from a button elsewhere in the admin (the article's page), then
        back there: the same rules as the decision on the comment's own page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        comment = self.get_object(request, object_id)
        if comment is None:
            raise Http404("No such comment")
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        decision = request.POST.get("decision", "")
        if decision not in DECISIONS:
            self.message_user(request, gettext("Choose publish, hide or remove."), messages.ERROR)
        else:
            apply_decision(comment, decision, request.user)
            self.message_user(
                request,
                gettext("The comment by %(name)s is now %(status)s.")
                % {"name": comment.user_name, "status": status_label(comment).lower()},
                messages.SUCCESS,
            )
        back = own_url(
            request,
            request.POST.get("next", ""),
            reverse("admin:comments_comment_change", args=[comment.pk]),
        )
        return HttpResponseRedirect(back)

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

    @admin.display(description=_("passage"))
    def passage_quote(self, obj: Comment):
        """The passage of the body a comment of the inline feedback is about."""
        if not obj.passage or obj.article is None:
            return "—"
        text = passage_texts(obj.article.body).get(obj.passage)
        if text is None:
            return _("(a passage no longer open for feedback)")
        return format_html(
            '<a href="{}?passage={}#passage-{}-thread">“{}”</a>',
            obj.article.get_absolute_url(),
            obj.passage,
            obj.passage,
            Truncator(text).chars(60),
        )

    @admin.display(description=_("author"), ordering="user_name")
    def author(self, obj: Comment) -> str:
        if obj.user_id:
            return f"{obj.user_name} ({obj.user.get_username()})"
        return format_html("{} <small>({})</small>", obj.user_name, _("guest"))

    @admin.display(description=_("in reply to"))
    def in_reply_to(self, obj: Comment):
        answered = obj.replied_to
        if answered is None:
            return "—"
        return format_html(
            '<a href="{}">{}: {}</a>',
            reverse("admin:comments_comment_change", args=[answered.pk]),
            answered.user_name,
            Truncator(answered.comment).chars(40),
        )

    @admin.display(description=_("status"))
    def status(self, obj: Comment) -> str:
        return status_label(obj)

    @admin.display(description=_("open reports"), ordering="open_reports")
    def open_reports(self, obj: Comment) -> int:
        return obj.open_reports

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        apply_decision(obj, form.cleaned_data.get("decision", ""), request.user)

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


class ArticleWithCommentsAdmin(ArticleAdmin):
    """The article admin with its latest comments, each linked to its moderation page,
    and a link to all of them in the comment list, where the actions are: added here,
    because the articles app knows nothing of comments (the layers in pyproject.toml)."""

    LATEST_SHOWN = 10
    # The moderation buttons of the latest comments belong to a form of their own after
    # the article's form (forms do not nest): the template adds it.
    change_form_template = "admin/comments/article_change_form.html"

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            # For latest_comments, which the admin calls with the article (the form's
            # instance, this one) alone; the admin object is shared by every request.
            obj.may_moderate_comments = request.user.has_perm("comments.change_comment")
        if obj is not None and obj.pk and request.user.has_perm("comments.view_comment"):
            fieldsets.append((_("Comments"), {"fields": ("latest_comments",)}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "latest_comments")

    @admin.display(description=_("latest comments"))
    def latest_comments(self, obj: Article):
        latest = list(
            Comment.objects.filter(article=obj)
            .select_related(None)
            .annotate(open_reports=Count("flags", filter=open_reports_q(), distinct=True))
            .order_by("-submit_date")[: self.LATEST_SHOWN]
        )
        if not latest:
            return _("No comments yet.")
        may_moderate = getattr(obj, "may_moderate_comments", False)
        rows = format_html_join(
            "",
            '<li><span><a href="{}">{}</a> — {}, <strong>{}</strong></span>{}</li>',
            (
                (
                    reverse("admin:comments_comment_change", args=[comment.pk]),
                    Truncator(comment.comment).chars(80),
                    comment.user_name,
                    status_label(comment),
                    self._moderation_buttons(comment) if may_moderate else "",
                )
                for comment in latest
            ),
        )
        everything = f"{reverse('admin:comments_comment_changelist')}?article={obj.pk}"
        return format_html(
            '<ul class="latest-comments">{}</ul><p><a href="{}">{}</a></p>',
            rows,
            everything,
            _("All comments of this article, in the comment list"),
        )

    MODERATION_BUTTONS = (
        (CommentStatus.PUBLISHED, _("Publish")),
        (CommentStatus.HIDDEN, _("Hide")),
        (CommentStatus.REMOVED, _("Remove as spam")),
    )

    def _moderation_buttons(self, comment: Comment) -> str:
        """The decisions that would change the comment, as buttons of the moderation
        form (`form=` names it: it stands after the article's form)."""
        current = comment.status(reported=comment.open_reports > 0)
        url = reverse("admin:comments_comment_moderate", args=[comment.pk])
        return format_html(
            '<span class="latest-comments__actions">{}</span>',
            format_html_join(
                " ",
                '<button type="submit" form="comment-moderation" formaction="{}" '
                'name="decision" value="{}" class="button">{}</button>',
                (
                    (url, value, label)
                    for value, label in self.MODERATION_BUTTONS
                    if value != current
                ),
            ),
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        may_moderate = request.user.has_perm("comments.change_comment")
        extra_context = {"may_moderate_comments": may_moderate, **(extra_context or {})}
        return super().changeform_view(request, object_id, form_url, extra_context)


admin.site.unregister(Article)
admin.site.register(Article, ArticleWithCommentsAdmin)
