from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from articles.models import Article


def home(request: HttpRequest) -> HttpResponse:
    latest = Article.objects.published().for_listing().newest_first()[:12]
    return render(request, "newsroom/home.html", {"latest": latest})


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: answers 200 only when the database does."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
