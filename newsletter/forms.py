from django import forms
from django.utils.translation import gettext_lazy as _

from core.ids import parse_id

from . import selectors


class TopicsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name

    def _check_values(self, value):
        for pk in value:
            # Refused before the database sees it: SQLite fails loudly on numbers too large.
            if parse_id(pk, model=self.queryset.model) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "name@example.com"}),
    )
    topics = TopicsField(
        label=_("Topics"),
        queryset=selectors.topic_choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to get news from every section."),
        error_messages={
            "invalid_choice": _("Please choose topics from the list."),
            "invalid_pk_value": _("Please choose topics from the list."),
        },
    )
    # A trap for bots, which fill in every field; people never see it (hidden by
    # the stylesheet, skipped by the tab key and by assistive technology).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
