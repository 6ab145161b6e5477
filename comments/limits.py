"""How often a reader may post and vote.

Members are counted per account and guests per address. Members behind one address
(an office, a school, a mobile carrier's NAT) also share a cap of that address, high
enough for many people and low enough to hold back a farm of accounts.
"""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from django.http import HttpRequest

from core import ratelimit
from core.addresses import client_ip
from core.ratelimit import Rate, Verdict

# The setting of each action's own limit (per account, or per address for guests) and
# of the cap shared by the members behind one address.
RATES = {
    "post": ("COMMENTS_POST_RATE", "COMMENTS_MEMBER_ADDRESS_POST_RATE"),
    "vote": ("COMMENTS_VOTE_RATE", "COMMENTS_MEMBER_ADDRESS_VOTE_RATE"),
}


def comment_limit(*, request: HttpRequest, action: Literal["post", "vote"]) -> Verdict:
    """Count one post or vote of this reader; refused once one of their limits is reached."""
    own, shared = (Rate.parse(getattr(settings, name)) for name in RATES[action])
    address = client_ip(request)
    user = request.user
    if not user.is_authenticated:
        return ratelimit.allow(scope=f"comments:{action}:guest", subject=address, rate=own)
    verdict = ratelimit.allow(scope=f"comments:{action}:member", subject=str(user.pk), rate=own)
    if not verdict:
        return verdict
    return ratelimit.allow(scope=f"comments:{action}:members-at", subject=address, rate=shared)
