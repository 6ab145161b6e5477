import os

from django.core.asgi import get_asgi_application
from django.db import connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_asgi_application()

# Settings change only with a restart: this is when SITE_URL may have changed.
from core.public_site import site_sync_at_start  # noqa: E402 - needs Django set up

site_sync_at_start()
# A server that forks its workers after loading this module must not share a connection.
connections.close_all()
