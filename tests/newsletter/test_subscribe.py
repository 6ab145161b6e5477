import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from post_office.models import PRIORITY, Email

from newsletter.models import Subscriber, SubscriberStatus
from tests.articles.factories import ArticleFactory, CategoryFactory

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE = reverse("newsletter:subscribe")
CHECK_INBOX = reverse("newsletter:check_inbox")


def queued_to(address: str) -> list[Email]:
    return [email for email in Email.objects.all() if address in email.to]


def test_subscribe_page_offers_the_top_level_sections_as_topics(client, topics):
    CategoryFactory(name="Hidden", slug="hidden", is_active=False)

    response = client.get(SUBSCRIBE)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Subscribe to updates" in html
    assert 'type="email"' in html
    assert "csrfmiddlewaretoken" in html
    assert "News" in html and "Reviews" in html
    assert "IT news" not in html  # subsections are covered by their section
    assert "Hidden" not in html


def test_new_address_becomes_pending_and_gets_a_confirmation_mail(client, topics):
    response = client.post(SUBSCRIBE, {"email": "Ada@Example.COM", "topics": [topics["news"].pk]})

    assert response.status_code == 302
    assert response["Location"] == CHECK_INBOX
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Ada@example.com"  # the domain is case-insensitive
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.confirmed_at is None
    assert list(subscriber.topics.all()) == [topics["news"]]
    [email] = queued_to("Ada@example.com")
    assert email.priority == PRIORITY.high
    assert "confirm" in email.subject.lower()
    assert re.search(r"https://news\.example/newsletter/confirm/[^/\s]+/", email.message)
    assert "/newsletter/confirm/" in email.html_message
    assert "News" in email.message


def test_check_inbox_page_explains_what_happens_next(client):
    response = client.get(CHECK_INBOX)

    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()


def test_same_answer_for_new_pending_active_and_unsubscribed_addresses(client):
    SubscriberFactory(email="pending@example.com", pending=True)
    SubscriberFactory(email="active@example.com")
    SubscriberFactory(email="gone@example.com", unsubscribed=True)

    answers = []
    for address in ["new@example.com", "pending@example.com", "ACTIVE@example.com",
                    "gone@example.com"]:  # fmt: skip
        response = client.post(SUBSCRIBE, {"email": address}, follow=True)
        answers.append((response.redirect_chain, response.status_code, response.content))

    assert all(answer == answers[0] for answer in answers)
    # ...and every address got exactly one mail, so even the queue gives nothing away.
    assert Email.objects.count() == 4


def test_known_address_matches_regardless_of_case_and_creates_no_second_row(client):
    SubscriberFactory(email="Grace@example.com")

    client.post(SUBSCRIBE, {"email": "grace@EXAMPLE.com"})

    assert Subscriber.objects.count() == 1


def test_active_subscriber_is_told_so_and_keeps_their_topics_until_they_confirm(client, topics):
    subscriber = SubscriberFactory(email="active@example.com", topics=[topics["reviews"]])

    client.post(SUBSCRIBE, {"email": "active@example.com", "topics": [topics["news"].pk]})

    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert list(subscriber.topics.all()) == [topics["reviews"]]
    [email] = queued_to("active@example.com")
    assert "already subscribed" in email.message
    assert "/newsletter/confirm/" in email.message  # to apply the new choice
    assert email.headers["List-Unsubscribe"].endswith(f"{subscriber.get_unsubscribe_url()}>")


def test_repeating_the_same_request_sends_one_mail_per_cool_down(client, settings):
    settings.NEWSLETTER_RATE_LIMIT = 100
    for _ in range(3):
        client.post(SUBSCRIBE, {"email": "eager@example.com"})

    assert len(queued_to("eager@example.com")) == 1


def test_an_address_gets_a_limited_number_of_mails_a_day(client, settings, topics):
    settings.NEWSLETTER_RATE_LIMIT = 100
    settings.NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY = 2
    news, reviews = topics["news"].pk, topics["reviews"].pk
    choices = [[], [news], [reviews], [news, reviews]]

    for topic_ids in choices:
        client.post(SUBSCRIBE, {"email": "victim@example.com", "topics": topic_ids})

    assert len(queued_to("victim@example.com")) == 2


@pytest.mark.parametrize(
    "address, message",
    [
        ("", "This field is required."),
        ("not-an-address", "Enter a valid email address."),
        ("a@b", "Enter a valid email address."),
        ("x" * 300 + "@example.com", "Ensure this value has at most 254 characters"),
        ("a" * 100_000, "Ensure this value has at most 254 characters"),
        ("evil\x00@example.com", "Null characters are not allowed."),
        ("two@example.com, three@example.com", "Enter a valid email address."),
    ],
)
def test_bad_addresses_get_a_clear_message_and_the_input_is_kept(client, address, message):
    response = client.post(SUBSCRIBE, {"email": address})

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert Subscriber.objects.count() == 0
    assert Email.objects.count() == 0


def test_unknown_or_malformed_topics_get_a_clear_message(client, topics):
    for bad in ["999999", "abc", "99999999999999999999999", "²", str(topics["it_news"].pk)]:
        response = client.post(SUBSCRIBE, {"email": "ok@example.com", "topics": [bad]})

        assert response.status_code == 200
        assert "Please choose topics from the list." in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_honeypot_gets_the_normal_answer_but_nothing_is_stored_or_sent(client):
    response = client.post(
        SUBSCRIBE, {"email": "bot@example.com", "website": "http://spam.example"}
    )

    assert response.status_code == 302
    assert response["Location"] == CHECK_INBOX
    assert Subscriber.objects.count() == 0
    assert Email.objects.count() == 0


def test_too_many_posts_from_one_address_are_refused_with_the_input_kept(client, settings):
    settings.NEWSLETTER_RATE_LIMIT = 3

    for number in range(3):
        assert client.post(SUBSCRIBE, {"email": f"r{number}@example.com"}).status_code == 302
    response = client.post(SUBSCRIBE, {"email": "r4@example.com"})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many sign-ups" in html
    assert 'value="r4@example.com"' in html
    assert not Subscriber.objects.filter(email="r4@example.com").exists()
    # Another client address is not affected.
    other = client.post(SUBSCRIBE, {"email": "r5@example.com"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_rate_limit_reads_the_proxy_header_when_configured(client, settings):
    settings.NEWSLETTER_RATE_LIMIT = 1
    settings.CLIENT_IP_PROXY_COUNT = 1

    first = client.post(SUBSCRIBE, {"email": "a@example.com"}, HTTP_X_FORWARDED_FOR="1.1.1.1")
    # A client cannot dodge the limit by putting a made-up address in front.
    spoofed = client.post(
        SUBSCRIBE, {"email": "b@example.com"}, HTTP_X_FORWARDED_FOR="9.9.9.9, 1.1.1.1"
    )
    other = client.post(SUBSCRIBE, {"email": "c@example.com"}, HTTP_X_FORWARDED_FOR="2.2.2.2")

    assert (first.status_code, spoofed.status_code, other.status_code) == (302, 429, 302)


def test_subscribing_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)

    response = client.post(SUBSCRIBE, {"email": "a@example.com"})

    assert response.status_code == 403
    assert Subscriber.objects.count() == 0


def test_the_subscribe_box_of_a_cached_page_works_without_javascript(client, topics):
    """The box on a page any reader may get from a cache carries no CSRF token (a script
    fetches it). Sent without one, the form comes back filled in, with a token, on a page
    no cache keeps; sent again, it signs up."""
    article = ArticleFactory(category=topics["news"])
    csrf_client = Client(enforce_csrf_checks=True)

    page = csrf_client.get(article.get_absolute_url())

    html = page.content.decode()
    assert "Subscribe to updates" in html
    box = html[html.index('class="nl-box"') :]
    assert f'action="{SUBSCRIBE}"' in box and 'method="post"' in box
    assert "<script" not in box
    assert 'name="csrfmiddlewaretoken" value=""' in box
    typed = {"email": "reader@example.com", "website": "", "csrfmiddlewaretoken": ""}
    again = csrf_client.post(SUBSCRIBE, typed)
    assert again.status_code == 403
    assert Subscriber.objects.count() == 0
    assert "no-store" in again["Cache-Control"]
    form = again.content.decode()
    form = form[form.index('class="nl-form"') :]
    assert 'value="reader@example.com"' in form
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = csrf_client.post(SUBSCRIBE, {**typed, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Subscriber.objects.get().email == "reader@example.com"


def test_confirmation_mail_goes_out_through_the_queue(client):
    from newsletter import services

    client.post(SUBSCRIBE, {"email": "queue@example.com"})
    assert mail.outbox == []  # queued, not sent in the request

    services.mail_queue_send()

    [message] = mail.outbox
    assert message.to == ["queue@example.com"]
    assert message.alternatives[0][1] == "text/html"


def test_in_development_the_confirmation_mail_is_sent_at_once(client, settings):
    # `make run` has no queue worker: the link must reach the console straight away.
    settings.NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE = True
    client.post(SUBSCRIBE, {"email": "dev@example.com"})
    [message] = mail.outbox
    assert message.to == ["dev@example.com"]
    assert "/newsletter/confirm/" in message.body


def test_subscribe_box_can_appear_twice_on_a_page_without_clashing_ids(rf):
    request = rf.get("/")
    first = render_to_string("newsletter/includes/subscribe_box.html", request=request)
    second = render_to_string(
        "newsletter/includes/subscribe_box.html", {"box_id": "footer-box"}, request=request
    )

    assert 'id="nl-box-email"' in first and 'for="nl-box-email"' in first
    assert 'id="footer-box-email"' in second and 'id="nl-box-email"' not in second


def test_every_reader_page_offers_the_subscribe_box_exactly_once(client):
    article = ArticleFactory(tags=["chips"])
    pages = [
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        "/tag/chips/",
        "/search/?q=chips",
        reverse("login"),
        "/no-such-page/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert html.count(f'action="{SUBSCRIBE}"') == 1, url
