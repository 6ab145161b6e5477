"""The articles app's settings and their defaults (see core/conf.py)."""

from django_prose_editor.config import html_tags
from js_asset import static_lazy

DEFAULTS = {
    # Largest accepted image: pixels (width × height, summed over an animation's
    # frames), frames and bytes. Together they bound the decoding and re-encoding an
    # upload costs inside its request.
    "ARTICLES_IMAGE_MAX_PIXELS": 40_000_000,
    "ARTICLES_IMAGE_MAX_FRAMES": 1000,
    "ARTICLES_IMAGE_MAX_BYTES": 15 * 1024 * 1024,
    # How long a signed preview link works, in seconds (7 days): long enough to send a
    # draft to someone for a fact check, short enough that a leaked link dies.
    "ARTICLES_PREVIEW_LINK_MAX_AGE": 7 * 24 * 3600,
}

# The body editor's extensions of our own, for django-prose-editor's
# DJANGO_PROSE_EDITOR_EXTENSIONS: each a JS module under static/articles/admin/ that
# exports the Tiptap extension named here, loaded when the body's configuration
# (models.ARTICLE_BODY_EXTENSIONS) turns it on. What they store is plain paragraphs,
# so they add nothing to the sanitizer's allow-list (sanitize.py).
PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/admin/image_picker.js")],
        "extensions": {"LibraryImage": html_tags([])},
    },
    {
        # Its href is one of our [[link:kind:id]] placeholders, which the sanitizer
        # checks itself.
        "js": [static_lazy("articles/admin/internal_link.js")],
        "extensions": {"InternalLink": html_tags([])},
    },
]
