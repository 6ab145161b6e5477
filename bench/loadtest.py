"""Load test: the site under gunicorn holds a burst of writes and loses none of them.

    .venv/bin/python bench/loadtest.py                      # SQLite, then PostgreSQL if one answers
    .venv/bin/python bench/loadtest.py --database postgres  # one of them
    .venv/bin/python bench/loadtest.py --database postgres --restart-postgres

A throwaway database (a temporary SQLite file, or `newsroom_loadtest` on the PostgreSQL
server that LOADTEST_DATABASE_URL names, postgres://postgres@127.0.0.1:5432/ by default)
is migrated and filled by `seed_demo` plus MEMBERS accounts. gunicorn serves it on a free
loopback port with WORKERS sync workers, DEBUG off and Redis (127.0.0.1:6379, db 14, a key
prefix of its own, removed afterwards) as the cache that every worker shares. CLIENTS
threads on loopback, half of them members who log in through the login form, half guests,
then post COMMENTS comments, VOTES votes and SIGNUPS newsletter sign-ups between page
reads. Each client sends from an address of its own (X-Forwarded-For, with
CLIENT_IP_PROXY_COUNT=1 as behind one proxy), and the per-address limits of the run
(LIMITS) are set a little below each client's share, so that some writes are refused.

Every response is recorded, then checked against the database: no 5xx; every accepted
comment is stored exactly once (members' public, guests' held for review under
COMMENTS_GUESTS=moderate) and no refused one is; every voter's votes are what their last
accepted vote left; every comment's score is the sum of its votes; every accepted sign-up
is a subscriber; every refusal is a 429 that shows the reader's text (or the vote's
message) again. The figures go to bench/results/loadtest-<database>.txt.

--restart-postgres restarts the machine's PostgreSQL once, half-way through the writes
(`pg_ctlcluster --skip-systemctl-redirect <version> main restart`, as root), and checks
that errors come only while it is down or reconnecting, and that the same gunicorn serves
writes again afterwards (CONN_HEALTH_CHECKS replaces the dead connections).

Bounded: fixed counts, a socket timeout per request and a hard limit on the whole run
(--timeout, 600 s by default: the machine has 2 CPUs, shared); every request goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from io import StringIO
from pathlib import Path

# Run as a script, so bench/ itself is on the path.
from common import (  # noqa: I001
    Gunicorn,
    database_url,
    database_version,
    free_port,
    port_answers,
    setup_django,
    write_result,
)

CLIENTS = 16
MEMBERS = 8  # clients 0..MEMBERS-1 log in; the others are guests
WORKERS = 4
COMMENTS = 1000
VOTES = 2000
SIGNUPS = 500
TARGET_ARTICLES = 5
PASSWORD = "loadtest-password-1"  # noqa: S105 - throwaway accounts in a throwaway database
POSTGRES_NAME = "newsroom_loadtest"
DATABASE_VARIABLE = "LOADTEST_DATABASE_URL"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/newsroom"
REDIS_URL = "redis://127.0.0.1:6379/14"
REQUEST_TIMEOUT = 60
# After PostgreSQL is back, the seconds in which errors still count as the outage's:
# a worker's first request on a dead connection, its reconnection.
RECOVERY_GRACE = 5.0
# Per client address, a little below each client's share (1000/16 comments, 2000/16 votes,
# 500/16 sign-ups), so that every client has a few writes refused at the end of its run.
LIMITS = {
    "COMMENTS_POST_RATE": "58/3600",
    "COMMENTS_VOTE_RATE": "118/3600",
    "NEWSLETTER_RATE_LIMIT": "29",
    "NEWSLETTER_RATE_LIMIT_WINDOW": "3600",
}
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)
VOTE_REFUSED = "Too many votes in a short time"
# After each write, a read of some page with this chance (and before some comments, the
# article page, whose form the comment is posted from).
READ_SHARE = 0.3
SEARCHES = ["chip", "phone", "Linux", "security", "AI model", "battery"]


# ------------------------------------------------------------------------------
# A browser: cookies, CSRF, forms
# ------------------------------------------------------------------------------
@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class FormFields(HTMLParser):
    """The inputs of the form with a given id (hidden fields, mostly)."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif tag == "input" and self.inside and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_fields(body: str, form_id: str) -> dict[str, str]:
    parser = FormFields(form_id)
    parser.feed(body)
    return parser.fields


class Browser:
    """One reader's browser: its own address, its cookies, no redirects followed."""

    def __init__(self, *, port: int, address: str):
        self.port = port
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, *, fields: dict | None = None, accept: str = ""
    ) -> Response:
        headers = {
            "User-Agent": USER_AGENT,
            "X-Forwarded-For": self.address,
            "Accept-Language": "en",
        }
        if accept:
            headers["Accept"] = accept
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            body = urllib.parse.urlencode(fields or {}, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            headers["Referer"] = f"http://127.0.0.1:{self.port}/"
            if "csrftoken" in self.cookies:
                headers["X-CSRFToken"] = self.cookies["csrftoken"]
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            text = raw.read().decode("utf-8", "replace")
            for header in raw.msg.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                for name, morsel in jar.items():
                    if morsel.value and morsel["max-age"] != "0":
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
            return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, text)
        finally:
            conn.close()


# ------------------------------------------------------------------------------
# What was sent and what came back
# ------------------------------------------------------------------------------
@dataclass
class Record:
    kind: str  # read, login, comment, vote, sign-up
    client: int
    started: float  # time.monotonic()
    seconds: float
    status: int  # 0: no answer (connection refused, reset, timed out)
    outcome: str  # accepted, refused, other
    sent: dict = field(default_factory=dict)
    note: str = ""


@dataclass
class Shared:
    """What the clients know together: the public comments they may vote on."""

    port: int
    articles: list[dict]  # {"pk", "url"}
    public: dict[int, list[int]]  # article pk -> public comment ids
    records: list[Record] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    writes_done: int = 0
    half_way: threading.Event = field(default_factory=threading.Event)

    def add(self, record: Record) -> None:
        with self.lock:
            self.records.append(record)
            if record.kind in ("comment", "vote", "sign-up"):
                self.writes_done += 1
                if self.writes_done >= (COMMENTS + VOTES + SIGNUPS) // 2:
                    self.half_way.set()

    def public_comment(self, rng: random.Random) -> tuple[int, int]:
        with self.lock:
            article = rng.choice(self.articles)
            return article["pk"], rng.choice(self.public[article["pk"]])

    def published(self, article_pk: int, comment_pk: int) -> None:
        with self.lock:
            self.public[article_pk].append(comment_pk)


def share(total: int, client: int) -> int:
    """`total` split over CLIENTS as evenly as it goes."""
    return total // CLIENTS + (1 if client < total % CLIENTS else 0)


class Client(threading.Thread):
    def __init__(self, number: int, shared: Shared, username: str | None):
        super().__init__(name=f"client-{number}", daemon=True)
        self.number = number
        self.shared = shared
        self.username = username
        self.rng = random.Random(number)  # noqa: S311 - a load pattern, not security
        self.browser = Browser(port=shared.port, address=f"127.0.1.{number + 1}")
        self.forms: dict[int, dict[str, str]] = {}  # article pk -> comment form fields
        self.votes: dict[int, int] = {}  # comment pk -> this voter's vote now
        self.guest_key = ""
        self.error: BaseException | None = None

    # Each request, timed and recorded -------------------------------------------
    def send(self, kind: str, method: str, path: str, **kwargs) -> Response:
        started = time.monotonic()
        try:
            response = self.browser.request(method, path, **kwargs)
        except (OSError, http.client.HTTPException) as error:
            response = Response(0, {}, repr(error))
        self.last = (started, time.monotonic() - started)
        if kind == "read":
            outcome = "accepted" if response.status == 200 else "other"
            self.record(kind, response, outcome, sent={"path": path})
        return response

    def record(self, kind: str, response: Response, outcome: str, **kwargs) -> None:
        started, seconds = self.last
        self.shared.add(
            Record(kind, self.number, started, seconds, response.status, outcome, **kwargs)
        )

    # The reader's actions ----------------------------------------------------------
    def read_somewhere(self) -> None:
        article = self.rng.choice(self.shared.articles)
        path = self.rng.choice(
            [
                "/",
                article["url"],
                article["url"] + "?sort=votes",
                "/search/?q=" + urllib.parse.quote(self.rng.choice(SEARCHES)),
                article["category_url"],
            ]
        )
        self.send("read", "GET", path)

    def form_token(self) -> str:
        """The CSRF cookie's secret, fetched as static/js/form-token.js does when the
        pages read so far (cached for every reader) left it out."""
        if "csrftoken" not in self.browser.cookies:
            self.send("read", "GET", "/form-token/")
        return self.browser.cookies.get("csrftoken", "")

    def log_in(self) -> None:
        self.send("read", "GET", "/accounts/login/")
        fields = {"username": self.username, "password": PASSWORD, "next": "/"}
        fields["csrfmiddlewaretoken"] = self.form_token()
        response = self.send("login", "POST", "/accounts/login/", fields=fields)
        ok = response.status == 302 and "sessionid" in self.browser.cookies
        self.record("login", response, "accepted" if ok else "other", sent={"user": self.username})
        if not ok:
            raise RuntimeError(f"{self.username} could not log in: {response.status}")

    def comment(self, n: int) -> None:
        article = self.rng.choice(self.shared.articles)
        if article["pk"] not in self.forms or self.rng.random() < 0.2:
            page = self.send("read", "GET", article["url"])
            fields = form_fields(page.body, "comment-form")
            if "security_hash" in fields:
                self.forms[article["pk"]] = fields
            elif article["pk"] not in self.forms:
                # No form to post from (the page failed, as while the database restarts).
                self.record("comment", page, "other", sent={"marker": "", "guest": False})
                return
        fields = dict(self.forms.get(article["pk"], {}))
        marker = f"loadtest-{self.number}-{n}-{secrets.token_hex(4)}"
        text = f"{marker}: a thought on the story, under load. Ünïcödé & <b>markup</b> too."
        fields.update(comment=text, honeypot="", csrfmiddlewaretoken=self.form_token())
        if self.username is None:
            fields.update(name=f"Guest {self.number}", email=f"guest{self.number}@example.com")
        if self.rng.random() < 0.3:
            with self.shared.lock:
                answered = self.rng.choice(self.shared.public[article["pk"]])
            fields["reply_to"] = str(answered)
        response = self.send("comment", "POST", "/comments/post/", fields=fields)
        sent = {"marker": marker, "text": text, "guest": not self.username}
        if response.status == 302 and "/comments/sent/?c=" in response.location:
            pk = int(response.location.rsplit("c=", 1)[1])
            sent["pk"] = pk
            self.record("comment", response, "accepted", sent=sent)
            if self.username:
                self.shared.published(article["pk"], pk)
        elif response.status == 429:
            kept = _html_escaped(text) in response.body
            self.record("comment", response, "refused", sent=sent, note="" if kept else "text lost")
        else:
            self.record("comment", response, "other", sent=sent, note=response.body[:300])

    def vote(self) -> None:
        if self.votes and self.rng.random() < 0.4:
            pk = self.rng.choice(list(self.votes))  # change or withdraw an earlier vote
        else:
            _, pk = self.shared.public_comment(self.rng)
        value = self.rng.choice(["up", "down"])
        fields = {"value": value, "csrfmiddlewaretoken": self.form_token()}
        response = self.send(
            "vote", "POST", f"/comments/{pk}/vote/", fields=fields, accept="application/json"
        )
        sent = {"pk": pk, "value": value}
        if response.status == 200:
            mine = json.loads(response.body)["vote"]
            self.votes[pk] = mine
            sent["vote"] = mine
            self.record("vote", response, "accepted", sent=sent)
        elif response.status == 429:
            kept = VOTE_REFUSED in response.body
            self.record("vote", response, "refused", sent=sent, note="" if kept else "no message")
        else:
            self.record("vote", response, "other", sent=sent, note=response.body[:300])
        if not self.guest_key and "comment_voter" in self.browser.cookies:
            # The signed cookie's value: the key, then the signer's timestamp and signature.
            self.guest_key = self.browser.cookies["comment_voter"].split(":", 1)[0]

    def sign_up(self, n: int) -> None:
        email = f"loadtest-{self.number}-{n}-{secrets.token_hex(3)}@example.com"
        fields = {
            "email": email,
            "website": "",
            "csrfmiddlewaretoken": self.form_token(),
        }
        response = self.send("sign-up", "POST", "/newsletter/", fields=fields)
        sent = {"email": email}
        if response.status == 302 and response.location.endswith("/newsletter/check-your-inbox/"):
            self.record("sign-up", response, "accepted", sent=sent)
        elif response.status == 429:
            kept = email in response.body
            self.record("sign-up", response, "refused", sent=sent, note="" if kept else "text lost")
        else:
            self.record("sign-up", response, "other", sent=sent, note=response.body[:300])

    def run(self) -> None:
        try:
            self.send("read", "GET", "/")
            if "csrftoken" not in self.browser.cookies:
                self.send("read", "GET", "/newsletter/")  # a page with a form sets the cookie
            if self.username:
                self.log_in()
            plan = (
                ["comment"] * share(COMMENTS, self.number)
                + ["vote"] * share(VOTES, self.number)
                + ["sign-up"] * share(SIGNUPS, self.number)
            )
            self.rng.shuffle(plan)
            counters: dict[str, int] = defaultdict(int)
            for action in plan:
                if self.shared.stop.is_set():
                    return
                counters[action] += 1
                if action == "comment":
                    self.comment(counters[action])
                elif action == "vote":
                    self.vote()
                else:
                    self.sign_up(counters[action])
                if self.rng.random() < READ_SHARE:
                    self.read_somewhere()
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            self.error = error


def _html_escaped(text: str) -> str:
    from html import escape

    # Django's escape() writes &#x27; for the quote; the texts here have none.
    return escape(text, quote=True)


# ------------------------------------------------------------------------------
# The site: database, content, gunicorn
# ------------------------------------------------------------------------------
def configure_django(*, folder: Path, postgres: bool) -> tuple[dict[str, str], str]:
    """Set up Django here; returns the environment gunicorn needs, and the test database."""
    sqlite_file = folder / "loadtest.sqlite3"
    if postgres:
        os.environ.setdefault(DATABASE_VARIABLE, DEFAULT_POSTGRES_URL)
    else:
        os.environ.pop(DATABASE_VARIABLE, None)
    url = database_url(sqlite_file, variable=DATABASE_VARIABLE)
    prefix = f"loadtest-{secrets.token_hex(4)}"
    site_env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "CACHE_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "MEDIA_ROOT": str(folder / "media"),
        "BENCH_STATIC_ROOT": str(folder / "static"),
        "LOG_LEVEL": "WARNING",
        "CLIENT_IP_PROXY_COUNT": "1",
        "COMMENTS_GUESTS": "moderate",
        "COMMENTS_GUEST_VOTING": "true",
        "EMAIL_URL": "consolemail://",
        **LIMITS,
    }
    os.environ.update(site_env)
    test_name = setup_django(url=url, sqlite_file=sqlite_file, postgres_name=POSTGRES_NAME)
    if postgres:
        site_env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + test_name
    return site_env, test_name


def seed() -> tuple[list[dict], dict[int, list[int]], list[str]]:
    """The demo site, MEMBERS accounts with PASSWORD, and the articles comments go to."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from articles.models import Article

    call_command("seed_demo", stdout=StringIO())
    # One hash for all: hashing is slow on purpose, and the accounts are throwaway.
    hashed = make_password(PASSWORD)
    usernames = [f"member{n}" for n in range(MEMBERS)]
    get_user_model().objects.bulk_create(
        get_user_model()(username=name, email=f"{name}@example.com", password=hashed)
        for name in usernames
    )
    articles = list(
        Article.objects.published()
        .filter(allow_comments=True, comments__is_public=True)
        .select_related("category")
        .distinct()
        .order_by("-published_at")[:TARGET_ARTICLES]
    )
    targets = [
        {
            "pk": a.pk,
            "url": a.get_absolute_url(),
            "category_url": a.category.get_absolute_url(),
        }
        for a in articles
    ]
    public = {a.pk: list(a.comments.visible().values_list("pk", flat=True)) for a in articles}
    return targets, public, usernames


def remove_cache_keys(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


@dataclass
class Outage:
    started: float = 0
    ended: float = 0
    command: str = ""
    output: str = ""


def restart_postgres(shared: Shared, outage: Outage) -> None:
    """Once half the writes are done, restart the machine's PostgreSQL cluster."""
    if not shared.half_way.wait(timeout=600) or shared.stop.is_set():
        return
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"]
    outage.command = " ".join(command)
    outage.started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)  # noqa: S603
    outage.ended = time.monotonic()
    outage.output = (done.stdout + done.stderr).strip()
    print(f"PostgreSQL restarted in {outage.ended - outage.started:.1f} s", flush=True)
    if done.returncode:
        raise RuntimeError(f"{outage.command} failed: {outage.output}")


# ------------------------------------------------------------------------------
# The checks
# ------------------------------------------------------------------------------
def check(
    records: list[Record], *, voters: dict[int, int | str], outage: Outage | None
) -> list[tuple[str, bool, str]]:
    """(what, passed, details) for every promise of the run, read from the database."""
    from django.db.models import Sum

    from comments.models import Comment, CommentVote
    from newsletter.models import Subscriber

    def in_outage(record: Record) -> bool:
        return bool(
            outage
            and outage.started
            and outage.started - 1 <= record.started + record.seconds
            and record.started <= outage.ended + RECOVERY_GRACE
        )

    results = []
    failed = [r for r in records if r.status >= 500 or r.status == 0]
    outside = [r for r in failed if not in_outage(r)]
    detail = f"{len(failed)} 5xx or unanswered"
    if outage:
        detail += f", {len(outside)} of them outside the outage and its {RECOVERY_GRACE:g} s"
    results.append(("no 5xx" + (" outside the outage" if outage else ""), not outside, detail))

    others = [r for r in records if r.outcome == "other" and not (r.status >= 500 or r.status == 0)]
    results.append(
        (
            "every write was accepted or refused with a 429",
            not others,
            f"{len(others)} other answers"
            + "".join(f"\n      {r.kind} {r.status} {r.sent} {r.note[:120]!r}" for r in others[:5]),
        )
    )

    comments = [r for r in records if r.kind == "comment"]
    accepted = [r for r in comments if r.outcome == "accepted"]
    refused = [r for r in comments if r.outcome == "refused"]
    stored = defaultdict(list)
    for pk, text, is_public, user_id in Comment.objects.filter(
        comment__startswith="loadtest-"
    ).values_list("pk", "comment", "is_public", "user_id"):
        stored[text.split(":", 1)[0]].append((pk, is_public, user_id))
    wrong = [
        r
        for r in accepted
        if [(pk, public) for pk, public, _ in stored.get(r.sent["marker"], [])]
        != [(r.sent["pk"], not r.sent["guest"])]
    ]
    results.append(
        (
            "every accepted comment is stored exactly once (members' public, guests' held)",
            not wrong,
            f"{len(accepted)} accepted, {len(wrong)} missing, doubled or misfiled",
        )
    )
    leaked = [r for r in refused if r.sent["marker"] in stored]
    results.append(
        ("no refused comment is stored", not leaked, f"{len(refused)} refused, {len(leaked)} in")
    )
    unknown = set(stored) - {r.sent["marker"] for r in comments}
    results.append(("nothing stored that was not sent", not unknown, f"{len(unknown)} unknown"))

    # Each voter's votes: what their last accepted vote on each comment left.
    expected: dict[tuple, int] = {}
    uncertain: set[tuple] = set()
    for r in sorted((r for r in records if r.kind == "vote"), key=lambda r: r.started):
        pair = (r.client, r.sent["pk"])
        if r.outcome == "accepted":
            expected[pair] = r.sent["vote"]
            uncertain.discard(pair)
        elif r.status >= 500 or r.status == 0:
            # Perhaps stored before the error (the outage): only a later vote says.
            uncertain.add(pair)
    results.append(vote_check(expected, uncertain, voters))

    sums = dict(
        CommentVote.objects.values("comment_id")
        .annotate(total=Sum("value"))
        .values_list("comment_id", "total")
    )
    scores = dict(Comment.objects.values_list("pk", "score"))
    bad_scores = [(pk, n, sums.get(pk, 0)) for pk, n in scores.items() if n != sums.get(pk, 0)]
    results.append(
        (
            "every comment's score is the sum of its votes",
            not bad_scores,
            f"{len(scores)} comments, {CommentVote.objects.count()} votes, "
            f"{len(bad_scores)} wrong {bad_scores[:5]}",
        )
    )

    signups = [r for r in records if r.kind == "sign-up"]
    accepted_emails = {r.sent["email"] for r in signups if r.outcome == "accepted"}
    refused_emails = {r.sent["email"] for r in signups if r.outcome == "refused"}
    emails = set(
        Subscriber.objects.filter(email__startswith="loadtest-").values_list("email", flat=True)
    )
    results.append(
        (
            "every accepted sign-up is a subscriber, no refused one is",
            accepted_emails <= emails and not (refused_emails & emails),
            f"{len(accepted_emails)} accepted, {len(accepted_emails - emails)} missing, "
            f"{len(refused_emails & emails)} refused but stored",
        )
    )

    refusals = [r for r in records if r.outcome == "refused"]
    lost = [r for r in refusals if r.note]
    results.append(
        (
            "every refusal is a 429 that keeps the reader's text",
            bool(refusals) and not lost,
            f"{len(refusals)} refusals, {len(lost)} without the text",
        )
    )
    return results


def vote_check(
    expected: dict[tuple, int], uncertain: set[tuple], voters: dict[int, int | str]
) -> tuple[str, bool, str]:
    """The votes in the database are what each client's accepted votes left."""
    from comments.models import CommentVote

    rows = {}
    for user_id, guest_key, comment_id, value in CommentVote.objects.values_list(
        "user_id", "guest_key", "comment_id", "value"
    ):
        rows[(user_id or guest_key, comment_id)] = value
    clients = {voter: client for client, voter in voters.items()}
    stored = {
        (clients[voter], comment_id): value
        for (voter, comment_id), value in rows.items()
        if voter in clients and (clients[voter], comment_id) not in uncertain
    }
    wanted = {pair: value for pair, value in expected.items() if value and pair not in uncertain}
    differ = set(stored.items()) ^ set(wanted.items())
    detail = f"{len(expected)} (voter, comment) pairs, {len(stored)} votes stored"
    if uncertain:
        detail += f", {len(uncertain)} pairs left out (their last vote failed during the outage)"
    return (
        "every voter's votes are what their last accepted vote left",
        not differ,
        detail + f", {len(differ)} differ",
    )


def voters_of(clients: list[Client]) -> dict[int, int | str]:
    """Each client's identity in CommentVote: a member's user id, a guest's cookie key."""
    from django.contrib.auth import get_user_model

    ids = dict(get_user_model().objects.values_list("username", "pk"))
    return {c.number: ids[c.username] if c.username else c.guest_key for c in clients}


# ------------------------------------------------------------------------------
# The run and its report
# ------------------------------------------------------------------------------
class TimedOut(Exception):
    pass


def run(*, postgres: bool, restart: bool, timeout: float) -> tuple[str, bool]:
    def alarm(signum, frame):
        raise TimedOut(f"the load test took longer than {timeout:g} s")

    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(int(timeout))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        site_env, test_name = configure_django(folder=folder, postgres=postgres)
        from django.core.management import call_command
        from django.db import connection

        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        server = None
        try:
            started = time.perf_counter()
            articles, public, usernames = seed()
            call_command("collectstatic", interactive=False, verbosity=0)
            vendor = connection.vendor
            db_version = database_version(connection)
            setup_seconds = time.perf_counter() - started
            connection.close()

            port = free_port()
            site_env["SITE_URL"] = f"http://127.0.0.1:{port}"
            log = folder / "gunicorn.log"
            server = Gunicorn(env=site_env, log=log, port=port, workers=WORKERS, timeout=60)
            server.wait_ready()
            master_pid = server.process.pid
            shared = Shared(port=port, articles=articles, public=public)
            clients = [
                Client(n, shared, usernames[n] if n < MEMBERS else None) for n in range(CLIENTS)
            ]
            outage = Outage() if restart else None
            restarter = None
            if restart:
                restarter = threading.Thread(target=restart_postgres, args=(shared, outage))
                restarter.start()
            started = time.monotonic()
            for client in clients:
                client.start()
            try:
                for client in clients:
                    client.join()
            finally:
                shared.stop.set()
                shared.half_way.set()
            load_seconds = time.monotonic() - started
            if restarter:
                restarter.join()
            same_server = server.process.poll() is None and server.process.pid == master_pid
            errors = [c.error for c in clients if c.error]
            if errors:
                raise RuntimeError(f"a client failed: {errors[0]!r}")
            server.stop()
            log_text = log.read_text()
            records = list(shared.records)
            checks = check(records, voters=voters_of(clients), outage=outage)
            remove_cache_keys(site_env["CACHE_KEY_PREFIX"])
        finally:
            signal.alarm(0)
            if server:
                server.stop()
            connection.close()
            connection.creation.destroy_test_db(test_name, verbosity=0)
    if restart:
        checks.append(
            (
                "the same gunicorn served on, without a restart",
                same_server
                and any(
                    r.outcome == "accepted" and r.started > outage.ended + RECOVERY_GRACE
                    for r in records
                    if r.kind in ("comment", "vote", "sign-up")
                ),
                f"master pid {master_pid}; writes accepted after the restart",
            )
        )
    text = report(
        vendor=vendor,
        db_version=db_version,
        records=records,
        load_seconds=load_seconds,
        setup_seconds=setup_seconds,
        checks=checks,
        outage=outage,
        tracebacks=log_text.count("Traceback"),
        locked=log_text.count("database is locked"),
    )
    return text, all(passed for _, passed, _ in checks)


def percentile(values: list[float], fraction: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def report(**r) -> str:
    records: list[Record] = r["records"]
    limits = ", ".join(f"{k}={v}" for k, v in LIMITS.items())
    lines = [
        f"loadtest: gunicorn, {WORKERS} sync workers, DEBUG off, Redis cache; {CLIENTS} clients "
        f"on loopback ({MEMBERS} members, {CLIENTS - MEMBERS} guests, each from its own address)",
        f"database: {r['vendor']} {r['db_version']}; Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs (shared with the clients); {time.strftime('%Y-%m-%d')}",
        f"sent: {COMMENTS} comments, {VOTES} votes, {SIGNUPS} sign-ups, with page reads between",
        f"limits per address for the run: {limits}; COMMENTS_GUESTS=moderate, "
        "COMMENTS_GUEST_VOTING=true",
        "",
        f"  {'':<9} {'sent':>6} {'accepted':>9} {'429':>6} {'other':>6} {'5xx':>5} "
        f"{'p50 ms':>8} {'p99 ms':>8}",
    ]
    for kind in ("comment", "vote", "sign-up", "login", "read"):
        mine = [x for x in records if x.kind == kind]
        times = [x.seconds for x in mine]
        outcomes = defaultdict(int)
        for x in mine:
            outcomes[x.outcome] += 1
        server_errors = sum(1 for x in mine if x.status >= 500 or x.status == 0)
        lines.append(
            f"  {kind:<9} {len(mine):>6} {outcomes['accepted']:>9} "
            f"{sum(1 for x in mine if x.status == 429):>6} "
            f"{outcomes['other'] - server_errors:>6} {server_errors:>5} "
            f"{percentile(times, 0.50) * 1000:>8.1f} {percentile(times, 0.99) * 1000:>8.1f}"
        )
    total = len(records)
    lines += [
        f"  {total} requests in {r['load_seconds']:.1f} s: {total / r['load_seconds']:.0f} req/s",
        f"  gunicorn's log: {r['tracebacks']} tracebacks, {r['locked']} 'database is locked'",
    ]
    outage: Outage | None = r["outage"]
    if outage:
        down = [x for x in records if x.status >= 500 or x.status == 0]
        lines += [
            "",
            f"PostgreSQL restarted ({outage.command}): took {outage.ended - outage.started:.1f} s, "
            f"{len(down)} requests failed, "
            + (
                "the last one ended {:.1f} s {} pg_ctlcluster returned".format(
                    abs(last := max(x.started + x.seconds for x in down) - outage.ended),
                    "after" if last >= 0 else "before",
                )
                if down
                else "none"
            ),
        ]
    lines += ["", "checks:"]
    for what, passed, detail in r["checks"]:
        lines.append(f"  [{'ok' if passed else 'FAILED'}] {what}: {detail}")
    lines += ["", f"(setting up took {r['setup_seconds']:.0f} s)"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgres"],
        help="one database; by default SQLite, then PostgreSQL when one answers on 5432",
    )
    parser.add_argument(
        "--restart-postgres",
        action="store_true",
        help="restart the machine's PostgreSQL once mid-run (implies --database postgres)",
    )
    parser.add_argument("--timeout", type=float, default=600, help="hard limit of one run, s")
    args = parser.parse_args()
    if args.restart_postgres:
        args.database = "postgres"
    if args.database is None:
        # One process per database: Django is set up once per process.
        runs = ["sqlite"] + (["postgres"] if port_answers(5432) else [])
        if len(runs) == 1:
            print("No PostgreSQL answers on 127.0.0.1:5432: SQLite only.")
        for database in runs:
            print(f"== {database}", flush=True)
            done = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--database", database, "--timeout", str(args.timeout)]
            )
            if done.returncode:
                sys.exit(done.returncode)
        return
    if not port_answers(6379):
        sys.exit("The load test needs Redis on 127.0.0.1:6379 (the cache every worker shares).")
    text, passed = run(
        postgres=args.database == "postgres", restart=args.restart_postgres, timeout=args.timeout
    )
    name = "postgresql" if args.database == "postgres" else "sqlite"
    write_result("loadtest", text, database=name + ("-restart" if args.restart_postgres else ""))
    if not passed:
        sys.exit("The load test found a problem: see the checks above.")


if __name__ == "__main__":
    main()
