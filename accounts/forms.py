"""Reader accounts: sign-up asks for an email address, which comment notifications need;
both login forms (the reader's and the admin's) are throttled and explain the refused
development login."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

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
