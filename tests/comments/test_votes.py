"""Up and down votes: one per reader, changed or withdrawn, atomic, guests only when allowed."""

import threading
from urllib.parse import quote

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from comments.models import Comment, CommentVote
from comments.selectors import Voter
from comments.services import CommentActionError, comment_vote
from comments.views import VOTER_COOKIE
from tests.articles.factories import UserFactory

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def vote_url(comment) -> str:
    return reverse("comments:vote", args=[comment.pk])


def score(comment) -> int:
    return Comment.objects.get(pk=comment.pk).score


@pytest.fixture
def comment(article):
    return CommentFactory(article=article)


def test_voting_again_withdraws_and_the_other_button_switches(member_client, member, comment):
    member_client.post(vote_url(comment), {"value": "up"})
    assert score(comment) == 1
    member_client.post(vote_url(comment), {"value": "down"})
    assert score(comment) == -1
    assert CommentVote.objects.get().value == -1
    member_client.post(vote_url(comment), {"value": "down"})
    assert score(comment) == 0
    assert not CommentVote.objects.exists()


def test_one_vote_per_member_and_votes_of_many_add_up(article, comment):
    voters = [Voter(user_id=UserFactory().pk) for _ in range(3)]
    for voter in voters:
        assert comment_vote(comment=comment, voter=voter, value=1) == 1
    assert comment_vote(comment=comment, voter=voters[0], value=-1) == -1
    assert score(comment) == 1
    assert CommentVote.objects.count() == 3


def test_a_vote_returns_to_the_comment_on_the_same_page(member_client, comment):
    page = f"{comment.article.get_absolute_url()}?sort=votes"
    response = member_client.post(vote_url(comment), {"value": "up", "next": page})
    assert response["Location"] == f"{page}#c{comment.pk}"
    outside = member_client.post(
        vote_url(comment), {"value": "up", "next": "https://evil.example/"}
    )
    assert outside["Location"] == f"{comment.article.get_absolute_url()}#c{comment.pk}"


def test_script_can_vote_and_read_the_new_score(member_client, comment):
    response = member_client.post(
        vote_url(comment), {"value": "up"}, headers={"Accept": "application/json"}
    )
    assert response.json() == {"score": 1, "vote": 1, "message": "You voted up. Score: 1."}
    again = member_client.post(
        vote_url(comment), {"value": "up"}, headers={"Accept": "application/json"}
    )
    assert again.json() == {"score": 0, "vote": 0, "message": "Your vote is withdrawn. Score: 0."}
    assert not CommentVote.objects.exists()


def test_a_vote_on_a_hidden_comment_is_refused(member_client, comment):
    Comment.objects.filter(pk=comment.pk).update(is_public=False)
    response = member_client.post(vote_url(comment), {"value": "up"})
    assert response.status_code == 404
    assert "not available" in response.content.decode()
    assert not CommentVote.objects.exists() and score(comment) == 0


def test_the_service_refuses_hidden_comments_too(member, comment):
    comment.is_removed = True
    with pytest.raises(CommentActionError):
        comment_vote(comment=comment, voter=Voter(user_id=member.pk), value=1)
    assert not CommentVote.objects.exists()


@pytest.mark.parametrize("value", ["", "sideways", "1"])
def test_an_unknown_vote_is_refused(member_client, comment, value):
    assert member_client.post(vote_url(comment), {"value": value}).status_code == 400
    assert not CommentVote.objects.exists()


def test_a_vote_on_a_missing_comment_is_a_clear_404(member_client):
    assert (
        member_client.post(reverse("comments:vote", args=[999999]), {"value": "up"}).status_code
        == 404
    )


def test_guests_are_told_to_log_in_to_vote_when_guests_may_not_vote(client, comment, settings):
    settings.COMMENTS_GUEST_VOTING = False
    response = client.post(vote_url(comment), {"value": "up"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Log in to vote</h1>" in html
    back = quote(f"{comment.article.get_absolute_url()}#c{comment.pk}", safe="/")
    assert f'href="/accounts/login/?next={back}"' in html
    assert not CommentVote.objects.exists() and score(comment) == 0
    assert VOTER_COOKIE not in response.cookies


def test_the_script_learns_a_guest_must_log_in_to_vote(client, comment, settings):
    settings.COMMENTS_GUEST_VOTING = False
    response = client.post(
        vote_url(comment), {"value": "up"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 403
    assert response.json()["login"] == "Log in to vote"
    assert response.json()["login_url"].endswith(f"%23c{comment.pk}")
    assert not CommentVote.objects.exists()


def test_a_guests_vote_by_script_counts_when_guests_may_vote(client, comment, settings):
    settings.COMMENTS_GUEST_VOTING = True
    response = client.post(
        vote_url(comment), {"value": "down"}, headers={"Accept": "application/json"}
    )
    assert response.json()["score"] == -1 and score(comment) == -1
    assert CommentVote.objects.get().guest_key
    assert VOTER_COOKIE in response.cookies


def test_too_many_votes_by_script_say_so_with_the_wait(member_client, comment, settings):
    settings.COMMENTS_VOTE_RATE = "1/600"
    headers = {"Accept": "application/json"}
    member_client.post(vote_url(comment), {"value": "up"}, headers=headers)
    response = member_client.post(vote_url(comment), {"value": "down"}, headers=headers)
    assert response.status_code == 429 and response.has_header("Retry-After")
    assert response.json()["message"].startswith("Too many votes in a short time.")
    assert score(comment) == 1


def test_guests_vote_once_per_browser_when_allowed(client, comment, settings):
    settings.COMMENTS_GUEST_VOTING = True
    first = client.post(vote_url(comment), {"value": "up"})
    cookie = first.cookies[VOTER_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    client.post(vote_url(comment), {"value": "up"})  # the same browser: withdrawn
    assert score(comment) == 0
    client.post(vote_url(comment), {"value": "up"})
    other_browser = Client()
    other_browser.post(vote_url(comment), {"value": "up"})
    assert score(comment) == 2
    assert CommentVote.objects.filter(user=None).count() == 2
    page = client.get(comment.article.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in page


def test_a_forged_voter_cookie_counts_as_a_new_browser(client, comment, settings):
    settings.COMMENTS_GUEST_VOTING = True
    client.cookies[VOTER_COOKIE] = "someone-elses-key"
    client.post(vote_url(comment), {"value": "up"})
    vote = CommentVote.objects.get()
    assert vote.guest_key != "someone-elses-key"


def test_votes_are_limited_per_ip_address(client, comment, settings):
    settings.COMMENTS_GUEST_VOTING = True
    settings.COMMENTS_VOTE_RATE = "3/600"
    for _ in range(3):
        Client().post(vote_url(comment), {"value": "up"})
    response = Client().post(vote_url(comment), {"value": "up"})
    assert response.status_code == 429
    assert score(comment) == 3


@pytest.mark.django_db(transaction=True)
def test_two_votes_at_the_same_moment_both_count(article):
    """Two connections vote on one comment at once; F() in the database keeps both."""
    if connection.vendor != "postgresql":
        pytest.skip("needs two real connections with row locking: runs in the PostgreSQL run")
    comment = CommentFactory(article=article)
    voters = [Voter(user_id=UserFactory().pk) for _ in range(2)]
    both_read = threading.Barrier(2)
    errors: list[BaseException] = []

    def vote(voter: Voter) -> None:
        try:
            # Each thread has its own connection; both load the comment (score 0)
            # before either writes, the moment a read-modify-write would lose one.
            stale = Comment.objects.get(pk=comment.pk)
            both_read.wait(timeout=10)
            comment_vote(comment=stale, voter=voter, value=1)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote, args=(voter,)) for voter in voters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert score(comment) == 2
    assert CommentVote.objects.filter(comment=comment).count() == 2
