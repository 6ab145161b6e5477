"""Turning a stored article body into the HTML readers get."""

import re

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .models import Article

# A placeholder alone in its paragraph becomes a <figure> in that paragraph's place
# (a figure inside a <p> would be invalid HTML); anywhere else it is still replaced.
_PLACEHOLDER = re.compile(r"<p>\s*\[\[image:(\d+)\]\]\s*</p>|\[\[image:(\d+)\]\]")


def render_body(article: Article) -> SafeString:
    """The sanitized body with each [[image:N]] placeholder replaced by its figure.

    Only the article's own images are used (they are prefetched, so this costs
    no query); a placeholder naming any other image disappears.
    """
    images = {image.pk: image for image in article.images.all()}
    position = 0

    def replace(match: re.Match) -> str:
        nonlocal position
        image = images.get(int(match.group(1) or match.group(2)))
        if image is None:
            return ""
        position += 1
        # The first figure may be above the fold; later ones load lazily.
        return render_to_string(
            "articles/includes/figure.html", {"image": image, "lazy": position > 1}
        )

    return mark_safe(_PLACEHOLDER.sub(replace, article.body))  # noqa: S308 - body is sanitized on save
