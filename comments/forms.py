"""The comment form: xtd's form (security hash, honeypot, reply_to) in our words and rules."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_comments_xtd.forms import XtdCommentForm

from articles.passages import passage_ids
from core.ids import parse_id

from .models import Comment


class Notify:
    NOTHING = ""
    FOLLOWUPS = "followups"
    REPLIES = "replies"

    choices = [
        (NOTHING, pgettext_lazy("notify me of", "nothing")),
        (FOLLOWUPS, _("new follow-up comments")),
        (REPLIES, _("new replies to my comments")),
    ]


_WIDGETS = Jinja2()


class CommentForm(XtdCommentForm):
    """Posts a comment or a reply on an article.

    `reply_to` holds the comment the reader answered; `clean_reply_to` turns it
    into the comment the reply hangs under, which is that comment's ancestor
    when the thread is already as deep as it may go.
    """

    # Its widgets through Django's Jinja2 templates of them, as the comment tree is
    # rendered: the same markup, in half the time of the template language's (the form
    # is on every article page, a tenth of an uncached one's rendering). One renderer
    # for the process: given the class, Django would make an engine, and compile every
    # widget's template again, for each form.
    default_renderer = _WIDGETS

    # The passage of the body the comment is about, when posted from its thread.
    passage = forms.CharField(required=False, widget=forms.HiddenInput)
    notify = forms.ChoiceField(
        label=_("Notify me of"), choices=Notify.choices, required=False, initial=Notify.NOTHING
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["followup"]
        self.replied_to: Comment | None = None
        fields = self.fields
        fields["name"].label = _("Name")
        fields["name"].widget = forms.TextInput(attrs={"autocomplete": "name", "maxlength": 50})
        fields["email"].label = _("Email")
        fields["email"].help_text = _("Never shown.")
        fields["email"].widget = forms.EmailInput(attrs={"autocomplete": "email"})
        fields["url"].label = _("Website (optional)")
        fields["url"].widget = forms.URLInput(attrs={"autocomplete": "url"})
        fields["comment"].label = _("Your comment")
        fields["comment"].widget = forms.Textarea(
            attrs={"rows": 5, "maxlength": settings.COMMENT_MAX_LENGTH, "required": True}
        )
        fields["comment"].error_messages["required"] = _("Please write something first.")
        fields["name"].error_messages["required"] = _("Please tell us your name.")
        fields["email"].error_messages["required"] = _(
            "Please give your email address; it is not shown."
        )
        fields["honeypot"].label = _("Leave this field empty")
        fields["honeypot"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_name(self) -> str:
        # One line: the name goes into mail subjects and headers.
        return " ".join(self.cleaned_data["name"].split())

    def clean_reply_to(self) -> int:
        """0 for a new thread, else the id of the comment the reply hangs under."""
        answered_id = self.cleaned_data.get("reply_to") or 0
        if not answered_id:
            return 0
        answered_id = parse_id(answered_id, model=Comment)
        answered = answered_id and (
            Comment.objects.visible()
            .for_article(self.target_object.pk)
            .select_related(None)
            .filter(pk=answered_id)
            .first()
        )
        if answered is None:
            raise forms.ValidationError(
                _("The comment you are replying to is not available any more."),
                code="reply_to_missing",
            )
        self.replied_to = answered
        max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
        if max_level <= 0:
            return 0
        parent = answered
        # The reply would sit one level below `parent`: climb until that is allowed.
        while parent.level >= max_level:
            parent = Comment.objects.select_related(None).get(pk=parent.parent_id)
        return parent.pk

    def clean_passage(self) -> str:
        """One of the article's passages, or "" for the article as a whole."""
        passage = self.cleaned_data.get("passage") or ""
        if passage and passage not in passage_ids(self.target_object.body):
            raise forms.ValidationError(
                _("The passage you commented on is not open for comments any more."),
                code="passage_missing",
            )
        return passage

    def clean(self):
        cleaned = super().clean()
        if self.replied_to is not None:
            # A reply joins the discussion its thread belongs to.
            cleaned["passage"] = self.replied_to.passage
        notify = cleaned.get("notify") or Notify.NOTHING
        cleaned["followup"] = notify == Notify.FOLLOWUPS
        cleaned["notify_replies"] = notify == Notify.REPLIES
        return cleaned

    def get_comment_create_data(self, site_id=None):
        data = super().get_comment_create_data(site_id=site_id)
        data["notify_replies"] = self.cleaned_data["notify_replies"]
        data["replied_to_id"] = self.replied_to.pk if self.replied_to else None
        data["passage"] = self.cleaned_data.get("passage", "")
        return data
