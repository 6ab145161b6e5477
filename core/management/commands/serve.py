"""`manage.py serve`: what production runs, in the order it needs it."""

import os
import shutil
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

GUNICORN_CONFIG = Path(settings.BASE_DIR) / "deploy" / "gunicorn.conf.py"


class Command(BaseCommand):
    help = (
        "Migrate, create the cache table if the cache is a database one, collect the "
        "static files, then replace this process with gunicorn (deploy/gunicorn.conf.py)."
    )

    def handle(self, *args, **options):
        if settings.DEBUG:
            raise CommandError(
                "serve is for production: set DEBUG=0 (`make run` is for development)."
            )
        call_command("migrate", interactive=False, verbosity=1)
        # Does nothing unless CACHE_URL names a database cache.
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        self.stdout.write(f"Starting gunicorn ({GUNICORN_CONFIG.relative_to(settings.BASE_DIR)})")
        self.stdout.flush()
        # exec, not a child: systemd's signals (TERM, HUP for a reload) reach gunicorn.
        os.execv(gunicorn, [gunicorn, "--config", str(GUNICORN_CONFIG), "newsroom.wsgi"])  # noqa: S606
