"""The article's form and its images' forms: a stored file that is gone is told, not
opened."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet

from core.editions import default_edition


def file_missing(value) -> bool:
    """A stored file (not a new upload) whose file is gone: only a revert to a revision
    whose image was deleted since leads here, or storage that lost a file."""
    return (
        bool(value)
        and not isinstance(value, UploadedFile)
        and not (value.storage.exists(value.name))
    )


class ArticleImageFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields and form.instance.image_id and file_missing(form.instance.file):
            # Ticked already: what is left of an image without its file is best dropped.
            form.fields["DELETE"].initial = True


class ArticleForm(forms.ModelForm):
    # Set by cleaning; the admin tells the editor when the save removed the image.
    featured_image_missing = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            # Left out, as a single-edition site leaves it out: the default edition.
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or default_edition()

    def clean_featured_image(self):
        image = self.cleaned_data.get("featured_image")
        if file_missing(image):
            self.featured_image_missing = True
            return False  # cleared, and the editor is told
        return image
