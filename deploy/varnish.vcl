# Varnish 7 in front of the site (Debian: apt-get install varnish varnish-modules).
# A template like deploy/nginx.conf: fill in ${BACKEND_HOST}, ${BACKEND_PORT} (gunicorn)
# and ${PURGE_FROM} (the address the site's processes send purges from) with envsubst,
# as the README's "Varnish in front" says.
#
# What it keeps is what the site says it may keep: answers with `Cache-Control: public`
# (reader pages for readers without a cookie of their own, reader/http_cache.py), for
# their s-maxage. Everything else passes: POSTs, and every reader with a cookie but the
# CSRF one (a session, a guest voter's key, a message waiting). The site purges pages by
# the surrogate keys in their `xkey` header (reader/keys.py), with
# `PURGE` and an `xkey: a12 home-en` header, from ${PURGE_FROM} only.
vcl 4.1;

import xkey;

backend site {
    .host = "${BACKEND_HOST}";
    .port = "${BACKEND_PORT}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "${PURGE_FROM}";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purges only from the site"));
        }
        if (!req.http.xkey) {
            return (synth(400, "PURGE needs an xkey header"));
        }
        # Hard purges: a page that changed must not be served once more while refetched.
        set req.http.x-purged = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # The CSRF cookie changes nothing on a cached page (its forms carry no token); any
    # other cookie is this reader's own, and so is the page.
    if (req.http.Cookie) {
        set req.http.x-own-cookies = regsuball(req.http.Cookie, "(^|;)\s*csrftoken=[^;]*", "");
        if (req.http.x-own-cookies ~ "[^;\s]") {
            unset req.http.x-own-cookies;
            return (pass);
        }
        unset req.http.x-own-cookies;
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_backend_response {
    # Only what the site marked public; the rest is remembered as "fetch every time".
    if (beresp.http.Cache-Control !~ "(^|,)\s*public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # No stale copies past s-maxage: it ends when a scheduled article goes live.
    set beresp.grace = 0s;
    set beresp.keep = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # The keys are for this cache alone.
    unset resp.http.xkey;
}
