"""Links in the mails the project sends: opening one changes nothing.

Mail scanners and link previews open every link in a mail. A link that acted on
GET would mute, unsubscribe or confirm for a reader who never clicked; such a
link shows a button, and only the POST acts.
"""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.test.signals import template_rendered
from django.urls import reverse
from post_office.models import Email

from tests.articles.factories import ArticleFactory, UserFactory
from tests.comments.conftest import form_data
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SITE_URL = "https://news.example"
TEMPLATES = Path(django_settings.BASE_DIR) / "templates"
# What a GET may write: the session behind a password-reset link keeps the token.
MAY_CHANGE = {Session}


def mail_templates() -> set[str]:
    return {
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*")
        if path.is_file() and "mail" in str(path.relative_to(TEMPLATES))
    }


@pytest.fixture
def every_mail(settings, django_capture_on_commit_callbacks):
    """One of each mail the project sends, and the names of the templates rendered."""
    settings.SITE_URL = SITE_URL
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.COMMENTS_POST_RATE = "1000/600"
    rendered: set[str] = set()

    def record(sender, template, **kwargs):
        rendered.add(template.name)

    template_rendered.connect(record)
    author, asker, follower, replier = (UserFactory() for _ in range(4))
    article = ArticleFactory(authors=[author])

    def post_comment(client: Client, **fields) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("comments:post"), form_data(article, **fields))
        assert response.status_code == 302, response.content.decode()

    def member(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    # The article's author hears of the comment, the asker of the reply to theirs, the
    # follower (by xtd) of the new comment; the guest gets xtd's confirmation request.
    post_comment(member(asker), notify="replies")
    post_comment(member(follower), notify="followups")
    asked = article.comments.filter(user=asker).get()
    post_comment(member(replier), reply_to=asked.pk)
    post_comment(Client())
    # The newsletter: a confirmation request and a digest.
    Client().post(reverse("newsletter:subscribe"), {"email": "new@example.com"})
    SubscriberFactory(email="reader@example.com")
    call_command("send_newsletter", stdout=StringIO())
    # Django's password reset, and its note to an address without an account.
    Client().post(reverse("password_reset"), {"email": author.email})
    Client().post(reverse("password_reset"), {"email": "nobody@example.com"})
    # Sign-up: a new address gets its confirmation link, a known one a note to its owner.
    signup = {"password1": "a long and unusual passphrase",
              "password2": "a long and unusual passphrase"}  # fmt: skip
    Client().post(reverse("signup"), {**signup, "username": "fresh", "email": "fresh@example.com"})
    Client().post(reverse("signup"), {**signup, "username": "again", "email": author.email})
    template_rendered.disconnect(record)
    # Sent mails, and those the queue holds (its lock may be another run's).
    bodies = [m.body for m in mail.outbox]
    bodies += [body for m in mail.outbox for body, _type in getattr(m, "alternatives", [])]
    bodies += [text for m in Email.objects.all() for text in (m.message, m.html_message)]
    return bodies, rendered


def links(bodies: list[str]) -> list[str]:
    found = set()
    for text in bodies:
        found.update(re.findall(re.escape(SITE_URL) + r"(/[^\s\"'<>]*)", text))
    return sorted(found)


def database_rows() -> dict[str, list]:
    return {
        model._meta.label: sorted(map(repr, model._base_manager.values_list()))
        for model in apps.get_models()
        if model not in MAY_CHANGE
    }


def test_the_scenarios_send_every_mail_the_project_has_templates_for(every_mail):
    _bodies, rendered = every_mail
    assert mail_templates() <= rendered


def test_opening_any_link_in_any_mail_changes_nothing(every_mail):
    bodies, _rendered = every_mail
    paths = links(bodies)
    # The links that act when their page's button is pressed are among them.
    acting = (
        "/comments/mute/",
        "/comments/mute-followups/",
        "/comments/confirm/",
        "/newsletter/confirm/",
        "/newsletter/unsubscribe/",
        "/accounts/reset/",
        "/accounts/confirm/",
    )
    for kind in acting:
        assert any(path.startswith(kind) for path in paths), kind
    for path in paths:
        before = database_rows()
        response = Client().get(path, follow=True)
        assert response.status_code < 500, path
        assert database_rows() == before, f"GET {path} changed the database"
