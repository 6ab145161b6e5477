"""A URLconf for the page-cache tests: reader pages with a form, as other apps add them,
and pages that hold something of one reader's."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import path

from newsroom.views import form_token
from reader.cache import reader_page

FORM = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')
TOKEN_FORM = engines["django"].from_string(
    '{% load core %}<form method="post">{% form_token %}</form>'
)
FORM_AND_SCRIPT = engines["django"].from_string(
    '<form method="post">{% csrf_token %}</form><script>const token = "{{ csrf_token }}";</script>'
)
FORM_AND_DATA_ATTRIBUTE = engines["django"].from_string(
    '<form method="post">{% csrf_token %}</form><div data-token="{{ csrf_token }}"></div>'
)


@reader_page
def page_with_form(request):
    return HttpResponse(FORM.render({}, request))


@reader_page
def page_with_form_token(request):
    return HttpResponse(TOKEN_FORM.render({}, request))


@reader_page
def page_with_token_in_a_script(request):
    return HttpResponse(f"<script>const token = '{get_token(request)}';</script>")


@reader_page
def page_with_form_and_token_in_a_script(request):
    return HttpResponse(FORM_AND_SCRIPT.render({}, request))


@reader_page
def page_with_form_and_token_in_an_attribute(request):
    return HttpResponse(FORM_AND_DATA_ATTRIBUTE.render({}, request))


@reader_page
def page_with_the_bare_secret(request):
    get_token(request)
    return HttpResponse(f"<p>{request.META['CSRF_COOKIE']}</p>")


@reader_page
def page_that_writes_the_session(request):
    messages.info(request, "Saved.")
    return HttpResponse("<p>A message waits.</p>")


@reader_page
def page_that_sets_a_cookie(request):
    response = HttpResponse("<p>Hello again.</p>")
    response.set_cookie("seen", "1")
    return response


def page_that_did_not_opt_in(request):
    return HttpResponse("<p>Not a reader page.</p>")


urlpatterns = [
    path("form-token/", form_token),
    path("token-form/", page_with_form_token),
    path("form/", page_with_form),
    path("script/", page_with_token_in_a_script),
    path("form-and-script/", page_with_form_and_token_in_a_script),
    path("form-and-attribute/", page_with_form_and_token_in_an_attribute),
    path("secret/", page_with_the_bare_secret),
    path("session/", page_that_writes_the_session),
    path("cookie/", page_that_sets_a_cookie),
    path("plain/", page_that_did_not_opt_in),
]
