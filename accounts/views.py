from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import CreateView

from core import ratelimit
from core.addresses import client_ip
from core.ratelimit import Rate

from .forms import SignupForm


class SignupView(CreateView):
    form_class = SignupForm
    template_name = "registration/signup.html"
    success_url = reverse_lazy("reader:home")

    def get_next(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.get_next(), **kwargs)

    def form_valid(self, form):
        verdict = ratelimit.allow(
            scope="accounts:signup",
            subject=client_ip(self.request),
            rate=Rate.parse(settings.ACCOUNTS_SIGNUP_RATE),
        )
        if not verdict:
            message = _("Too many new accounts from your network in a short time.")
            form.add_error(None, f"{message} {verdict.try_again()}")
            page = self.render_to_response(self.get_context_data(form=form))
            return ratelimit.too_many_requests(page, verdict)
        response = super().form_valid(form)
        login(self.request, self.object, backend=settings.AUTHENTICATION_BACKENDS[0])
        messages.success(self.request, _("Welcome! Your account is ready."))
        next_url = self.get_next()
        return HttpResponseRedirect(next_url) if next_url else response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's, with two limits: requests per address (refused with a 429 that says
    when to try again) and mails per target address (beyond it, the page says "sent",
    as it does for an address without an account, and nothing is sent)."""

    def form_valid(self, form):
        verdict = ratelimit.allow(
            scope="accounts:password-reset-from",
            subject=client_ip(self.request),
            rate=Rate.parse(settings.ACCOUNTS_PASSWORD_RESET_ADDRESS_RATE),
        )
        if not verdict:
            message = _("Too many password resets were asked for from your network.")
            form.add_error(None, f"{message} {verdict.try_again()}")
            return ratelimit.too_many_requests(self.form_invalid(form), verdict)
        if not ratelimit.allow(
            scope="accounts:password-reset-to",
            subject=form.cleaned_data["email"].casefold(),
            rate=Rate.parse(settings.ACCOUNTS_PASSWORD_RESET_RATE),
        ):
            # The mails already sent carry working links; the page must not differ.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
