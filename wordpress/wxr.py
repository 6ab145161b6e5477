"""Reading a WordPress eXtended RSS export as a stream.

lxml's iterparse hands over each element as it ends; the importer reads the items
it needs and every element is cleared once read, so memory stays bounded whatever the
size of the file. WXR 1.1 and 1.2 with the http:// or https:// namespace are read alike:
elements are known by their namespace's kind and their local name.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def _kind(namespace: str | None) -> str:
    if not namespace:
        return ""
    if namespace == CONTENT_NS:
        return "content"
    if namespace == DC_NS:
        return "dc"
    bare = namespace.split("://", 1)[-1]
    if bare.startswith("wordpress.org/export/"):
        return "excerpt" if bare.rstrip("/").endswith("excerpt") else "wp"
    return "other"


def _name(element) -> str:
    if not isinstance(element.tag, str):
        return ""
    qname = etree.QName(element)
    kind = _kind(qname.namespace)
    return f"{kind}:{qname.localname}" if kind else qname.localname


@dataclass
class Record:
    """An element's children as name → text (the first of each name), plus the
    repeated ones the importer needs."""

    fields: dict[str, str] = field(default_factory=dict)
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # domain, slug, name
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Record] = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default) or default


def _record(element, *, nested: bool = True) -> Record:
    """`nested`: read the item's postmeta and comments as records of their own. WXR has
    them one level deep only; a comment's or a meta's own are fields, so that an export
    nesting them thousands deep cannot exhaust Python's recursion."""
    record = Record()
    for child in element:
        name = _name(child)
        if not nested and name in {"wp:postmeta", "wp:comment"}:
            record.fields.setdefault(name, "")
        elif name == "category":
            record.categories.append(
                (child.get("domain", ""), child.get("nicename", ""), child.text or "")
            )
        elif name == "wp:postmeta":
            meta = _record(child, nested=False)
            record.meta.setdefault(meta.get("wp:meta_key"), meta.get("wp:meta_value"))
        elif name == "wp:comment":
            comment = _record(child, nested=False)
            record.comments.append(comment)
        elif name and name not in record.fields:
            record.fields[name] = child.text or ""
    return record


class _CountingFile:
    """The export file, telling how far it has been read, for the progress bar."""

    def __init__(self, path: str):
        self.file = open(path, "rb")  # noqa: SIM115 - closed by the reader below
        self.size = os.path.getsize(path)

    def read(self, size: int = -1) -> bytes:
        return self.file.read(size)

    def position(self) -> int:
        return self.file.tell()

    def close(self) -> None:
        self.file.close()


TOP_LEVEL = {"item", "wp:category", "wp:tag", "wp:author", "wp:term", "wp:base_site_url",
             "wp:base_blog_url", "wp:wxr_version", "link"}  # fmt: skip


def read(
    path: str, progress: Callable[[int, int], None] | None = None
) -> Iterator[tuple[str, Record | str]]:
    """(name, record) for each item, category, tag and author of the export, and
    (name, text) for the channel's base URLs and WXR version, in file order."""
    source = _CountingFile(path)
    try:
        parser = etree.iterparse(
            source,
            events=("end",),
            # No entity is expanded and nothing is fetched: an export cannot make the
            # parser read a file or a URL, nor blow up (billion laughs).
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=True,
            remove_comments=True,
        )
        for _event, element in parser:
            parent = element.getparent()
            parent_name = _name(parent) if parent is not None else ""
            if parent_name != "channel":
                continue
            name = _name(element)
            if name in TOP_LEVEL:
                if name in {"item", "wp:category", "wp:tag", "wp:author", "wp:term"}:
                    yield name, _record(element)
                else:
                    yield name, (element.text or "").strip()
                if progress:
                    progress(source.position(), source.size)
            # Done with it: free it and whatever came before it in the channel.
            element.clear()
            while element.getprevious() is not None:
                del parent[0]
    finally:
        source.close()
