"""The accounts app's settings and their defaults (see core/conf.py).

Every limit is COUNT/SECONDS (core.ratelimit.Rate). None of them is kept per
username alone, so nobody elsewhere can lock a member out of their account.
"""

DEFAULTS = {
    # New accounts per address.
    "ACCOUNTS_SIGNUP_RATE": "5/3600",
    # Failed logins per address and username; then that username is refused from that
    # address (the right password too) until the window ends.
    "ACCOUNTS_LOGIN_RATE": "5/900",
    # Failed logins per address, whatever the usernames: against trying many accounts.
    "ACCOUNTS_LOGIN_ADDRESS_RATE": "50/900",
    # Reset mails per target email address; requests beyond it are answered as usual
    # and send nothing, so the page tells nobody whether the address has an account.
    "ACCOUNTS_PASSWORD_RESET_RATE": "3/3600",
    # Reset requests per address (refused with a 429 saying when to try again).
    "ACCOUNTS_PASSWORD_RESET_ADDRESS_RATE": "20/3600",
    # How long the link that confirms a new account's address works, in seconds.
    "ACCOUNTS_ADDRESS_CONFIRMATION_MAX_AGE": 3 * 24 * 3600,
}
