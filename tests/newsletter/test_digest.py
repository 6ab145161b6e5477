from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from post_office.models import STATUS, Email

from articles.models import ArticleStatus
from newsletter import mails, services
from newsletter.models import Delivery, DeliveryStatus, Digest
from tests.articles.factories import ArticleFactory

from .factories import DigestFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def send(*args: str) -> str:
    out = StringIO()
    call_command("send_newsletter", *args, stdout=out)
    return out.getvalue()


def later(**delta):
    return time_machine.travel(timezone.now() + timezone.timedelta(**delta), tick=True)


def inbox(address: str):
    return [message for message in mail.outbox if message.to == [address]]


def test_first_digest_holds_the_published_articles_of_the_last_days(settings, topics):
    settings.NEWSLETTER_FIRST_DIGEST_DAYS = 7
    now = timezone.now()
    fresh = ArticleFactory(category=topics["news"], published_at=now - timezone.timedelta(days=2))
    ArticleFactory(category=topics["news"], published_at=now - timezone.timedelta(days=8))
    ArticleFactory(category=topics["news"], draft=True)
    ArticleFactory(category=topics["news"], published_at=now + timezone.timedelta(hours=1))
    ArticleFactory(category=topics["news"], status=ArticleStatus.UNPUBLISHED, published_at=now)
    SubscriberFactory(email="all@example.com")

    output = send()

    digest = Digest.objects.get()
    assert list(digest.articles.all()) == [fresh]
    assert not digest.in_progress and digest.completed_at
    [message] = inbox("all@example.com")
    assert fresh.title in message.body
    assert "1 articles" in output or "1 article" in output


def test_each_digest_starts_where_the_previous_one_stopped(topics):
    first = ArticleFactory(category=topics["news"])
    scheduled = ArticleFactory(
        category=topics["news"], published_at=timezone.now() + timezone.timedelta(minutes=30)
    )
    SubscriberFactory(email="reader@example.com")
    send()

    with later(hours=1):
        second = ArticleFactory(category=topics["reviews"], published_at=timezone.now())
        with later(minutes=5):
            send()

    first_digest, second_digest = Digest.objects.order_by("cutoff")
    assert set(first_digest.articles.all()) == {first}
    # The scheduled article went live in between, so it is in the second, exactly once.
    assert set(second_digest.articles.all()) == {scheduled, second}
    assert second_digest.since == first_digest.cutoff
    first_mail, second_mail = inbox("reader@example.com")
    assert first.title in first_mail.body and scheduled.title not in first_mail.body
    assert first.title not in second_mail.body and second.title in second_mail.body


def test_nothing_new_means_no_digest_and_the_window_is_kept(topics):
    SubscriberFactory(email="reader@example.com")
    DigestFactory(cutoff=timezone.now() - timezone.timedelta(hours=1))

    output = send()

    assert "No new articles" in output
    assert Digest.objects.count() == 1
    assert mail.outbox == []

    article = ArticleFactory(category=topics["news"], published_at=timezone.now())
    with later(minutes=5):
        send()
    assert list(Digest.objects.latest().articles.all()) == [article]


def test_subscribers_get_only_their_topics_and_none_means_all(topics, fresh_articles):
    chip, laptop = fresh_articles["chip"], fresh_articles["laptop"]
    SubscriberFactory(email="news@example.com", topics=[topics["news"]])
    SubscriberFactory(email="reviews@example.com", topics=[topics["reviews"]])
    SubscriberFactory(email="both@example.com", topics=[topics["news"], topics["reviews"]])
    SubscriberFactory(email="all@example.com")

    send()

    [news] = inbox("news@example.com")
    # The chip story sits in a subsection of News: the category tree counts it in.
    assert chip.title in news.body and laptop.title not in news.body
    assert news.subject == "Newsroom: 1 new article"
    [reviews] = inbox("reviews@example.com")
    assert laptop.title in reviews.body and chip.title not in reviews.body
    for address in ("both@example.com", "all@example.com"):
        [message] = inbox(address)
        assert chip.title in message.body and laptop.title in message.body
        assert message.subject == "Newsroom: 2 new articles"


def test_a_subscriber_with_nothing_new_in_their_topics_gets_no_mail(topics):
    ArticleFactory(category=topics["reviews"])
    quiet = SubscriberFactory(email="news-only@example.com", topics=[topics["news"]])

    output = send()

    assert inbox("news-only@example.com") == []
    delivery = Delivery.objects.get(subscriber=quiet)
    assert delivery.status == DeliveryStatus.SKIPPED
    assert delivery.email is None
    assert "skipped 1 subscribers" in output


def test_only_active_subscribers_get_the_digest(fresh_articles):
    SubscriberFactory(email="active@example.com")
    SubscriberFactory(email="pending@example.com", pending=True)
    SubscriberFactory(email="gone@example.com", unsubscribed=True)

    send()

    assert [message.to for message in mail.outbox] == [["active@example.com"]]


def test_digest_links_use_the_public_site_url(fresh_articles):
    subscriber = SubscriberFactory(email="links@example.com")

    send()

    [message] = inbox("links@example.com")
    html = message.alternatives[0][0]
    article_url = "https://news.example/news/it-news/new-chip/"
    unsubscribe_url = f"https://news.example{subscriber.get_unsubscribe_url()}"
    assert article_url in message.body and f'href="{article_url}"' in html
    assert unsubscribe_url in message.body and f'href="{unsubscribe_url}"' in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_html_part_escapes_article_text(topics):
    ArticleFactory(category=topics["news"], title="Chips <script>alert(1)</script> & more")
    SubscriberFactory(email="safe@example.com")

    send()

    [message] = inbox("safe@example.com")
    html = message.alternatives[0][0]
    assert "<script>" not in html
    assert "Chips &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert "Chips <script>alert(1)</script> & more" in message.body  # plain text stays plain


def test_a_rerun_after_a_crash_sends_to_the_rest_and_never_twice(monkeypatch, fresh_articles):
    addresses = [f"r{number}@example.com" for number in range(5)]
    for address in addresses:
        SubscriberFactory(email=address)
    calls = {"count": 0}
    real_mail_for = mails.DigestRenderer.mail_for

    def crash_on_the_fourth(self, subscriber, topic_ids):
        calls["count"] += 1
        if calls["count"] == 4:
            raise RuntimeError("the machine went down")
        return real_mail_for(self, subscriber, topic_ids)

    monkeypatch.setattr(mails.DigestRenderer, "mail_for", crash_on_the_fourth)
    with pytest.raises(RuntimeError):
        send("--batch-size=2")

    # The first batch was committed; the second rolled back as a whole.
    digest = Digest.objects.get()
    assert digest.in_progress
    assert Delivery.objects.count() == 2
    assert Email.objects.count() == 2

    monkeypatch.setattr(mails.DigestRenderer, "mail_for", real_mail_for)
    send("--batch-size=2")
    send("--batch-size=2")

    assert Digest.objects.count() == 1
    digest.refresh_from_db()
    assert not digest.in_progress
    assert sorted(address for message in mail.outbox for address in message.to) == addresses
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 5


# post_office's command closes the database connection between batches, which a
# test wrapped in a transaction cannot survive.
@pytest.mark.django_db(transaction=True)
def test_queue_only_leaves_sending_to_the_queue_command(fresh_articles):
    SubscriberFactory(email="later@example.com")

    send("--queue-only")
    assert mail.outbox == []
    assert Email.objects.get().status == STATUS.queued

    call_command("send_queued_mail", stdout=StringIO())
    send()  # nothing new; brings the delivery history up to date

    assert len(inbox("later@example.com")) == 1
    assert Delivery.objects.get().status == DeliveryStatus.SENT


def test_an_article_unpublished_before_a_resumed_run_is_left_out(topics, fresh_articles):
    SubscriberFactory(email="reader@example.com")
    digest = services.digest_start()
    chip = fresh_articles["chip"]
    chip.status = ArticleStatus.UNPUBLISHED
    chip.save()

    send()

    assert Digest.objects.get() == digest
    [message] = inbox("reader@example.com")
    assert chip.title not in message.body
    assert fresh_articles["laptop"].title in message.body


def test_only_one_digest_can_be_in_progress():
    DigestFactory(in_progress=True, completed_at=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        DigestFactory(in_progress=True, completed_at=None)


def test_a_delivery_is_recorded_once_per_digest_and_subscriber():
    subscriber = SubscriberFactory()
    digest = DigestFactory()
    Delivery.objects.create(digest=digest, subscriber=subscriber)

    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(digest=digest, subscriber=subscriber)


def test_batch_size_must_be_positive():
    with pytest.raises(CommandError):
        send("--batch-size=0")
