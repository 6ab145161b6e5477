from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Helpers every app may use and that use no app: no models, no URLs."""

    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401
