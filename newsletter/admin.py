import csv

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.dates import machine_datetime

from . import selectors
from .models import Delivery, Digest, Subscriber

# Spreadsheets run a cell that starts with one of these as a formula; an address
# such as "=cmd@example.com" is valid, so such cells are exported with a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file-like object whose write() hands the line back, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


@admin.action(description=_("Export selected subscribers as CSV"))
def export_csv(modeladmin, request: HttpRequest, queryset: QuerySet[Subscriber]):
    columns = [
        _("email address"), _("status"), _("topics"), _("created"), _("consent given"),
        _("confirmed"), _("unsubscribed"),
    ]  # fmt: skip
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow([str(column) for column in columns])
        # Streamed in chunks, so an export of every subscriber holds few rows in memory.
        for subscriber in queryset.prefetch_related("topics").order_by("pk").iterator(1000):
            yield writer.writerow(
                _cell(value)
                for value in (
                    subscriber.email,
                    subscriber.get_status_display(),
                    "; ".join(topic.name for topic in subscriber.topics.all()),
                    machine_datetime(subscriber.created_at),
                    machine_datetime(subscriber.consent_at) or "",
                    machine_datetime(subscriber.confirmed_at) or "",
                    machine_datetime(subscriber.unsubscribed_at) or "",
                )
            )

    filename = f"subscribers-{timezone.now():%Y-%m-%d}.csv"
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = (
        "email", "status", "language", "topic_list", "created_at", "confirmed_at",
        "unsubscribed_at",
    )  # fmt: skip
    list_filter = (
        "status", "language", ("topics", admin.RelatedOnlyFieldListFilter), "created_at",
    )  # fmt: skip
    search_fields = ("email",)
    date_hierarchy = "created_at"
    actions = [export_csv]
    filter_horizontal = ("topics",)
    readonly_fields = (
        "created_at", "requested_at", "consent_at", "confirmed_at", "unsubscribed_at",
    )  # fmt: skip
    fields = ("email", "status", "language", "topics", *readonly_fields)
    list_per_page = 100

    def get_queryset(self, request: HttpRequest) -> QuerySet[Subscriber]:
        return super().get_queryset(request).prefetch_related("topics")

    @admin.display(description=_("topics"))
    def topic_list(self, obj: Subscriber) -> str:
        return ", ".join(topic.name for topic in obj.topics.all()) or _("all")


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    """The history of digests with what became of their mails; read-only."""

    list_display = (
        "__str__", "since", "cutoff", "articles_count", "recipients", "sent", "queued",
        "failed", "skipped", "cancelled", "completed_at",
    )  # fmt: skip
    list_filter = ("in_progress",)
    date_hierarchy = "cutoff"
    fields = ("since", "cutoff", "created_at", "completed_at", "in_progress", "articles")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Digest]:
        return selectors.digests_with_counts()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def _deliveries_link(self, digest: Digest, count: int, status: str | None = None):
        url = reverse("admin:newsletter_delivery_changelist") + f"?digest__id__exact={digest.pk}"
        if status:
            url += f"&status__exact={status}"
        return format_html('<a href="{}">{}</a>', url, count)

    @admin.display(description=_("articles"), ordering="article_count")
    def articles_count(self, obj: Digest) -> int:
        return obj.article_count

    @admin.display(description=_("recipients"), ordering="recipient_count")
    def recipients(self, obj: Digest):
        return self._deliveries_link(obj, obj.recipient_count)

    @admin.display(description=_("sent"), ordering="sent_count")
    def sent(self, obj: Digest):
        return self._deliveries_link(obj, obj.sent_count, "sent")

    @admin.display(description=_("waiting"), ordering="queued_count")
    def queued(self, obj: Digest):
        return self._deliveries_link(obj, obj.queued_count, "queued")

    @admin.display(description=_("failed"), ordering="failed_count")
    def failed(self, obj: Digest):
        return self._deliveries_link(obj, obj.failed_count, "failed")

    @admin.display(description=_("nothing new"), ordering="skipped_count")
    def skipped(self, obj: Digest):
        return self._deliveries_link(obj, obj.skipped_count, "skipped")

    @admin.display(description=_("cancelled"), ordering="cancelled_count")
    def cancelled(self, obj: Digest):
        return self._deliveries_link(obj, obj.cancelled_count, "cancelled")


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("subscriber", "digest", "status", "article_count", "created_at", "email")
    list_filter = ("status", "digest")
    search_fields = ("subscriber__email",)
    list_select_related = ("subscriber", "digest", "email")
    raw_id_fields = ("subscriber", "email")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
