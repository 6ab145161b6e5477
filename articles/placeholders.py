"""How the body marks what the reader's rendering fills in, defined once for everything
that writes, expands or reads past them (the image model, the reader's rendering, the
link search, the sanitizer, the translation number check); imports nothing.

- "[[image:12]]", the image's id inside: where an image goes.
- "[[link:article:42]]" as a link's href: a link to something of the site, by kind and
  id, so that it follows the target's later slug changes and moves.
"""

IMAGE_PLACEHOLDER = r"\[\[image:(\d+)\]\]"

# What an internal link may point to; each kind's lookups are in articles/links.py.
LINK_KINDS = ("article", "category", "tag", "author", "page")
LINK_PLACEHOLDER = rf"\[\[link:({'|'.join(LINK_KINDS)}):([1-9]\d{{0,17}})\]\]"


def image_placeholder(image_id: int) -> str:
    return f"[[image:{image_id}]]"


def link_placeholder(kind: str, target_id: int) -> str:
    return f"[[link:{kind}:{target_id}]]"
