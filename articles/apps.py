from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import link_kinds, signal_handlers  # noqa: F401

        link_kinds.register_kinds()
