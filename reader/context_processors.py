from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from reader.selectors import footer_pages, top_categories


def site(request: HttpRequest) -> dict:
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Lazy, and cached with the category tree: pages that do not render the header pay
        # nothing, and those that do pay one query only when the tree is not cached yet.
        "top_categories": SimpleLazyObject(top_categories),
        # The static pages linked from the footer, the same way: one cached list.
        "footer_pages": SimpleLazyObject(footer_pages),
    }
