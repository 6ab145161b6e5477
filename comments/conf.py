"""The comments app's settings and their defaults (see core/conf.py).

django-comments-xtd's own settings (COMMENTS_XTD_*) are derived from these in
newsroom/settings.py.
"""

DEFAULTS = {
    # Who may post without an account: "confirm" (by a mail link: PendingComment),
    # "moderate" (held for review), "publish" (at once) or "off" (members only).
    "COMMENTS_GUESTS": "confirm",
    # Whether readers without an account may vote (one vote per browser, limited per
    # address).
    "COMMENTS_GUEST_VOTING": False,
    # Replies nest this many levels under a top-level comment; deeper replies join the
    # last level.
    "COMMENTS_MAX_DEPTH": 3,
    # New comments are refused this many days after publication (0: never close).
    "COMMENTS_CLOSE_AFTER_DAYS": 0,
    # Members may edit their comment for this many minutes.
    "COMMENTS_EDIT_MINUTES": 15,
    # Threads on the article page before "View all comments".
    "COMMENTS_THREADS_SHOWN": 10,
    # The order threads come in first: newest, oldest or votes.
    "COMMENTS_DEFAULT_SORT": "newest",
    # Readers' reports that hide a comment until a moderator decides.
    "COMMENTS_REPORTS_TO_HIDE": 3,
    # Comments with more links than this, or with one of these words, wait for review.
    "COMMENTS_HOLD_LINKS": 2,
    "COMMENTS_HOLD_WORDS": [],
    # Limits on posting and voting, COUNT/SECONDS (core.ratelimit.Rate): per account
    # for members, per address for guests; and for all members behind one address (an
    # office, a school, a carrier's NAT) together, a higher cap against account farms.
    "COMMENTS_POST_RATE": "5/600",
    "COMMENTS_VOTE_RATE": "60/600",
    "COMMENTS_MEMBER_ADDRESS_POST_RATE": "100/600",
    "COMMENTS_MEMBER_ADDRESS_VOTE_RATE": "1000/600",
    # A guest's confirmation link stops working after this many days.
    "COMMENTS_CONFIRM_DAYS": 7,
    # A guest who confirmed an address is not asked again for this many days in that
    # browser, for comments with the same address (comments/guests.py; 0: always ask).
    "COMMENTS_GUEST_TRUST_DAYS": 30,
    # Article authors get a mail about each new comment on their articles.
    "COMMENTS_NOTIFY_AUTHORS": True,
}
