"""Readers of the German site see the newsletter in German, mails included."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from post_office.models import Email

from tests.articles.factories import ArticleFactory

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german(settings):
    settings.LANGUAGE_CODE = "de"


def test_subscribe_box_and_page_are_german(client, topics):
    article = ArticleFactory(category=topics["news"])

    box = client.get(article.get_absolute_url()).content.decode()
    page = client.get(reverse("newsletter:subscribe")).content.decode()

    assert "Abonnieren Sie Updates" in box and "Subscribe to updates" not in box
    assert "Ihre E-Mail-Adresse" in box
    assert "Abonnieren Sie Updates" in page
    assert "Wählen Sie keines, um Neues aus allen Rubriken zu erhalten." in page


def test_check_inbox_page_counts_days_in_german(client, settings):
    settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS = 1
    one = client.get(reverse("newsletter:check_inbox")).content.decode()
    settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS = 3
    three = client.get(reverse("newsletter:check_inbox")).content.decode()

    assert "der Link ist 1 Tag gültig" in one
    assert "der Link ist 3 Tage gültig" in three


def test_confirmation_mail_is_german(client):
    client.post(reverse("newsletter:subscribe"), {"email": "leser@example.com"})

    email = Email.objects.get()
    assert email.subject == "Bitte bestätigen Sie Ihr Abonnement von Newsroom"
    assert "Abonnement bestätigen: https://news.example/newsletter/confirm/" in email.message
    assert "Abonnement bestätigen</a>" in email.html_message
    assert "Ihre Themen: alle Rubriken." in email.message


def test_digest_is_german_with_plural_forms(topics):
    ArticleFactory(category=topics["news"])
    ArticleFactory(category=topics["reviews"])
    SubscriberFactory(email="alle@example.com")
    SubscriberFactory(email="tests@example.com", topics=[topics["reviews"]])

    call_command("send_newsletter", stdout=StringIO())

    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["alle@example.com"].subject == "Newsroom: 2 neue Artikel"
    assert by_address["tests@example.com"].subject == "Newsroom: 1 neuer Artikel"
    message = by_address["alle@example.com"]
    assert "2 neue Artikel" in message.body and "Aus allen Rubriken." in message.body
    assert "Abmelden: https://news.example/newsletter/unsubscribe/" in message.body
    assert ">Abmelden</a>" in message.alternatives[0][0]
