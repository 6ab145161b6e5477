import pytest
from django.core import mail
from django.test import Client
from post_office.models import STATUS, Email

from newsletter import services
from newsletter.models import Delivery, DeliveryStatus, SubscriberStatus

from .factories import DeliveryFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_click():
    """A mail client's RFC 8058 request: no cookies, no session, no CSRF token."""
    return Client(enforce_csrf_checks=True)


def test_opening_the_link_asks_first_so_a_scanner_cannot_unsubscribe(client):
    subscriber = SubscriberFactory(email="stay@example.com")

    response = client.get(subscriber.get_unsubscribe_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Unsubscribe from the newsletter?" in html
    assert "stay@example.com" in html
    assert 'method="post"' in html
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE


def test_one_click_post_without_session_or_csrf_token_unsubscribes(one_click):
    subscriber = SubscriberFactory()

    response = one_click.post(
        subscriber.get_unsubscribe_url(),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_unsubscribing_twice_is_harmless(one_click):
    subscriber = SubscriberFactory()
    one_click.post(subscriber.get_unsubscribe_url())
    subscriber.refresh_from_db()
    first = subscriber.unsubscribed_at

    again = one_click.post(subscriber.get_unsubscribe_url())

    assert again.status_code == 200
    assert "You are unsubscribed" in again.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at == first
    # The page after leaving offers the way back.
    assert "Subscribe again" in one_click.get(subscriber.get_unsubscribe_url()).content.decode()


@pytest.mark.parametrize("key", ["not-a-key", "x" * 5000, "%00"])
def test_unknown_links_get_a_clear_page(one_click, key):
    SubscriberFactory()
    path = f"/newsletter/unsubscribe/{key}/"

    for response in (one_click.get(path), one_click.post(path)):
        assert response.status_code == 404
        assert "This unsubscribe link is not valid" in response.content.decode()


def test_a_digest_still_waiting_in_the_queue_is_withdrawn(one_click):
    subscriber = SubscriberFactory(email="leaving@example.com")
    email = Email.objects.create(
        from_email="news@example.com", to=["leaving@example.com"], subject="Digest",
        message="…", status=STATUS.requeued,
    )  # fmt: skip
    delivery = DeliveryFactory(subscriber=subscriber, email=email, status=DeliveryStatus.QUEUED)

    one_click.post(subscriber.get_unsubscribe_url())
    services.mail_queue_send()

    assert mail.outbox == []
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.CANCELLED
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 0
