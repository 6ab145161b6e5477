from django import forms
from django.db import models

from .validators import validate_image_file


class CheckedImageFormField(forms.ImageField):
    """Runs our checks before Django's, so editors read *why* a file is refused
    (too many pixels, truncated) instead of a generic "not a valid image"."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image_file(data)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField whose forms (admin included) run `validate_image_file`."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})
