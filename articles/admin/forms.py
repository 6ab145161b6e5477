"""The article's form and its images' forms: a stored file that is gone is told, not
opened."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

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


# What length reads well where the text is shown, in characters: the lead under the
# headline and in teasers, the search description in a search result's snippet (which
# search engines cut at about 160). Advice, not a limit: the counter
# (static/articles/admin/length_hint.js) says when a text is outside.
RECOMMENDED_LENGTHS = {"lead": (140, 280), "seo_description": (120, 160)}
RECOMMENDED = _("Recommended: %(low)d–%(high)d characters.")
COUNTER_ONE = _("{count} character (recommended: {low}–{high})")
COUNTER_MANY = _("{count} characters (recommended: {low}–{high})")
COUNTER_SHORT = _("shorter than recommended")
COUNTER_LONG = _("longer than recommended")


class ArticleForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (low, high) in RECOMMENDED_LENGTHS.items():
            if name not in self.fields:
                continue
            field = self.fields[name]
            # Said in the help text, for a page without JavaScript; the script counts.
            hint = RECOMMENDED % {"low": low, "high": high}
            field.help_text = format_lazy("{} {}", field.help_text, hint).strip()
            field.widget.attrs.update(
                {
                    "data-recommended-length": f"{low}-{high}",
                    # The counter's words, in the admin's language ({count}, {low}, {high}).
                    "data-length-one": COUNTER_ONE,
                    "data-length-many": COUNTER_MANY,
                    "data-length-short": COUNTER_SHORT,
                    "data-length-long": COUNTER_LONG,
                }
            )
        if "language" in self.fields:
            # Left out, as a single-edition site leaves it out: the default edition.
            self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or default_edition()
