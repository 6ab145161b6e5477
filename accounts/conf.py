"""The accounts app's settings and their defaults (see core/conf.py)."""

DEFAULTS = {
    # New accounts per address, COUNT/SECONDS (core.ratelimit.Rate).
    "ACCOUNTS_SIGNUP_RATE": "5/3600",
}
