from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Static pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import link_kinds, signal_handlers  # noqa: F401 - connects the handlers

        link_kinds.register_kinds()
