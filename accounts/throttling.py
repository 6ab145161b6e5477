"""Login throttling that nobody can turn against a member.

Failed logins are counted per address and username (ACCOUNTS_LOGIN_RATE) and per
address (ACCOUNTS_LOGIN_ADDRESS_RATE), never per username alone: an attacker who
guesses a member's password shuts out only their own address, and the member goes on
logging in from theirs. Once a limit is reached, that address's attempts are refused
before the password is checked, so the right password guessed late opens nothing.

Each attempt is counted before the password is checked and taken back unless it
failed, so that guesses sent in parallel cannot all pass before the first is counted.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from core import ratelimit
from core.addresses import client_ip
from core.ratelimit import Rate, Verdict


def _limits(request: HttpRequest, username: str) -> list[tuple[str, str, Rate]]:
    address = client_ip(request)
    # casefold: "Rita" and "RITA" are one guess at one account.
    pair = f"{address}|{username.casefold()}"
    return [
        ("accounts:login", pair, Rate.parse(settings.ACCOUNTS_LOGIN_RATE)),
        ("accounts:login-address", address, Rate.parse(settings.ACCOUNTS_LOGIN_ADDRESS_RATE)),
    ]


def login_attempt(*, request: HttpRequest, username: str) -> Verdict:
    """Count a login attempt as a failure until `login_succeeded()` says otherwise.

    A refused attempt counts nothing: it checks no password.
    """
    limits = _limits(request, username)
    verdicts = [
        ratelimit.allow(scope=scope, subject=subject, rate=rate) for scope, subject, rate in limits
    ]
    refused = [verdict for verdict in verdicts if not verdict]
    if not refused:
        return Verdict(True)
    for scope, subject, _rate in limits:
        ratelimit.undo(scope=scope, subject=subject)
    return max(refused, key=lambda verdict: verdict.retry_after)


def login_succeeded(*, request: HttpRequest, username: str) -> None:
    for scope, subject, _rate in _limits(request, username):
        ratelimit.undo(scope=scope, subject=subject)


class ThrottledLogin:
    """For Django's AuthenticationForm and its subclasses: refuses a throttled
    address before the password is checked, and counts each failed login.

    A refused form keeps its `verdict`; `answers_429_when_throttled` turns its page
    into a 429 with Retry-After.
    """

    verdict: Verdict | None = None

    def clean(self):
        username = self.cleaned_data.get("username")
        # Without a request (a form built by hand) there is no address to count.
        if self.request is None or not username or not self.cleaned_data.get("password"):
            return super().clean()
        verdict = login_attempt(request=self.request, username=username)
        if not verdict:
            self.verdict = verdict
            message = _("Too many failed logins.")
            raise ValidationError(f"{message} {verdict.try_again()}", code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            # A user means the password was right (a member at the admin's login): no guess.
            if self.user_cache is not None:
                login_succeeded(request=self.request, username=username)
            raise
        login_succeeded(request=self.request, username=username)
        return cleaned


def answers_429_when_throttled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wraps a login view (ours, the admin's) whose form is a ThrottledLogin: the
    page of a refused login is a 429 with Retry-After; anything else is unchanged."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("form")
        verdict = getattr(form, "verdict", None)
        if verdict is not None:
            return ratelimit.too_many_requests(response, verdict)
        return response

    return wrapper
