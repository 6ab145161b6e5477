"""The development admin login that `make run` creates, and what keeps it out of production.

`ensure_dev_admin` makes USERNAME / PASSWORD with DEBUG on, and prints both. The same
database served with DEBUG off must not let that login in: the authentication
backend refuses the development password at every login (whoever the account), and
drops a session of the development account while its password is still that one; the
login forms say why, and `check --deploy` reports the account (accounts.E001).
"""

from __future__ import annotations

import secrets
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

USERNAME = "admin"
PASSWORD = "newsroom-dev"  # noqa: S105 - printed by `make run`; refused with DEBUG off

REFUSED_MESSAGE = _(
    "This is the development password, which logs nobody in while the site runs in "
    "production mode (DEBUG off). Give the account a password of its own with "
    "“manage.py changepassword”."
)


def development_login_refused() -> bool:
    return not settings.DEBUG


def is_development_password(raw_password: str) -> bool:
    return secrets.compare_digest(raw_password.encode(), PASSWORD.encode())


@lru_cache(maxsize=64)
def _hash_is_of_development_password(encoded: str) -> bool:
    # Hashing costs a good fraction of a second: once per stored hash and process.
    # No setter: a check must not rewrite the row with an upgraded hash.
    return check_password(PASSWORD, encoded)


def is_development_account(user) -> bool:
    """The account `ensure_dev_admin` made, still with the password it printed."""
    return (
        user.get_username() == USERNAME
        and user.has_usable_password()
        and _hash_is_of_development_password(user.password)
    )


def development_account():
    """The development account while it exists with its development password, else None."""
    user = get_user_model()._default_manager.filter(username=USERNAME).first()
    return user if user is not None and is_development_account(user) else None


class DevelopmentLoginGuardBackend(ModelBackend):
    """Django's model backend, closed to the development login when DEBUG is off."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if development_login_refused() and password and is_development_password(password):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # A session opened in development must not carry over to a production run.
        user = super().get_user(user_id)
        if user is not None and development_login_refused() and is_development_account(user):
            return None
        return user


class SaysWhyTheDevelopmentLoginIsRefused:
    """For the login forms (accounts/forms.py): instead of "wrong username or
    password", which would send the operator looking for a typo, name the reason the
    login was refused."""

    def get_invalid_login_error(self):
        password = self.cleaned_data.get("password") or ""
        if development_login_refused() and is_development_password(password):
            return ValidationError(REFUSED_MESSAGE, code="development_password")
        return super().get_invalid_login_error()
