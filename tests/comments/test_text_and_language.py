"""How comments read: escaped plain text with links and line breaks, times, German labels."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from comments.text import comment_html
from core.dates import time_ago

from .conftest import form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_comment_text_is_escaped_then_linked_with_line_breaks_kept():
    html = comment_html(
        '<b>bold</b> & "quoted"\r\nhttps://example.org/x?a=1&b=2\n\nwww.example.com.'
    )
    assert html == (
        "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;<br>"
        '<a href="https://example.org/x?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://example.org/x?a=1&amp;b=2</a><br><br>"
        '<a href="http://www.example.com" rel="nofollow ugc noopener">www.example.com</a>.'
    )


def test_links_cannot_smuggle_markup_or_script_urls():
    html = comment_html('javascript:alert(1) https://x.example/"onmouseover="alert(1)')
    assert 'href="javascript' not in html
    assert 'onmouseover="' not in html


def test_email_addresses_stay_text():
    assert comment_html("write to me@example.com") == "write to me@example.com"


@pytest.mark.parametrize(
    ("delta", "english", "german"),
    [
        (timezone.timedelta(seconds=20), "just now", "gerade eben"),
        (timezone.timedelta(minutes=1), "1 minute ago", "vor 1 Minute"),
        (timezone.timedelta(hours=3), "3 hours ago", "vor 3 Stunden"),
        (timezone.timedelta(days=1, hours=5), "1 day ago", "vor 1 Tag"),
        (timezone.timedelta(days=4), "4 days ago", "vor 4 Tagen"),
        (timezone.timedelta(days=15), "2 weeks ago", "vor 2 Wochen"),
        (timezone.timedelta(days=70), "2 months ago", "vor 2 Monaten"),
        (timezone.timedelta(days=400), "1 year ago", "vor 1 Jahr"),
        (timezone.timedelta(days=800), "2 years ago", "vor 2 Jahren"),
    ],
)
def test_relative_times_read_naturally_in_english_and_german(delta, english, german):
    with translation.override("en"):
        assert time_ago(NOW - delta, NOW).replace("\xa0", " ") == english
    with translation.override("de"):
        assert time_ago(NOW - delta, NOW).replace("\xa0", " ") == german


@pytest.mark.parametrize(
    ("count", "english", "german"),
    [(1, "1 comment", "1 Kommentar"), (2, "2 comments", "2 Kommentare")],
)
def test_the_counter_is_pluralized(client, article, settings, count, english, german):
    for _ in range(count):
        CommentFactory(article=article)
    assert f">{english}</h2>" in client.get(article.get_absolute_url()).content.decode()
    article.language = "de"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f">{german}</h2>" in html


def test_the_comment_section_speaks_german(client, article):
    article.language = "de"
    article.save()
    CommentFactory(article=article, submit_date=NOW - timezone.timedelta(days=400))
    html = client.get(article.get_absolute_url()).content.decode()
    for label in (
        "Neueste", "Älteste", "Beliebteste", "Benachrichtigen über", "neue Folgekommentare",
        "neue Antworten auf meine Kommentare", "Anmelden", "Als Gast schreiben", "Antworten",
        "vor\xa01\xa0Jahr", "Kommentar senden",
    ):  # fmt: skip
        assert label in html, label


def test_guest_mail_subjects_read_well(client, article):
    client.post(reverse("comments:post"), form_data(article))
    assert mail.outbox[0].subject == "Please confirm your comment"
