"""A member's address, confirmed or not: sign-up proves that the address belongs to the
person before their comments skip the per-comment confirmation and before any
notification is sent there."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AddressConfirmation(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="address_confirmation",
    )
    # The address that was confirmed (or is waiting): a later change of the account's
    # address is not covered by it.
    email = models.EmailField(_("email address"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("address confirmation")
        verbose_name_plural = _("address confirmations")

    def __str__(self) -> str:
        return self.email

    def covers(self, email: str) -> bool:
        return self.confirmed_at is not None and self.email.casefold() == email.casefold()
