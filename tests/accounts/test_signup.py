"""Reader accounts in the site's design: sign up, log in and out, reset the password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

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


def test_signing_up_logs_the_reader_in_and_returns_to_the_article(client, article):
    back = f"{article.get_absolute_url()}#comments"
    response = client.post(SIGNUP, signup_data(next=back))
    assert response["Location"] == back
    user = get_user_model().objects.get(username="newreader")
    assert user.email == "new@example.com" and not user.is_staff
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Logged in as <strong>newreader</strong>" in page
    assert "Welcome! Your account is ready." in page


def test_sign_up_refuses_a_taken_address_and_a_foreign_next(client):
    UserFactory(email="taken@example.com")
    response = client.post(SIGNUP, signup_data(email="TAKEN@example.com"))
    assert response.status_code == 200
    assert "exists already" in response.content.decode()
    response = client.post(SIGNUP, signup_data(next="https://evil.example/"))
    assert response["Location"] == "/"


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
