"""The WordPress import's settings and their defaults (see core/conf.py)."""

DEFAULTS = {
    # Seconds a download of an old image may take in all, not only between two reads:
    # a server that sends a byte now and then must not hold the import up for hours.
    "WORDPRESS_DOWNLOAD_TIMEOUT": 15.0,
    # Download from hosts that resolve to loopback, private, link-local or reserved
    # addresses: off, so that an export cannot make the server fetch from its own
    # network; on only for an old site that really lives there.
    "WORDPRESS_DOWNLOAD_ALLOW_PRIVATE": False,
}
