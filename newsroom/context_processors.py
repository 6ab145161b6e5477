from django.conf import settings
from django.http import HttpRequest

from articles.models import Category


def site(request: HttpRequest) -> dict:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        # Lazily evaluated: pages that do not render the header pay nothing.
        "top_categories": Category.objects.active().filter(parent__isnull=True),
    }
