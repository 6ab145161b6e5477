"""The mail queue against a real SMTP server on loopback (aiosmtpd, started by the tests)."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from post_office.models import STATUS, Email

from newsletter.models import Delivery, DeliveryStatus, SubscriberStatus

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def send() -> str:
    out = StringIO()
    call_command("send_newsletter", stdout=out)
    return out.getvalue()


def test_digest_arrives_with_list_headers_and_both_parts(smtp_server, fresh_articles):
    subscriber = SubscriberFactory(email="reader@example.com")

    send()

    [message] = smtp_server.inbox.to("reader@example.com")
    unsubscribe_url = f"https://news.example{subscriber.get_unsubscribe_url()}"
    assert message["Subject"] == "Newsroom: 2 new articles"
    # A long header is folded onto a second line; unfolded, the leading space is insignificant.
    assert message["List-Unsubscribe"].strip() == f"<{unsubscribe_url}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"]
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for part in (text, html):
        assert "New chip ships" in part and "A quiet laptop" in part
        assert "https://news.example/news/it-news/new-chip/" in part
        assert unsubscribe_url in part
    assert "<html" not in text
    assert '<a href="https://news.example/reviews/quiet-laptop/"' in html

    # The header's one-click POST, as a mail client sends it, unsubscribes.
    one_click = Client(enforce_csrf_checks=True)
    response = one_click.post(
        unsubscribe_url.removeprefix("https://news.example"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_an_smtp_outage_delays_mail_and_each_arrives_exactly_once(smtp_server, fresh_articles):
    addresses = [f"r{number}@example.com" for number in range(4)]
    for address in addresses:
        SubscriberFactory(email=address)
    Client().post(reverse("newsletter:subscribe"), {"email": "new@example.com"})

    smtp_server.stop()
    output = send()

    assert "0 sent, 5 to be retried" in output
    assert smtp_server.inbox.messages == []
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.requeued}
    assert Delivery.objects.filter(status=DeliveryStatus.QUEUED).count() == 4

    smtp_server.start()
    send()  # too early: the retry is not due yet, and the digest is not queued again
    assert smtp_server.inbox.messages == []

    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16), tick=True):
        output = send()
        send()

    assert "5 sent" in output
    received = sorted(message["To"] for message in smtp_server.inbox.messages)
    assert received == sorted([*addresses, "new@example.com"])
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 4
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}


def test_one_smtp_connection_per_batch(smtp_server, settings, fresh_articles):
    settings.POST_OFFICE = {**settings.POST_OFFICE, "BATCH_SIZE": 10}
    for number in range(25):
        SubscriberFactory(email=f"r{number}@example.com")

    send()

    assert len(smtp_server.inbox.messages) == 25
    assert smtp_server.inbox.connections == 3  # 10 + 10 + 5
