from django.core.mail.backends.locmem import EmailBackend


class CountingBackend(EmailBackend):
    """Django's test backend, counting how many connections were opened."""

    opened = 0

    def open(self):
        type(self).opened += 1
        return super().open()
