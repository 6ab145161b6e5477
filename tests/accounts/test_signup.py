"""Reader accounts in the site's design: sign up, log in and out, reset the password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.services import address_confirmed
from tests.articles.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = reverse("signup")


def signup_data(**fields) -> dict:
    data = {
        "username": "newreader",
        "email": "new@example.com",
        "password1": "a long and unusual passphrase",
        "password2": "a long and unusual passphrase",
    }
    data.update(fields)
    return data


def confirmation_link() -> str:
    return re.search(r"https?://\S+/accounts/confirm/\S+/", mail.outbox[-1].body).group(0)


def test_signing_up_confirms_the_address_then_logs_in_and_returns_to_the_article(client, article):
    back = f"{article.get_absolute_url()}#comments"
    response = client.post(SIGNUP, signup_data(next=back))
    assert response.status_code == 200
    assert "Check your mail" in response.content.decode()
    user = get_user_model().objects.get(username="newreader")
    assert user.email == "new@example.com" and not user.is_staff
    assert not address_confirmed(user)
    assert "_auth_user_id" not in client.session  # not logged in before the address is proved
    link = confirmation_link()
    assert len(link) < 200
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert client.get(path).status_code == 200  # a button: mail scanners open links
    assert not address_confirmed(user)
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == back
    user.refresh_from_db()
    assert address_confirmed(user)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Logged in as <strong>newreader</strong>" in page
    assert "Your address is confirmed. Welcome!" in page


def test_sign_up_with_a_taken_address_answers_the_same_and_tells_only_its_owner(client):
    UserFactory(username="owner", email="taken@example.com")
    fresh = client.post(SIGNUP, signup_data(username="someone", email="fresh@example.com"))
    taken = client.post(SIGNUP, signup_data(email="TAKEN@example.com"))
    assert taken.status_code == fresh.status_code == 200

    def without_address(response, address):
        return response.content.decode().replace(address, "ADDRESS")

    assert (
        without_address(taken, "TAKEN@example.com").split("<main")[1].split("</main>")[0]
        == without_address(fresh, "fresh@example.com").split("<main")[1].split("</main>")[0]
    )
    assert not get_user_model().objects.filter(username="newreader").exists()
    assert [message.to for message in mail.outbox] == [["fresh@example.com"],
                                                       ["taken@example.com"]]  # fmt: skip
    assert "has an account already" in mail.outbox[1].body
    assert "/accounts/confirm/" not in mail.outbox[1].body


def test_a_confirmation_link_that_is_forged_expired_or_for_another_address_fails(client, settings):
    client.post(SIGNUP, signup_data())
    link = confirmation_link()
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    for broken in (path[:-6] + "xxxxx/", "/accounts/confirm/nonsense/", "/accounts/confirm/%00/"):
        assert client.get(broken).status_code == 400
        assert client.post(broken).status_code == 400
    user = get_user_model().objects.get(username="newreader")
    user.email = "changed@example.com"
    user.save()
    assert client.post(path).status_code == 400
    user.email = "new@example.com"
    user.save()
    settings.ACCOUNTS_ADDRESS_CONFIRMATION_MAX_AGE = -1
    assert client.post(path).status_code == 400
    assert not address_confirmed(user)


def test_a_foreign_next_is_never_followed_after_confirmation(client):
    client.post(SIGNUP, signup_data(next="https://evil.example/"))
    path = "/" + confirmation_link().split("://", 1)[1].split("/", 1)[1]
    assert client.post(path)["Location"] == "/"


def test_an_unconfirmed_member_cannot_comment_yet_and_can_ask_for_a_new_link(client, article):
    from tests.comments.conftest import form_data

    client.post(SIGNUP, signup_data())
    user = get_user_model().objects.get(username="newreader")
    client.force_login(user)
    response = client.post(reverse("comments:post"), form_data(article, comment="My first."))
    assert response.status_code == 403
    html = response.content.decode()
    assert "confirm your address first" in html and "My first." in html  # the text is kept
    before = len(mail.outbox)
    client.post(reverse("address-confirmation-resend"), {"next": article.get_absolute_url()})
    assert len(mail.outbox) == before + 1
    client.post("/" + confirmation_link().split("://", 1)[1].split("/", 1)[1])
    response = client.post(reverse("comments:post"), form_data(article, comment="My first."))
    assert response.status_code == 302
    assert article.comments.filter(comment="My first.", user=user).exists()


def test_accounts_not_made_by_sign_up_are_trusted_as_their_maker_vouched(member):
    assert address_confirmed(member)


def test_sign_up_needs_matching_passwords_and_an_email(client):
    response = client.post(SIGNUP, signup_data(password2="different", email=""))
    body = response.content.decode()
    assert "didn’t match" in body or "didn't match" in body
    assert "This field is required." in body
    assert not get_user_model().objects.filter(username="newreader").exists()


def test_account_pages_use_the_site_design(client):
    for name in ("login", "signup", "password_reset"):
        html = client.get(reverse(name)).content.decode()
        assert 'class="site-header"' in html and 'class="account-page"' in html, name


def test_the_article_links_to_log_in_and_back(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    url = article.get_absolute_url()
    assert f'href="/accounts/login/?next={url}%23comments">Log in</a>' in html


def test_logging_in_and_out_returns_to_the_comments(client, member, article):
    back = f"{article.get_absolute_url()}#comments"
    response = client.post(
        reverse("login"),
        {"username": member.username, "password": "correct horse battery staple", "next": back},
    )
    assert response["Location"] == back
    response = client.post(reverse("logout"), {"next": back})
    assert response["Location"] == back
    assert "Log in" in client.get(article.get_absolute_url()).content.decode()


def test_a_wrong_password_gets_a_clear_message(client, member):
    response = client.post(reverse("login"), {"username": member.username, "password": "nope"})
    assert response.status_code == 200
    assert "enter a correct username and password" in response.content.decode()


def test_password_reset_mail_links_to_the_public_site(client, member, settings):
    settings.SITE_URL = "https://news.example.org"
    client.post(reverse("password_reset"), {"email": member.email})
    [message] = mail.outbox
    assert message.subject == "Your new password for Newsroom"
    link = re.search(r"https://news\.example\.org/accounts/reset/\S+/", message.body).group(0)
    path = link.removeprefix("https://news.example.org")
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another long passphrase", "new_password2": "another long passphrase"},
    )
    assert response["Location"] == reverse("password_reset_complete")
    member.refresh_from_db()
    assert member.check_password("another long passphrase")
