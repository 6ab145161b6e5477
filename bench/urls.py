"""The project's URLs plus a bare view: the floor of what a request costs in this stack."""

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    # Before the project's URLs: their catch-all would take this path for a category. The
    # project's are spliced in, not included: Django refuses i18n_patterns in an include.
    path("bench/bare/", lambda request: HttpResponse("ok")),
    *site_urlpatterns,
]
