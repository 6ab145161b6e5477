"""A URLconf for the page-cache tests: reader pages with a form, as other apps add them."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import path

from reader.cache import reader_page

FORM = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')


@reader_page
def page_with_form(request):
    return HttpResponse(FORM.render({}, request))


@reader_page
def page_with_token_in_a_script(request):
    return HttpResponse(f"<script>const token = '{get_token(request)}';</script>")


urlpatterns = [
    path("form/", page_with_form),
    path("script/", page_with_token_in_a_script),
]
