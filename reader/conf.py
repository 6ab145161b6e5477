"""The reader site's settings and their defaults (see core/conf.py)."""

DEFAULTS = {
    # Seconds an anonymous reader's page is served from the cache; 0 turns the page
    # cache off. Saving an article, a category or a comment purges the affected pages
    # at once.
    "READER_PAGE_CACHE_SECONDS": 60,
    # Reader pages for readers without a cookie of their own say `Cache-Control: public`
    # (reader/http_cache.py): s-maxage, how long a shared cache in front (Varnish, a CDN)
    # may keep one. Without HTTP_CACHE_PURGE_URL nobody purges that cache, so pages are
    # then kept no longer than READER_PAGE_CACHE_SECONDS.
    "READER_SHARED_CACHE_SECONDS": 600,
    # max-age, for browsers, which nobody can purge: 0, so that a reader's next visit
    # asks the cache in front and sees a change at once.
    "READER_BROWSER_CACHE_SECONDS": 0,
    # The response header naming what a page shows (reader/keys.py): `xkey` for Varnish's
    # xkey module; `Surrogate-Key` for Fastly, `Cache-Tag` for Cloudflare (README).
    "READER_SURROGATE_KEY_HEADER": "xkey",
    # The caches in front that take `PURGE` with an `xkey` header (deploy/varnish.vcl),
    # comma-separated, e.g. http://127.0.0.1:6081/; empty: no purges are sent.
    "HTTP_CACHE_PURGE_URL": [],
    # Seconds to wait for a cache in front to take a purge (a failure is logged).
    "HTTP_CACHE_PURGE_TIMEOUT": 2.0,
    # "Popular now" ranks the reads of this many days (today included).
    "READER_POPULAR_DAYS": 7,
    # Reads are buffered in the cache and written to the database at most this often.
    "READER_POPULAR_FLUSH_SECONDS": 60,
}
