"""Sign-up and address confirmation.

Sign-up never tells whether an address has an account: with a new address it makes the
account and mails a confirmation link; with a known one it makes none and mails the
address's owner instead. Both answers are the same page, and both do the same work
(a password hash, a mail) so that they take as long.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.urls import absolute_url

from .models import AddressConfirmation

logger = logging.getLogger(__name__)
SALT = "accounts.address-confirmation"


def address_confirmed(user) -> bool:
    """Whether `user`'s comments may skip confirmation and mails may go to their address.

    Accounts made by sign-up are until their owner confirms the address; accounts made
    otherwise (by staff, or before sign-up asked) have no confirmation row and are
    trusted as their maker vouched for them.
    """
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    try:
        confirmation = user.address_confirmation
    except AddressConfirmation.DoesNotExist:
        return True
    return confirmation.covers(user.email)


def confirmation_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.casefold()}, salt=SALT, compress=True)


@transaction.atomic
def signup(*, form) -> object | None:
    """The account from a valid SignupForm, with its confirmation mail; None when the
    address has an account already (its owner is told instead)."""
    email = form.cleaned_data["email"]
    User = get_user_model()
    existing = User._default_manager.filter(email__iexact=email).first()
    if existing is not None:
        make_password(form.cleaned_data["password1"])  # the work the other branch does
        _mail(
            to=existing.email,
            subject=_("Somebody asked for an account with your address"),
            template="registration/signup_address_taken_email.txt",
            context={
                "user": existing,
                "login_url": absolute_url(reverse("login")),
                "reset_url": absolute_url(reverse("password_reset")),
            },  # fmt: skip
        )
        return None
    user = form.save()
    AddressConfirmation.objects.create(user=user, email=user.email)
    confirmation_mail_send(user=user)
    return user


def confirmation_mail_send(*, user) -> None:
    url = absolute_url(reverse("address-confirm", kwargs={"token": confirmation_token(user)}))
    _mail(
        to=user.email,
        subject=_("Please confirm your address"),
        template="registration/address_confirmation_email.txt",
        context={
            "user": user,
            "confirm_url": url,
            "days": settings.ACCOUNTS_ADDRESS_CONFIRMATION_MAX_AGE // 86400,
        },  # fmt: skip
    )


def address_confirmation_user(*, token: str):
    """The user a confirmation token is for; None for a token that is forged, expired,
    or for an address the account no longer has."""
    try:
        data = signing.loads(
            token, salt=SALT, max_age=settings.ACCOUNTS_ADDRESS_CONFIRMATION_MAX_AGE
        )
        pk, email = int(data["u"]), str(data["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    user = get_user_model()._default_manager.filter(pk=pk).first()
    if user is None or user.email.casefold() != email:
        return None
    return user


def address_confirm(*, token: str):
    """The user whose address the token confirms, now confirmed (None as above)."""
    user = address_confirmation_user(token=token)
    if user is not None:
        AddressConfirmation.objects.update_or_create(
            user=user, defaults={"email": user.email, "confirmed_at": timezone.now()}
        )
    return user


def _mail(*, to: str, subject: str, template: str, context: dict) -> None:
    body = render_to_string(template, {**context, "SITE_NAME": settings.SITE_NAME})
    try:
        send_mail(subject, body, None, [to])
    except Exception:
        # The account (or its absence) is settled; a mail server's hiccup is logged.
        logger.exception("Could not send the account mail to %s", to)
