"""The newsletter's settings and their defaults (see core/conf.py)."""

DEFAULTS = {
    # How long a confirmation link stays valid, and when unconfirmed sign-ups are
    # purged.
    "NEWSLETTER_CONFIRM_MAX_AGE_DAYS": 3,
    "NEWSLETTER_PURGE_PENDING_AFTER_DAYS": 7,
    # The same request for the same address sends one mail per cool-down, and an
    # address gets only so many mails a day, so the form cannot be used to flood
    # someone's inbox.
    "NEWSLETTER_RESEND_COOLDOWN_MINUTES": 10,
    "NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY": 5,
    # Subscribe-form posts allowed per address in a window of seconds.
    "NEWSLETTER_RATE_LIMIT": 10,
    "NEWSLETTER_RATE_LIMIT_WINDOW": 3600,
    # The first digest looks back this many days; later ones start at the previous
    # cut-off.
    "NEWSLETTER_FIRST_DIGEST_DAYS": 7,
    # Send confirmation mails from the request instead of the queue: for development,
    # where no `send_queued_mail` runs (`make run` turns it on).
    "NEWSLETTER_SEND_CONFIRMATIONS_AT_ONCE": False,
    # Subscribers per transaction when a digest is queued, and mails per SMTP
    # connection.
    "NEWSLETTER_BATCH_SIZE": 500,
    # A mail that could not be sent is tried again every RETRY_MINUTES, up to
    # MAX_RETRIES times (12 hours by default), so an SMTP outage delays mail instead
    # of losing it.
    "NEWSLETTER_MAIL_MAX_RETRIES": 48,
    "NEWSLETTER_MAIL_RETRY_MINUTES": 15,
}
