"""The articles' admin, one module per screen and the parts they share. Importing the
screens registers their ModelAdmins."""

from . import articles, categories, images, review_queue, tags  # noqa: F401
