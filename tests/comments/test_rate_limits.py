"""How often readers may post and vote: members per account, guests per address, and
the members behind one address (an office, a school, a carrier's NAT) together up to a
higher cap."""

import pytest
from django.test import Client
from django.urls import reverse

from comments import conf
from comments.models import Comment
from tests.articles.factories import UserFactory

from .conftest import form_data
from .factories import CommentFactory

pytestmark = pytest.mark.django_db

POST_URL = reverse("comments:post")
NAT = "198.51.100.20"


def member_at(address: str, user=None) -> Client:
    client = Client(REMOTE_ADDR=address)
    client.force_login(user or UserFactory())
    return client


def post(client: Client, article, text: str) -> int:
    return client.post(POST_URL, form_data(article, comment=text)).status_code


def vote(client: Client, comment) -> int:
    return client.post(reverse("comments:vote", args=[comment.pk]), {"value": "up"}).status_code


@pytest.fixture
def default_limits(settings):
    """The shipped limits, not the roomy ones the other comment tests use."""
    for name in (
        "COMMENTS_POST_RATE",
        "COMMENTS_VOTE_RATE",
        "COMMENTS_MEMBER_ADDRESS_POST_RATE",
        "COMMENTS_MEMBER_ADDRESS_VOTE_RATE",
    ):
        setattr(settings, name, conf.DEFAULTS[name])


def test_sixteen_members_behind_one_address_each_post_up_to_their_own_limit(
    article, default_limits
):
    members = [member_at(NAT) for _ in range(16)]
    for number, client in enumerate(members):
        assert [post(client, article, f"Member {number}, comment {n}") for n in range(5)] == [
            302
        ] * 5
    assert Comment.objects.count() == 16 * 5
    # The sixth comment of any one of them waits, whatever the others did.
    assert post(members[0], article, "A sixth one") == 429


def test_a_member_is_limited_per_account_wherever_they_post_from(member, article, settings):
    settings.COMMENTS_POST_RATE = "2/600"
    assert [post(member_at(f"10.0.0.{n}", member), article, f"C{n}") for n in range(3)] == [
        302, 302, 429
    ]  # fmt: skip
    assert Comment.objects.count() == 2


def test_members_behind_one_address_share_a_higher_cap(article, settings):
    settings.COMMENTS_POST_RATE = "2/600"
    settings.COMMENTS_MEMBER_ADDRESS_POST_RATE = "5/600"
    farm = [member_at(NAT) for _ in range(3)]
    statuses = [
        post(client, article, f"{n}-{i}") for n, client in enumerate(farm) for i in range(2)
    ]
    assert statuses == [302] * 5 + [429]
    # Members elsewhere are not held back by that address.
    assert post(member_at("203.0.113.5"), article, "From home") == 302


def test_guests_are_limited_per_address(article, settings):
    settings.COMMENTS_POST_RATE = "2/600"
    guests = [Client(REMOTE_ADDR=NAT) for _ in range(3)]
    assert [post(guest, article, f"Guest {n}") for n, guest in enumerate(guests)] == [
        302, 302, 429
    ]  # fmt: skip
    assert post(Client(REMOTE_ADDR="203.0.113.5"), article, "Another address") == 302


def test_member_votes_are_limited_per_account_and_guest_votes_per_address(article, settings):
    settings.COMMENTS_GUEST_VOTING = True
    settings.COMMENTS_VOTE_RATE = "2/600"
    settings.COMMENTS_MEMBER_ADDRESS_VOTE_RATE = "5/600"
    comments = CommentFactory.create_batch(2, article=article)
    members = [member_at(NAT) for _ in range(3)]
    # Each member votes up to their own limit; the third member reaches the address's cap.
    assert [vote(client, c) for client in members for c in comments[:2]] == [302] * 5 + [429]
    # Guests behind the same address have a limit of their own, per address.
    guests = [Client(REMOTE_ADDR=NAT) for _ in range(3)]
    assert [vote(guest, comments[0]) for guest in guests] == [302, 302, 429]
