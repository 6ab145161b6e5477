"""Hostile input, property-based: whatever a reader sends in a public form, a query
parameter, a token in a URL or a cookie, the site answers below 500 and says what went
wrong.

Hypothesis makes the input: any text (control characters, unicode, very long strings,
numbers as text, markup), the odd values in ODD, and valid forms with some fields
replaced. Lone surrogates are left out: they cannot be encoded in a request.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.articles.factories import ArticleFactory, CategoryFactory, UserFactory
from tests.comments.conftest import form_data
from tests.comments.factories import CommentFactory, MemberCommentFactory

from .urlwalk import walk

pytestmark = pytest.mark.django_db

ODD = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e9",
    "0x10",
    "NaN",
    "9" * 25,
    "9" * 5000,
    "１２",  # full-width digits: isdigit() and int() accept them
    "\x00",
    "%00",
    "\r\nSet-Cookie: x=1",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "../../etc/passwd",
    "//evil.example/",
    "javascript:alert(1)",
    "é" * 3000,
    "x" * 20000,
]
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80)
HOSTILE = st.one_of(
    TEXT,
    st.sampled_from(ODD),
    st.integers().map(str),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30),
    TEXT.map(lambda text: text * 500),
)
# Function-scoped fixtures (the database, the client) are shared by the examples of
# one test, which is what these tests want: one site, many requests.
# How many examples: tests/conftest.py's profiles (`--hypothesis-profile=thorough` for more).
hostile_settings = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

REDIRECTS = {301, 302, 303}
# A form shown again says what to change: a field's error list or a message in an alert.
FORM_ERROR = re.compile(r'role="alert"|class="errorlist|class="nl-error|aria-invalid="true"')


def says_why(response, *, form_post: bool = False) -> None:
    """Below 500; a refusal is a page with a heading and a reason, and a form sent back
    to the reader shows what is wrong with it."""
    status = response.status_code
    assert status < 500, status
    if status in REDIRECTS or (status == 200 and not form_post):
        return
    body = response.content.decode()
    main = body.partition("<main")[2]
    assert main, (status, body[:300])
    if status == 200:
        assert FORM_ERROR.search(main), main[:2000]
    else:
        assert "<h1" in main and "<p" in main.partition("<h1")[2], (status, main[:2000])


def post_form(client: Client, path: str, data: dict):
    # Browsers send forms urlencoded, so the fields arrive as a browser would send them.
    return client.post(
        path, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
    )


@pytest.fixture(autouse=True)
def _room_for_many_requests(settings):
    # Every example comes from one address; the limits themselves have tests of their own.
    settings.COMMENTS_POST_RATE = settings.COMMENTS_VOTE_RATE = "100000/600"
    settings.NEWSLETTER_RATE_LIMIT = 100000
    settings.ACCOUNTS_SIGNUP_RATE = "100000/600"
    settings.COMMENTS_GUEST_VOTING = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.READER_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def site():
    """An article with a guest's and a member's comment, and the member's browser."""
    article = ArticleFactory(title="Chips get smaller")
    guest_comment = CommentFactory(article=article)
    member = UserFactory(username="rita", email="rita@example.com")
    own_comment = MemberCommentFactory(article=article, user=member)
    member_client = Client(raise_request_exception=False)
    member_client.force_login(member)
    return {
        "article": article,
        "guest_comment": guest_comment,
        "own_comment": own_comment,
        "member_client": member_client,
        "guest_client": Client(raise_request_exception=False),
    }


@pytest.fixture
def topic():
    return CategoryFactory(name="News", slug="news")


COMMENT_FIELDS = [
    "comment",
    "name",
    "email",
    "url",
    "honeypot",
    "reply_to",
    "object_pk",
    "content_type",
    "security_hash",
    "timestamp",
    "notify",
    "next",
]


# ------------------------------------------------------------------------------
# Forms
# ------------------------------------------------------------------------------
@hostile_settings
@given(
    changes=st.dictionaries(st.sampled_from(COMMENT_FIELDS), HOSTILE, min_size=1, max_size=4),
    as_member=st.booleans(),
)
@example(changes={"reply_to": "9" * 30}, as_member=False)
@example(changes={"object_pk": "9" * 30}, as_member=True)
@example(changes={"timestamp": "9" * 30}, as_member=False)
def test_a_hostile_comment_form_is_refused_with_a_reason(site, changes, as_member):
    client = site["member_client"] if as_member else site["guest_client"]
    data = {**form_data(site["article"], next="/"), **changes}
    says_why(post_form(client, "/comments/post/", data), form_post=True)


@hostile_settings
@given(pk=st.one_of(st.none(), HOSTILE), value=HOSTILE, next_url=HOSTILE, as_member=st.booleans())
def test_a_hostile_vote_is_refused_with_a_reason(site, pk, value, next_url, as_member):
    client = site["member_client"] if as_member else site["guest_client"]
    target = site["guest_comment"].pk if pk is None else quote(pk, safe="")
    response = post_form(client, f"/comments/{target}/vote/", {"value": value, "next": next_url})
    says_why(response, form_post=True)


@hostile_settings
@given(pk=st.one_of(st.none(), HOSTILE), next_url=HOSTILE)
def test_a_hostile_report_is_refused_with_a_reason(site, pk, next_url):
    target = site["guest_comment"].pk if pk is None else quote(pk, safe="")
    response = post_form(site["member_client"], f"/comments/{target}/report/", {"next": next_url})
    says_why(response, form_post=True)
    if response.status_code in REDIRECTS:
        assert not response["Location"].startswith(("//", "http:", "https:", "javascript:"))


@hostile_settings
@given(text=HOSTILE)
@example(text="\x00")  # PostgreSQL cannot store NUL: was a 500
def test_a_hostile_edit_is_refused_with_a_reason(site, text):
    path = f"/comments/{site['own_comment'].pk}/edit/"
    says_why(post_form(site["member_client"], path, {"comment": text}), form_post=True)


@hostile_settings
@given(
    email=HOSTILE,
    topics=st.lists(st.one_of(HOSTILE, st.sampled_from(["1", "2"])), max_size=4),
    website=st.one_of(st.just(""), HOSTILE),
)
@example(email="reader@example.com", topics=["9" * 30], website="")
def test_a_hostile_newsletter_sign_up_is_refused_with_a_reason(
    client, topic, email, topics, website
):
    data = {"email": email, "topics": topics, "website": website}
    says_why(post_form(client, "/newsletter/", data), form_post=True)


@hostile_settings
@given(username=HOSTILE, password=HOSTILE, next_url=HOSTILE)
def test_a_hostile_login_is_refused_with_a_reason(client, username, password, next_url):
    data = {"username": username, "password": password, "next": next_url}
    response = post_form(client, "/accounts/login/", data)
    says_why(response, form_post=True)
    assert response.status_code not in REDIRECTS  # nobody has these credentials


@hostile_settings
@given(
    fields=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(("username", "email", "password1", "password2", "next"), HOSTILE),
    )
)
def test_a_hostile_sign_up_is_refused_with_a_reason(client, fields):
    says_why(post_form(client, "/accounts/signup/", fields), form_post=True)


@hostile_settings
@given(email=HOSTILE)
def test_a_hostile_password_reset_request_is_answered_with_a_page(client, email):
    says_why(post_form(client, "/accounts/password_reset/", {"email": email}), form_post=True)


# ------------------------------------------------------------------------------
# Query parameters
# ------------------------------------------------------------------------------
ARTICLE_PARAMETERS = ["sort", "page", "comments", "reply", "next"]


@hostile_settings
@given(
    params=st.dictionaries(st.sampled_from(ARTICLE_PARAMETERS), HOSTILE, min_size=1),
    as_member=st.booleans(),
)
@example(params={"reply": "9" * 5000}, as_member=False)
@example(params={"reply": "-0"}, as_member=True)
def test_hostile_query_parameters_on_the_article_page_give_a_page(site, params, as_member):
    client = site["member_client"] if as_member else site["guest_client"]
    says_why(client.get(site["article"].get_absolute_url(), params))


@hostile_settings
@given(page=HOSTILE, q=HOSTILE, c=HOSTILE, next_url=HOSTILE, p=HOSTILE)
def test_hostile_query_parameters_on_lists_and_forms_give_a_page(site, page, q, c, next_url, p):
    client = site["guest_client"]
    article = site["article"]
    for path, params in [
        ("/", {"page": page}),
        (article.category.get_absolute_url(), {"page": page}),
        ("/search/", {"q": q, "page": page}),
        ("/comments/sent/", {"c": c}),
        ("/accounts/login/", {"next": next_url}),
        ("/accounts/signup/", {"next": next_url}),
        ("/sitemaps/articles.xml", {"p": p}),
        ("/newsletter/", {"email": q}),
    ]:
        says_why(client.get(path, params))


# ------------------------------------------------------------------------------
# Tokens in URLs, and cookies
# ------------------------------------------------------------------------------
# Every public route with a placeholder: confirm, unsubscribe, mute and preview links,
# password-reset links, tags, authors, feeds, sitemaps, comment ids.
# Not media/: with DEBUG on Django serves uploads itself, in production the web server does.
TOKEN_ROUTES = sorted(
    {p.route for p in walk() if p.placeholders and not p.route.startswith(("admin/", "media/"))}
)


def test_the_token_routes_include_every_link_from_a_mail():
    for route in (
        "newsletter/confirm/<str:token>/",
        "newsletter/unsubscribe/<str:key>/",
        "comments/mute/<str:token>/",
        "comments/confirm/<str:token>/",
        "comments/mute-followups/<str:key>/",
        "preview/<str:token>/",
        "accounts/reset/<uidb64>/<token>/",
    ):
        assert route in TOKEN_ROUTES


@pytest.mark.parametrize("route", TOKEN_ROUTES)
@settings(hostile_settings, max_examples=max(15, settings().max_examples // 3))
@given(token=HOSTILE.filter(bool))
@example(token="\x00")  # PostgreSQL cannot compare a text with NUL: was a 500 on many routes
@example(token="MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkw")  # base64 of a huge user id
@example(token="eyJzIjoiYSJ9:1u2vYk:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
def test_a_hostile_token_in_any_public_url_is_refused_with_a_reason(route, token):
    client = Client(raise_request_exception=False)
    url = "/" + re.sub(r"<[^>]+>", quote(token, safe=""), route)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code < 500, (method.__name__, url)
        if response.status_code >= 400 and response.status_code != 405:
            says_why(response)


@hostile_settings
@given(
    cookies=st.dictionaries(
        st.sampled_from(["comment_voter", "sessionid", "csrftoken", "django_language"]),
        st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=300),
        min_size=1,
    )
)
def test_hostile_cookies_do_not_break_reading_or_voting(site, cookies):
    client = Client(raise_request_exception=False)
    for name, value in cookies.items():
        client.cookies[name] = value
    says_why(client.get(site["article"].get_absolute_url()))
    response = post_form(client, f"/comments/{site['guest_comment'].pk}/vote/", {"value": "up"})
    assert response.status_code < 500
    cache.clear()
