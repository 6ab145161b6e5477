"""The status changes as changelist actions, and the columns that show where an
article stands; shared by the article list and the review queue."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.dates import machine_datetime

from .. import services
from ..models import Article
from ..permissions import can_publish


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
    """The status changes, as changelist actions."""

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


class WorkflowColumns:
    """Who wrote an article, where it stands and when it last changed, as list columns."""

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
