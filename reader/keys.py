"""Surrogate keys: names for what a reader page shows, for the HTTP cache in front.

Each page cached in front carries the keys of everything it shows (the `xkey` header,
see http_cache.py); a change purges the keys of what it touched, and with them exactly
the pages that show it:

- `a<id>`: every page that shows the article: its own page, every list and box
  it appears in. An edit, an unpublished or deleted article purges it.
- `p<id>`: the article's own page, in each of its variants (`?sort=`, `?comments=all`):
  its comments, votes, sources and images.
- lists, per edition: `home-en`, `c<id>-en` (a section page, its feeds, and the
  "other articles" of its stories), `t<id>-en`, `u<id>-en` (a tag's, an author's
  articles), `feed-en`, and `sitemap`. An article purges the lists it is in now, so
  that a newly published one appears there; the pages that showed it before carry
  its `a<id>`. Every list page carries its list's key, so that its later pages,
  which shift, go too.
- `site`: every reader page (the section menu): a category renamed or moved.
- `any-article`: a reader page that names nothing it shows; every article change
  purges it.
"""

from __future__ import annotations

from collections.abc import Iterable

SITE = "site"
ANY_ARTICLE = "any-article"
UNNAMED = (ANY_ARTICLE,)
SITEMAP = "sitemap"


def article(pk: int) -> str:
    return f"a{pk}"


def article_page(pk: int) -> str:
    return f"p{pk}"


def article_page_keys(pk: int) -> tuple[str, str]:
    return article(pk), article_page(pk)


def home(language: str) -> str:
    return f"home-{language}"


def feed(language: str) -> str:
    return f"feed-{language}"


def category(pk: int, language: str) -> str:
    return f"c{pk}-{language}"


def tag(pk: int, language: str) -> str:
    return f"t{pk}-{language}"


def author(pk: int, language: str) -> str:
    return f"u{pk}-{language}"


def showing(articles: Iterable) -> list[str]:
    """The keys of the articles a list or box shows."""
    return [article(item.pk) for item in articles]


def article_change(
    *,
    article_id: int,
    language: str,
    category_ids: Iterable[int] = (),
    tag_ids: Iterable[int] = (),
    author_ids: Iterable[int] = (),
) -> set[str]:
    """What a change of an article purges: every page showing it, and every list it is
    in (`category_ids` with their ancestors: a section lists its subsections' articles)."""
    return {
        article(article_id),
        ANY_ARTICLE,
        SITEMAP,
        home(language),
        feed(language),
        *(category(pk, language) for pk in category_ids),
        *(tag(pk, language) for pk in tag_ids),
        *(author(pk, language) for pk in author_ids),
    }
