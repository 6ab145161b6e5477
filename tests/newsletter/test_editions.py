"""The newsletter per edition: a subscriber belongs to the edition they signed up in,
and their mails are in its language, with its articles and links into it."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from post_office.models import Email

from newsletter.models import Subscriber, SubscriberStatus
from tests.articles.factories import ArticleFactory

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_signing_up_under_de_makes_a_german_subscriber_with_a_german_mail(client, topics):
    response = client.post("/de/newsletter/", {"email": "grete@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/de/newsletter/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "de"
    [email] = Email.objects.all()
    assert email.subject == "Bitte bestätigen Sie Ihr Abonnement von Newsroom"
    assert re.search(r"https://news\.example/de/newsletter/confirm/[^/\s]+/", email.message)
    assert "https://news.example/de/" in email.message


def test_signing_up_in_the_default_edition_keeps_english(client, topics):
    client.post("/newsletter/", {"email": "ada@example.com"})
    assert Subscriber.objects.get().language == "en"
    assert Email.objects.get().subject == "Please confirm your subscription to Newsroom"


def test_a_subscriber_made_without_an_edition_belongs_to_the_default_one():
    assert Subscriber.objects.create(email="old@example.com").language == "en"


def test_confirming_a_link_asked_for_in_german_moves_a_subscriber_to_german(client, topics):
    SubscriberFactory(email="ada@example.com", language="en")
    client.post("/de/newsletter/", {"email": "ada@example.com"})
    [email] = Email.objects.all()
    # Already subscribed, in English: told so in German, with a link that moves them.
    assert email.subject == "Sie haben Newsroom bereits abonniert"
    link = re.search(r"https://news\.example(/de/newsletter/confirm/[^/\s]+/)", email.message)
    assert Subscriber.objects.get().language == "en"  # nothing changes before the click
    Client().post(link.group(1))
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "de" and subscriber.status == SubscriberStatus.ACTIVE


def test_each_subscriber_gets_their_editions_articles_in_its_language(topics):
    english = ArticleFactory(title="New chip ships", slug="new-chip", category=topics["news"])
    german = ArticleFactory(
        title="Neuer Chip kommt", slug="neuer-chip", category=topics["news"], language="de"
    )
    ArticleFactory(
        title="Noch ein Chip", slug="noch-ein-chip", category=topics["reviews"], language="de"
    )
    SubscriberFactory(email="en@example.com", language="en")
    SubscriberFactory(email="de@example.com", language="de", topics=[topics["news"]])

    call_command("send_newsletter", stdout=StringIO())

    [en] = [message for message in mail.outbox if message.to == ["en@example.com"]]
    [de] = [message for message in mail.outbox if message.to == ["de@example.com"]]
    assert en.subject == "Newsroom: 1 new article"
    assert english.title in en.body and german.title not in en.body
    assert de.subject == "Newsroom: 1 neuer Artikel"
    assert german.title in de.body and english.title not in de.body
    assert "Noch ein Chip" not in de.body  # not in their topics
    assert "https://news.example/de/news/neuer-chip/" in de.body
    assert "https://news.example/news/new-chip/" in en.body
    assert "https://news.example/de/newsletter/unsubscribe/" in de.body
