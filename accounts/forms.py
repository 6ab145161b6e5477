"""Reader accounts: sign-up asks for an email address, which comment notifications need;
both login forms (the reader's and the admin's) are throttled and explain the refused
development login."""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.urls import absolute_url

from .dev_admin import SaysWhyTheDevelopmentLoginIsRefused
from .throttling import ThrottledLogin


class ReaderLoginForm(ThrottledLogin, SaysWhyTheDevelopmentLoginIsRefused, AuthenticationForm):
    pass


class AdminLoginForm(ThrottledLogin, SaysWhyTheDevelopmentLoginIsRefused, AdminAuthenticationForm):
    pass


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("For password resets and the notifications you ask for. Never shown."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_email(self) -> str:
        # Whether the address has an account is never said here (accounts.services.signup).
        return self.cleaned_data["email"].strip()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, which mails the accounts with the address, and mails an address without
    one too: that it has no account here. Either way the request does the same work
    (one lookup, one mail rendered and handed to the mail backend, or to the queue when
    EMAIL_QUEUE is on), so neither the page nor the time it takes tells whether the
    address has an account; only the address's owner learns it, from the mail."""

    found_users: list

    def get_users(self, email):
        self.found_users = list(super().get_users(email))
        return iter(self.found_users)

    def save(self, *, request=None, **kwargs):
        super().save(request=request, **kwargs)
        if self.found_users:
            return
        email = self.cleaned_data["email"]
        context = {
            "email": email,
            "SITE_NAME": settings.SITE_NAME,
            "signup_url": absolute_url(reverse("signup")),
            "reset_url": absolute_url(reverse("password_reset")),
        }
        self.send_mail(
            "registration/password_reset_no_account_subject.txt",
            "registration/password_reset_no_account_email.txt",
            context,
            kwargs.get("from_email"),
            email,
        )
