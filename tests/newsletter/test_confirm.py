import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from post_office.models import Email

from newsletter import tokens
from newsletter.models import Subscriber, SubscriberStatus

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE = reverse("newsletter:subscribe")


def confirm_path_from_mail(address: str) -> str:
    email = [email for email in Email.objects.order_by("pk") if address in email.to][-1]
    return re.search(r"https://news\.example(/newsletter/confirm/[^/\s]+/)", email.message).group(1)


def subscribe(client, address: str, topics=()) -> str:
    client.post(SUBSCRIBE, {"email": address, "topics": [topic.pk for topic in topics]})
    return confirm_path_from_mail(address)


def test_opening_the_link_asks_for_a_click_and_changes_nothing(client, topics):
    path = subscribe(client, "ada@example.com", [topics["news"]])

    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Confirm subscription" in html
    assert "ada@example.com" in html
    assert "News" in html
    assert '<meta name="robots" content="noindex">' in html
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_confirming_activates_with_the_topics_from_the_request(client, topics):
    with time_machine.travel(timezone.now() - timezone.timedelta(hours=2)):
        path = subscribe(client, "ada@example.com", [topics["reviews"]])
        requested_at = timezone.now()

    response = client.post(path)

    assert response.status_code == 302
    assert response["Location"] == path
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert list(subscriber.topics.all()) == [topics["reviews"]]
    assert abs((subscriber.consent_at - requested_at).total_seconds()) < 1
    assert subscriber.confirmed_at > subscriber.consent_at
    page = client.get(path).content.decode()
    assert "Your subscription is confirmed" in page
    assert "Reviews" in page


def test_confirming_without_topics_means_every_section(client):
    path = subscribe(client, "all@example.com")

    client.post(path)

    assert Subscriber.objects.get().topics.count() == 0
    assert "every section" in client.get(path).content.decode()


def test_repeated_clicks_change_nothing_and_show_the_confirmed_page(client):
    path = subscribe(client, "twice@example.com")
    client.post(path)
    first = Subscriber.objects.get().confirmed_at

    again = client.post(path)

    assert again.status_code == 302
    assert Subscriber.objects.get().confirmed_at == first
    assert "Your subscription is confirmed" in client.get(path).content.decode()


def test_an_active_subscriber_changes_topics_only_by_confirming(client, topics):
    subscriber = SubscriberFactory(email="active@example.com", topics=[topics["news"]])
    path = subscribe(client, "active@example.com", [topics["reviews"]])

    page = client.get(path).content.decode()
    assert "Change your topics" in page
    assert list(subscriber.topics.all()) == [topics["news"]]

    client.post(path)

    assert list(subscriber.topics.all()) == [topics["reviews"]]


def test_expired_link_gets_a_clear_page_and_changes_nothing(client, settings):
    settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS = 3
    path = subscribe(client, "late@example.com")

    with time_machine.travel(timezone.now() + timezone.timedelta(days=3, minutes=1)):
        shown = client.get(path)
        posted = client.post(path)

    for response in (shown, posted):
        assert response.status_code == 410
        assert "This confirmation link has expired" in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "a" * 10_000,
        "eyJzIjoxfQ:1xWXbn:forged-signature",
        "%00%ff",
        "..",
    ],
)
def test_forged_or_malformed_links_get_a_clear_page(client, token):
    path = f"/newsletter/confirm/{token}/"

    for response in (client.get(path), client.post(path)):
        assert response.status_code in (400, 404)
        if response.status_code == 400:
            assert "This link is not valid" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_a_token_with_a_changed_payload_is_refused(client):
    subscriber = SubscriberFactory(pending=True)
    now = timezone.now()
    token = tokens.make_token(subscriber_id=subscriber.pk, topic_ids=[], requested_at=now)
    _, timestamp, signature = token.split(":")
    other = tokens.make_token(subscriber_id=subscriber.pk + 1, topic_ids=[], requested_at=now)
    forged = ":".join([other.split(":")[0], timestamp, signature])

    response = client.post(reverse("newsletter:confirm", kwargs={"token": forged}))

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING


def test_link_of_a_purged_sign_up_says_it_expired(client):
    path = subscribe(client, "purged@example.com")
    Subscriber.objects.all().delete()

    response = client.get(path)

    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_an_old_link_cannot_sign_someone_up_again_after_they_left(client):
    path = subscribe(client, "leaver@example.com")
    client.post(path)
    subscriber = Subscriber.objects.get()
    client.post(subscriber.get_unsubscribe_url())

    response = client.post(path)

    assert response.status_code == 410
    assert "out of date" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_subscribing_again_after_leaving_works(client):
    subscriber = SubscriberFactory(email="back@example.com", unsubscribed=True)

    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):
        path = subscribe(client, "back@example.com")
        client.post(path)

    left_at = subscriber.unsubscribed_at
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.unsubscribed_at == left_at  # history, and the line old links cannot cross
    assert Subscriber.objects.count() == 1


def test_a_link_from_before_leaving_stays_refused_after_coming_back(client, topics):
    old_path = subscribe(client, "back@example.com")
    client.post(old_path)
    subscriber = Subscriber.objects.get()
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):
        client.post(subscriber.get_unsubscribe_url())
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=10)):
        new_path = subscribe(client, "back@example.com", [topics["news"]])
        client.post(new_path)

    assert new_path != old_path
    response = client.get(old_path)

    assert response.status_code == 410
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE


def test_confirming_needs_the_csrf_token(client):
    path = subscribe(client, "csrf@example.com")
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(path)

    assert response.status_code == 403
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
