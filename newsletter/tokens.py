"""The signed, expiring token in a confirmation link.

It carries the subscriber, the topics chosen in that request and the time of the
request, so confirming applies exactly what was asked for in the mail that was read.
Nothing is stored for it: the signature (SECRET_KEY) is what makes it trustworthy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing

SALT = "newsletter.confirm"
# A real token is about 80 characters; anything far longer is not worth decoding.
MAX_LENGTH = 512


class TokenError(Exception):
    """The token is unusable; `reason` is "invalid" or "expired"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ConfirmationRequest:
    subscriber_id: int
    topic_ids: tuple[int, ...]
    requested_at: datetime
    # The edition the request came from; None in links sent before editions.
    language: str | None = None


def max_age() -> timedelta:
    return timedelta(days=settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS)


def make_token(
    *, subscriber_id: int, topic_ids: list[int], requested_at: datetime, language: str = ""
) -> str:
    payload = {
        "s": subscriber_id,
        "t": sorted(topic_ids),
        "l": language,
        # Milliseconds, so that a request right after leaving is told apart from one before.
        "at": round(requested_at.timestamp() * 1000),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> ConfirmationRequest:
    if not token or len(token) > MAX_LENGTH:
        raise TokenError("invalid")
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise TokenError("expired") from exc
    except (signing.BadSignature, ValueError) as exc:
        raise TokenError("invalid") from exc
    try:
        return ConfirmationRequest(
            subscriber_id=int(payload["s"]),
            topic_ids=tuple(int(pk) for pk in payload["t"]),
            requested_at=datetime.fromtimestamp(int(payload["at"]) / 1000, tz=UTC),
            language=str(payload["l"]) if payload.get("l") else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        # Signed by us, so only an old format could get here; still no 500.
        raise TokenError("invalid") from exc
