"""How an author is named and addressed on the reader site: the one rule for the
author page's URL, the byline, the feeds and the body's links to authors."""

from django.urls import reverse
from django.utils.text import slugify

# The fields of a user that the functions below read: whatever shows an author reads
# these, and a change to any of them renames the author wherever they show.
NAME_FIELDS = ("username", "first_name", "last_name")


def author_slug(author) -> str:
    return slugify(author.get_full_name() or author.get_username()) or "author"


def author_url(author) -> str:
    return reverse("reader:author", kwargs={"pk": author.pk, "slug": author_slug(author)})


def author_name(author) -> str:
    return author.get_full_name() or author.get_username()
