from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsletter.models import Subscriber

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.now() - timezone.timedelta(days=days)


def test_unconfirmed_sign_ups_are_purged_after_n_days(settings):
    settings.NEWSLETTER_PURGE_PENDING_AFTER_DAYS = 7
    SubscriberFactory(email="stale@example.com", pending=True, requested_at=days_ago(8))
    SubscriberFactory(email="fresh@example.com", pending=True, requested_at=days_ago(6))
    SubscriberFactory(email="active@example.com", requested_at=days_ago(100))
    SubscriberFactory(email="left@example.com", unsubscribed=True, requested_at=days_ago(100))
    out = StringIO()

    call_command("purge_pending_subscribers", stdout=out)

    remaining = set(Subscriber.objects.values_list("email", flat=True))
    assert remaining == {"fresh@example.com", "active@example.com", "left@example.com"}
    assert "Deleted 1 unconfirmed sign-ups older than 7 days." in out.getvalue()


def test_a_new_request_restarts_the_clock(settings):
    old = SubscriberFactory(pending=True, requested_at=days_ago(1))
    Subscriber.objects.filter(pk=old.pk).update(created_at=days_ago(30))

    call_command("purge_pending_subscribers", "--days=7", stdout=StringIO())

    assert Subscriber.objects.filter(pk=old.pk).exists()


def test_days_must_be_positive():
    with pytest.raises(CommandError):
        call_command("purge_pending_subscribers", "--days=0", stdout=StringIO())
