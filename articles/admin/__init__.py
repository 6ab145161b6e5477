"""The articles' admin. Importing the modules registers their ModelAdmins."""

from . import articles  # noqa: F401
