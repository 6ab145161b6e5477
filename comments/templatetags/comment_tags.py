from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings

from ..forms import CommentForm
from ..selectors import CommentNode, CommentSection, Sort, comment_section
from ..text import comment_html

register = template.Library()


@dataclass
class SectionView:
    """The section and what the reader's request adds to it: the form, the reply target."""

    section: CommentSection
    form: CommentForm
    reply_to: CommentNode | None
    reply_missing: bool
    sorts: list[tuple[str, str]]
    can_vote: bool
    author_ids: frozenset[int]


def _sort_labels():
    from django.utils.translation import gettext

    return [
        (Sort.NEWEST, gettext("Newest")),
        (Sort.OLDEST, gettext("Oldest")),
        (Sort.VOTES, gettext("Most voted")),
    ]


@register.simple_tag(takes_context=True)
def comment_section_for(context, article) -> SectionView:
    """{% comment_section_for article as comments %}: the article page's comment section.

    A fixed number of queries whatever the number of comments (see the selector).
    """
    from ..views import guest_voter

    request = context["request"]
    user = request.user
    section = comment_section(
        article=article,
        sort=request.GET.get("sort"),
        show_all=request.GET.get("comments") == "all",
        voter=guest_voter(request),
        user=user,
    )
    reply_to = None
    reply_missing = False
    raw = request.GET.get("reply")
    if raw:
        try:
            reply_to = section.nodes.get(int(raw))
        except ValueError:
            reply_to = None
        reply_missing = reply_to is None
    form = CommentForm(article, initial={"reply_to": reply_to.comment.pk if reply_to else 0})
    if reply_to:
        # The reader came for this form: put the cursor in it, no script needed.
        form.fields["comment"].widget.attrs["autofocus"] = True
    # Authors shown with a badge, only when the page has them loaded already.
    authors = getattr(article, "_prefetched_objects_cache", {}).get("authors")
    return SectionView(
        section=section,
        form=form,
        reply_to=reply_to,
        reply_missing=reply_missing,
        sorts=_sort_labels(),
        can_vote=user.is_authenticated or settings.COMMENTS_GUEST_VOTING,
        author_ids=frozenset(author.pk for author in authors)
        if authors is not None
        else frozenset(),
    )


@register.filter
def comment_text(text: str):
    return comment_html(text or "")


@register.simple_tag
def comments_setting(name: str):
    """A comments setting the templates need, e.g. the guest policy."""
    if not name.startswith("COMMENTS_"):
        raise template.TemplateSyntaxError("only COMMENTS_* settings are available")
    return getattr(settings, name)


@register.simple_tag
def site_name() -> str:
    return settings.SITE_NAME
