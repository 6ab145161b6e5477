"""Mail about comments speaks the language of the comment's article, whoever sends it
and under whichever URL prefix the request came."""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse

from comments.services import comment_approve
from tests.articles.factories import ArticleFactory, UserFactory

from .conftest import form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_article(author):
    return ArticleFactory(language="de", title="Chips werden kleiner", authors=[author])


class SubjectAtSendTime(EmailBackend):
    """xtd's subjects are lazy strings: read them as the mail leaves, not afterwards."""

    subjects: list[str] = []

    def send_messages(self, messages):
        type(self).subjects += [str(message.subject) for message in messages]
        return super().send_messages(messages)


def test_a_guests_confirmation_mail_is_in_the_articles_language(german_article, settings):
    settings.EMAIL_BACKEND = f"{__name__}.SubjectAtSendTime"
    SubjectAtSendTime.subjects = []
    # Posted to the unprefixed (English) address: the mail still reads German.
    response = Client().post(reverse("comments:post"), form_data(german_article))
    assert response.status_code == 302
    [message] = mail.outbox
    assert SubjectAtSendTime.subjects == ["Bitte bestätigen Sie Ihren Kommentar"]
    assert "Jemand, wahrscheinlich Sie, hat einen Kommentar zu „Chips werden kleiner“" in (
        message.body
    )
    assert f"{settings.SITE_URL}/de/comments/" in message.body


def test_an_author_hears_of_a_comment_approved_in_the_admin_in_the_articles_language(
    german_article, author, django_capture_on_commit_callbacks, settings
):
    held = CommentFactory(article=german_article, is_public=False, comment="Toll.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=held)  # in the admin, which speaks English
    [message] = [m for m in mail.outbox if m.to == [author.email]]
    assert message.subject == "Neuer Kommentar zu Ihrem Artikel „Chips werden kleiner“"
    assert f"{settings.SITE_URL}/de/comments/mute/" in message.body


def test_an_english_articles_mail_stays_english_when_sent_from_a_german_page(
    article, author, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/de" + reverse("comments:post"), form_data(article, comment="Nice."))
    [message] = [m for m in mail.outbox if m.to == [author.email]]
    assert message.subject == "New comment on your article “Chips get smaller”"
