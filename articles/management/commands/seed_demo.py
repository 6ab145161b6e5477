from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Fill the database with the demo site. Safe to run again: what exists is kept. "
        "Each installed app with a `demo` module adds its part, in INSTALLED_APPS order."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when any article exists."
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("The database has articles already; demo content not loaded.")
            return
        for app_config in apps.get_app_configs():
            if app_config.name.startswith("django") or not module_has_submodule(
                app_config.module, "demo"
            ):
                continue
            module = import_module(f"{app_config.name}.demo")
            if hasattr(module, "seed"):
                module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
