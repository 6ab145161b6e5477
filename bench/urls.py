"""The project's URLs plus a bare view: the floor of what a request costs in this stack."""

from django.http import HttpResponse
from django.urls import include, path

urlpatterns = [
    # Before the project's URLs: their catch-all would take this path for a category.
    path("bench/bare/", lambda request: HttpResponse("ok")),
    path("", include("newsroom.urls")),
]
