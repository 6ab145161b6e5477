from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from core import ratelimit
from core.addresses import client_ip
from core.ratelimit import Rate

from . import selectors, services
from .forms import SubscribeForm
from .tokens import TokenError

# HTTP status of the page that explains why a link cannot be used.
LINK_PROBLEM_STATUS = {"invalid": 400, "expired": 410, "superseded": 410, "unknown": 404}


def link_problem(request: HttpRequest, reason: str) -> HttpResponse:
    return render(
        request,
        "newsletter/link_problem.html",
        {"reason": reason},
        status=LINK_PROBLEM_STATUS[reason],
    )


class SubscribeView(FormView):
    """The form on its own page; the box on other pages posts here too."""

    template_name = "newsletter/subscribe.html"
    form_class = SubscribeForm
    success_url = reverse_lazy("newsletter:check_inbox")

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        verdict = ratelimit.allow(
            scope="newsletter:subscribe",
            subject=client_ip(request),
            rate=Rate(settings.NEWSLETTER_RATE_LIMIT, settings.NEWSLETTER_RATE_LIMIT_WINDOW),
        )
        if verdict:
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        form.is_valid()
        message = _("Too many sign-ups came from your network in a short time.")
        form.add_error(None, f"{message} {verdict.try_again()}")
        page = self.render_to_response(self.get_context_data(form=form))
        return ratelimit.too_many_requests(page, verdict)

    def form_valid(self, form: SubscribeForm) -> HttpResponse:
        # A bot that filled in the trap is told what everybody is told, and nothing happens.
        if not form.is_bot():
            services.subscription_request(
                email=form.cleaned_data["email"], topics=list(form.cleaned_data["topics"])
            )
        return super().form_valid(form)


def subscribe_without_token(request: HttpRequest) -> HttpResponse:
    """The sign-up form again with the address typed in, when the box on a cached page
    was sent without its CSRF token (scripts off): sending it again signs up."""
    form = SubscribeForm(data=request.POST)
    form.is_valid()
    form.add_error(None, _("Your sign-up has not been sent yet. Please send it again."))
    return render(request, "newsletter/subscribe.html", {"form": form}, status=403)


class CheckInboxView(TemplateView):
    template_name = "newsletter/check_inbox.html"

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            max_age_days=settings.NEWSLETTER_CONFIRM_MAX_AGE_DAYS, **kwargs
        )


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """GET shows what the link would do with a button; only the POST confirms.

    Mail scanners open links in mails: a GET that confirmed would sign people up
    who never clicked.
    """

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            confirmation = selectors.confirmation_for_token(token=token)
        except TokenError as error:
            return link_problem(request, error.reason)
        return render(request, "newsletter/confirm.html", {"confirmation": confirmation})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            services.subscription_confirm(token=token)
        except TokenError as error:
            return link_problem(request, error.reason)
        # The page of a confirmed link says so; reloading it sends nothing again.
        return redirect(request.path)


# RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to this URL with no cookies,
# so it cannot carry a CSRF token. The secret key in the URL is what protects it, and
# the worst a forged request can do is unsubscribe the holder of a key it already knows.
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class UnsubscribeView(View):
    """GET asks (scanners prefetch links); POST unsubscribes, repeatably."""

    def get(self, request: HttpRequest, key: str) -> HttpResponse:
        subscriber = selectors.subscriber_by_key(key=key)
        if subscriber is None:
            return link_problem(request, "unknown")
        return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})

    def post(self, request: HttpRequest, key: str) -> HttpResponse:
        subscriber = services.subscription_cancel(key=key)
        if subscriber is None:
            return link_problem(request, "unknown")
        return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
