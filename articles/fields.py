from django import forms
from django.db import models

from .validators import clean_image_file, validate_image_file


class CheckedImageFormField(forms.ImageField):
    """Runs our checks before Django's, so editors read *why* a file is refused
    (too many pixels, truncated) instead of a generic "not a valid image"; then
    turns the image upright and strips its metadata (GPS position and the like),
    so that what is stored and served is only the picture."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image_file(data)
            data = clean_image_file(data)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField whose forms (admin included) run `validate_image_file` and
    `clean_image_file`."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})
