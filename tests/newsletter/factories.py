import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from newsletter.models import Delivery, DeliveryStatus, Digest, Subscriber, SubscriberStatus


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    status = SubscriberStatus.ACTIVE
    requested_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
    consent_at = factory.SelfAttribute("requested_at")
    confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(status=SubscriberStatus.PENDING, consent_at=None, confirmed_at=None)
        unsubscribed = factory.Trait(
            status=SubscriberStatus.UNSUBSCRIBED,
            unsubscribed_at=factory.LazyFunction(timezone.now),
        )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class DigestFactory(DjangoModelFactory):
    class Meta:
        model = Digest
        skip_postgeneration_save = True

    cutoff = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
    since = factory.LazyAttribute(lambda digest: digest.cutoff - timezone.timedelta(days=7))
    in_progress = False
    completed_at = factory.SelfAttribute("cutoff")

    @factory.post_generation
    def articles(self, create, extracted, **kwargs):
        if create and extracted:
            self.articles.set(extracted)


class DeliveryFactory(DjangoModelFactory):
    class Meta:
        model = Delivery

    digest = factory.SubFactory(DigestFactory)
    subscriber = factory.SubFactory(SubscriberFactory)
    status = DeliveryStatus.SENT
    article_count = 1
