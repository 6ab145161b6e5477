from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # xtd connects its posting, confirmation and follow-up receivers when its
        # views module is imported; make that independent of URL loading.
        import django_comments_xtd.views  # noqa: F401

        from . import checks, moderation, signal_handlers  # noqa: F401

        moderation.register()
