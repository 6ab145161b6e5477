from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import CreateView

from core import ratelimit
from core.addresses import client_ip
from core.ratelimit import Rate
from core.urls import own_url

from . import services
from .forms import PasswordResetForm, SignupForm


class SignupView(CreateView):
    form_class = SignupForm
    template_name = "registration/signup.html"
    success_url = reverse_lazy("reader:home")

    def get_next(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next") or ""
        return own_url(self.request, target)

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
        # The same answer whether the address was new or had an account already.
        services.signup(form=form)
        self.request.session["accounts:signup_next"] = self.get_next()
        return render(
            self.request,
            "registration/signup_done.html",
            {"email": form.cleaned_data["email"]},
        )


@require_http_methods(["GET", "POST"])
def address_confirm(request, token: str):
    """The link from the confirmation mail shows a button; only pressing it confirms the
    address and logs its owner in (who has just proved they read its mail), because mail
    scanners open links."""
    if request.method == "GET":
        if services.address_confirmation_user(token=token) is None:
            return render(request, "registration/address_confirm_failed.html", status=400)
        return render(request, "registration/address_confirm.html", {"token": token})
    user = services.address_confirm(token=token)
    if user is None or not user.is_active:
        return render(request, "registration/address_confirm_failed.html", status=400)
    login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
    messages.success(request, _("Your address is confirmed. Welcome!"))
    next_url = own_url(request, request.session.pop("accounts:signup_next", ""))
    return HttpResponseRedirect(next_url or reverse("reader:home"))


@require_POST
def address_confirmation_resend(request):
    """Another confirmation mail, for a member logged in with an unconfirmed address."""
    user = request.user
    if user.is_authenticated and not services.address_confirmed(user):
        verdict = ratelimit.allow(
            scope="accounts:confirmation-resend",
            subject=str(user.pk),
            rate=Rate.parse(settings.ACCOUNTS_PASSWORD_RESET_RATE),
        )
        if verdict:
            services.confirmation_mail_send(user=user)
            messages.success(request, _("We sent you a new confirmation link."))
        else:
            wait = _("Please wait before asking again.")
            messages.error(request, f"{wait} {verdict.try_again()}")
    target = own_url(request, request.POST.get("next", ""))
    return HttpResponseRedirect(target or reverse("reader:home"))


class PasswordResetView(auth_views.PasswordResetView):
    """Django's, with two limits: requests per address (refused with a 429 that says
    when to try again) and mails per target address (beyond it, the page says "sent",
    as it does for an address without an account, and nothing is sent). An address
    without an account is mailed that it has none (forms.PasswordResetForm), so that
    both answers do the same work."""

    form_class = PasswordResetForm

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
