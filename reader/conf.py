"""The reader site's settings and their defaults (see core/conf.py)."""

DEFAULTS = {
    # Seconds an anonymous reader's page is served from the cache; 0 turns the page
    # cache off. Saving an article, a category or a comment purges the affected pages
    # at once.
    "READER_PAGE_CACHE_SECONDS": 60,
    # "Popular now" ranks the reads of this many days (today included).
    "READER_POPULAR_DAYS": 7,
    # Reads are buffered in the cache and written to the database at most this often.
    "READER_POPULAR_FLUSH_SECONDS": 60,
}
