"""Signals other apps may listen to; the comments app knows none of its listeners."""

from django.dispatch import Signal

# What an article's comment section shows changed without a Comment being saved
# through the ORM's save() (a score or a text written with update()).
# Sent with `article_id`.
comment_section_changed = Signal()
