"""What a digest costs: queries per batch and SMTP connections per batch stay fixed."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsletter import selectors, services, tokens
from newsletter.mails import DigestRenderer

from . import backends
from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

# Small enough that one INSERT holds a whole batch on SQLite too (999 parameters).
BATCH = 40


def queue_in_batches(digest) -> list[int]:
    """Queue the whole digest; returns the number of queries each batch took."""
    renderer = DigestRenderer(content=selectors.digest_content(digest=digest))
    per_batch, last_pk = [], 0
    while True:
        with CaptureQueriesContext(connection) as queries:
            result = services.digest_queue_batch(
                digest=digest, renderer=renderer, size=BATCH, after_pk=last_pk
            )
        if not result.handled:
            return per_batch
        per_batch.append(len(queries))
        last_pk = result.last_pk


@pytest.mark.parametrize("subscribers", [BATCH, 4 * BATCH])
def test_queries_per_batch_do_not_grow_with_subscribers_or_topics(subscribers, topics):
    from tests.articles.factories import ArticleFactory

    ArticleFactory(category=topics["it_news"])
    ArticleFactory(category=topics["reviews"])
    choices = [[], [topics["news"]], [topics["reviews"]], [topics["news"], topics["reviews"]]]
    for number in range(subscribers):
        SubscriberFactory(topics=choices[number % len(choices)])
    digest = services.digest_start()

    per_batch = queue_in_batches(digest)

    assert len(per_batch) == subscribers // BATCH
    # savepoint, subscribers, their topics, INSERT mails, INSERT deliveries, release savepoint
    assert per_batch == [6] * len(per_batch)


def test_sending_the_queue_opens_one_connection_per_batch(settings, fresh_articles):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.CountingBackend"
    settings.POST_OFFICE = {**settings.POST_OFFICE, "BATCH_SIZE": 10}
    backends.CountingBackend.opened = 0
    for _ in range(35):
        SubscriberFactory()
    digest = services.digest_start()
    queue_in_batches(digest)

    with CaptureQueriesContext(connection) as queries:
        result = services.mail_queue_send()

    assert result.sent == 35
    assert backends.CountingBackend.opened == 4  # 10 + 10 + 10 + 5
    # Per batch: the due mails, their attachments, marking them sent, "any left?";
    # then two UPDATEs bring the delivery history up to date.
    assert len(queries) == 4 * 4 + 2


def test_subscribe_box_costs_no_query(rf):
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("newsletter/includes/subscribe_box.html", request=rf.get("/"))

    assert "Subscribe to updates" in html
    assert len(queries) == 0


def test_newsletter_pages_have_fixed_query_counts(client, topics, django_assert_num_queries):
    subscriber = SubscriberFactory(topics=[topics["news"]])

    # topics for the form, sections for the header, static pages for the footer
    with django_assert_num_queries(3):
        client.get(reverse("newsletter:subscribe"))
    # nothing: the header's sections and the footer's pages are cached now
    with django_assert_num_queries(0):
        client.get(reverse("newsletter:check_inbox"))
    # subscriber
    with django_assert_num_queries(1):
        client.get(subscriber.get_unsubscribe_url())
    token = tokens.make_token(
        subscriber_id=subscriber.pk,
        topic_ids=[topics["news"].pk, topics["reviews"].pk],
        requested_at=timezone.now(),
    )
    # subscriber, their topics, the topics in the link
    with django_assert_num_queries(3):
        response = client.get(reverse("newsletter:confirm", kwargs={"token": token}))
    assert response.status_code == 200
