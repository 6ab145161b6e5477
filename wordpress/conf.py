"""The WordPress import's settings and their defaults (see core/conf.py)."""

DEFAULTS = {
    # Seconds a download of an old image may take in all, not only between two reads:
    # a server that sends a byte now and then must not hold the import up for hours.
    "WORDPRESS_DOWNLOAD_TIMEOUT": 15.0,
}
