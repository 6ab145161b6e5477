import csv
import io

import pytest
from django.urls import reverse
from post_office.models import STATUS, Email

from newsletter.models import DeliveryStatus, SubscriberStatus

from .factories import DeliveryFactory, DigestFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBERS = reverse("admin:newsletter_subscriber_changelist")
DIGESTS = reverse("admin:newsletter_digest_changelist")


def test_subscriber_list_filters_by_status_and_topic_and_searches(staff_client, topics):
    SubscriberFactory(email="ada@example.com", topics=[topics["news"]])
    SubscriberFactory(email="grace@example.com", pending=True)
    SubscriberFactory(email="linus@example.com", unsubscribed=True, topics=[topics["reviews"]])

    pending = staff_client.get(SUBSCRIBERS, {"status__exact": "pending"}).content.decode()
    by_topic = staff_client.get(SUBSCRIBERS, {"topics__id__exact": topics["news"].pk})
    found = staff_client.get(SUBSCRIBERS, {"q": "LINUS"}).content.decode()

    assert "grace@example.com" in pending and "ada@example.com" not in pending
    assert [s.email for s in by_topic.context["cl"].result_list] == ["ada@example.com"]
    assert "linus@example.com" in found and "ada@example.com" not in found


def test_subscriber_list_costs_the_same_for_more_subscribers(
    staff_client, topics, django_assert_max_num_queries
):
    for _ in range(30):
        SubscriberFactory(topics=[topics["news"], topics["reviews"]])

    # session, user, count, filtered count, page of subscribers, their topics,
    # topics for the filter, dates for the hierarchy
    with django_assert_max_num_queries(10):
        response = staff_client.get(SUBSCRIBERS)
    assert response.status_code == 200
    assert "News, Reviews" in response.content.decode()


def test_csv_export_has_a_row_per_selected_subscriber(staff_client, topics):
    ada = SubscriberFactory(email="ada@example.com", topics=[topics["news"], topics["reviews"]])
    formula = SubscriberFactory(email="=cmd@example.com", pending=True)
    SubscriberFactory(email="not-selected@example.com")

    response = staff_client.post(
        SUBSCRIBERS,
        {"action": "export_csv", "_selected_action": [ada.pk, formula.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="subscribers-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["email address", "status", "topics"]
    assert rows[1][:3] == ["ada@example.com", "Active", "News; Reviews"]
    # A spreadsheet must not run a cell as a formula.
    assert rows[2][:2] == ["'=cmd@example.com", "Pending confirmation"]
    assert len(rows) == 3


def test_digest_history_shows_what_became_of_each_mail(staff_client):
    digest = DigestFactory()
    for status, count in [
        (DeliveryStatus.SENT, 3),
        (DeliveryStatus.FAILED, 1),
        (DeliveryStatus.QUEUED, 2),
        (DeliveryStatus.SKIPPED, 1),
    ]:
        for _ in range(count):
            DeliveryFactory(digest=digest, status=status)

    response = staff_client.get(DIGESTS)

    row = response.context["cl"].result_list[0]
    assert (row.recipient_count, row.sent_count, row.failed_count) == (7, 3, 1)
    assert (row.queued_count, row.skipped_count, row.cancelled_count) == (2, 1, 0)
    html = response.content.decode()
    deliveries = reverse("admin:newsletter_delivery_changelist")
    assert f"{deliveries}?digest__id__exact={digest.pk}&amp;status__exact=sent" in html
    assert f"{deliveries}?digest__id__exact={digest.pk}&amp;status__exact=failed" in html


def test_digest_history_counts_a_retry_the_queue_sent_meanwhile(staff_client):
    digest = DigestFactory()
    retried = Email.objects.create(
        from_email="news@example.com", to=["a@example.com"], status=STATUS.sent
    )
    waiting = Email.objects.create(
        from_email="news@example.com", to=["b@example.com"], status=STATUS.requeued
    )
    DeliveryFactory(digest=digest, status=DeliveryStatus.QUEUED, email=retried)
    DeliveryFactory(digest=digest, status=DeliveryStatus.QUEUED, email=waiting)

    row = staff_client.get(DIGESTS).context["cl"].result_list[0]

    assert (row.sent_count, row.queued_count, row.failed_count) == (1, 1, 0)


def test_deliveries_of_a_digest_can_be_listed_by_status(staff_client):
    digest = DigestFactory()
    failed = DeliveryFactory(digest=digest, status=DeliveryStatus.FAILED)
    DeliveryFactory(digest=digest, status=DeliveryStatus.SENT)

    response = staff_client.get(
        reverse("admin:newsletter_delivery_changelist"),
        {"digest__id__exact": digest.pk, "status__exact": "failed"},
    )

    assert [d.pk for d in response.context["cl"].result_list] == [failed.pk]


def test_staff_cannot_edit_the_digest_history(staff_client):
    digest = DigestFactory()

    page = staff_client.get(reverse("admin:newsletter_digest_change", args=[digest.pk]))

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert staff_client.get(reverse("admin:newsletter_digest_add")).status_code == 403


def test_admin_refuses_a_second_row_for_the_same_address_in_another_case(staff_client):
    SubscriberFactory(email="ada@example.com")

    response = staff_client.post(
        reverse("admin:newsletter_subscriber_add"),
        {"email": "ADA@example.com", "status": SubscriberStatus.ACTIVE},
    )

    assert response.status_code == 200
    assert "A subscriber with this email address already exists." in response.content.decode()
