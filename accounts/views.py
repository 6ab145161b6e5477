from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
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
        if not ratelimit.allow(
            scope="accounts:signup",
            subject=client_ip(self.request),
            rate=Rate.parse(settings.ACCOUNTS_SIGNUP_RATE),
        ):
            form.add_error(None, _("Too many new accounts from your network. Please try later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        response = super().form_valid(form)
        login(self.request, self.object, backend=settings.AUTHENTICATION_BACKENDS[0])
        messages.success(self.request, _("Welcome! Your account is ready."))
        next_url = self.get_next()
        return HttpResponseRedirect(next_url) if next_url else response
