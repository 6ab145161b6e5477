"""What the body editor's image button (static/articles/admin/image_picker.js) is
configured with: where the picker asks, and its words in the editor's language (the
configuration is rendered into the page, so these follow the admin's language)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

LIBRARY_IMAGE = {
    "pickerUrl": reverse_lazy("admin:articles_image_picker"),
    "uploadUrl": reverse_lazy("admin:articles_image_picker_upload"),
    "texts": {
        "button": _("Image"),
        "title": _("Place an image"),
        "upload": _("Upload a new image"),
        "library": _("Choose from the library"),
        "file": _("Image file"),
        "alt": _("Alt text (what the image shows)"),
        "caption": _("Caption"),
        "credit": _("Credit"),
        "submit": _("Upload and place"),
        "search": _("Search by alt text, caption, credit or file name"),
        "none": _("No image in the library matches."),
        "place": _("Place"),
        "close": _("Close"),
        "missing": _("Image %(id)s is not in the library."),
        "failed": _("The upload failed. Please try again."),
        "loading": _("Loading…"),
    },
}
