"""WordPress post content turned into our article HTML.

WordPress stores a post's text in one of two ways: classic HTML, where a blank line
starts a paragraph (its `wpautop` adds the <p> tags only when showing the post), and
block-editor markup, HTML between `<!-- wp:name {attributes} -->` comments. Both are
made into the sanitizer's allow-list (articles/sanitize.py): paragraphs, headings,
lists, quotes; images become marks the importer replaces with our placeholders once
it has stored them; embeds (videos, posts of other sites) become links. Shortcodes
(`[gallery ids="1,2"]`, `[caption]…[/caption]`) are read as text, never run: the few
WordPress itself defines are turned into what they showed, any other is dropped and
its content kept.

Nothing here trusts the export: whatever survives conversion goes through
`sanitize_html`, which keeps no script, no event attribute and no javascript: URL.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import secrets
from dataclasses import dataclass, field

import nh3
from lxml import etree
from lxml import html as lxml_html

from articles.placeholders import IMAGE_PLACEHOLDER
from articles.sanitize import sanitize_html

# Elements wpautop leaves as they are instead of wrapping them in a paragraph.
_BLOCK_TAGS = (
    "address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|form|"
    "h[1-6]|header|hr|iframe|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|"
    "tr|ul|video|audio|object|embed"
)
_STARTS_WITH_BLOCK = re.compile(rf"^\s*</?(?:{_BLOCK_TAGS})\b", re.IGNORECASE)
_PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
_BARE_URL_LINE = re.compile(r"^\s*(https?://[^\s<>\"']+)\s*$")
# The block editor's comments: <!-- wp:embed {"url": …} --> … <!-- /wp:embed -->
_EMBED_BLOCK = re.compile(
    r"<!--\s*wp:(?:core-embed/[\w-]+|embed)\s*(\{.*?\})?\s*-->(.*?)<!--\s*/wp:(?:core-embed/[\w-]+|embed)\s*-->",
    re.DOTALL,
)
_DROPPED_BLOCKS = re.compile(r"<!--\s*wp:(?:more|nextpage)\b.*?-->", re.DOTALL)
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
# A shortcode tag: [name attributes], [name attributes /], [/name]; [[name]] is
# WordPress's way of writing the text "[name]".
_SHORTCODE = re.compile(r"\[(\[?)(/?)([a-z][a-z0-9_-]*)((?:\s[^\[\]]*?)?)(/?)\](\]?)")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
# WordPress's own shortcodes, turned into what they showed.
_MEDIA_SHORTCODES = {"audio", "video", "playlist"}
_CAPTION_SHORTCODES = {"caption", "wp_caption"}
_OWN_PLACEHOLDER = re.compile(IMAGE_PLACEHOLDER)


@dataclass
class BodyImage:
    """An image of the body: `mark` stands where it goes until it is stored."""

    mark: str
    attachment_id: int | None
    src: str
    alt: str
    caption: str


@dataclass
class Converted:
    html: str
    images: list[BodyImage] = field(default_factory=list)

    def with_placeholders(self, placeholders: dict[str, str]) -> str:
        """The body with each image mark replaced by its placeholder, or dropped
        when `placeholders` has none for it (the image could not be had)."""
        body = self.html
        for image in self.images:
            body = body.replace(f"<p>{image.mark}</p>", placeholders.get(image.mark, ""))
        return body


def plain_text(value: str) -> str:
    """A title, a name or a comment as text: no tags, entities read."""
    if not value:
        return ""
    return html.unescape(nh3.clean(value, tags=set())).strip()


def shortcode_attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in _ATTRIBUTE.finditer(text)
    }


def _replace_shortcodes(content: str) -> str:
    """Read shortcodes as text: WordPress's own media ones become what they showed, any
    other tag goes and the text between an opening and a closing tag stays."""
    closing = {match.group(3) for match in _SHORTCODE.finditer(content) if match.group(2)}

    def tag(match: re.Match) -> str:
        escaped_open, slash, name, attributes, self_closing, escaped_close = match.groups()
        if escaped_open and escaped_close:
            return match.group(0)[1:-1]  # [[name]] is the text [name]
        if slash:
            if name in _CAPTION_SHORTCODES:
                return "</figure>"
            if name == "embed":
                return "</embed-url>"
            return "" if name in closing else match.group(0)
        attrs = shortcode_attributes(attributes)
        if name == "gallery":
            ids = [part for part in re.split(r"[\s,]+", attrs.get("ids", "")) if part.isdigit()]
            return "".join(f'<figure><img data-wp-id="{n}" alt=""></figure>' for n in ids)
        if name in _MEDIA_SHORTCODES:
            url = attrs.get("src") or attrs.get("mp4") or attrs.get("mp3") or ""
            return _link_paragraph(url)
        if name in _CAPTION_SHORTCODES:
            return "<figure data-wp-caption>"
        if name == "embed":
            return "<embed-url>"
        # An unknown name is a shortcode only when it looks like one (attributes, a
        # closing tag, "/]"); "[citation needed]" or "[1]" is text.
        if name in closing or self_closing or "=" in attributes:
            return ""
        return match.group(0)

    return _SHORTCODE.sub(tag, content)


def _link_paragraph(url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        return ""
    safe = html.escape(url, quote=True)
    return f'<p><a href="{safe}">{safe}</a></p>'


def _embed_blocks(content: str) -> str:
    def embed(match: re.Match) -> str:
        url = ""
        with contextlib.suppress(ValueError, AttributeError):
            url = json.loads(match.group(1) or "{}").get("url", "")
        if not url:
            found = re.search(r"https?://[^\s<>\"']+", match.group(2))
            url = found.group(0) if found else ""
        return _link_paragraph(url)

    return _EMBED_BLOCK.sub(embed, content)


def autop(content: str) -> str:
    """Paragraphs from blank lines, as WordPress's wpautop shows classic posts: a
    chunk that starts with a block element stays as it is; a line break inside a
    paragraph is a <br>; a URL alone on its line (an auto-embed) becomes a link."""
    kept: dict[str, str] = {}

    def keep(match: re.Match) -> str:
        key = f"\x02pre{len(kept)}\x03"
        kept[key] = match.group(0)
        return key

    content = _PRE.sub(keep, content)
    chunks = []
    for chunk in re.split(r"\n\s*\n", content):
        if not chunk.strip():
            continue
        if url := _BARE_URL_LINE.match(chunk):
            chunks.append(_link_paragraph(url.group(1)))
        elif _STARTS_WITH_BLOCK.match(chunk) or chunk.strip() in kept:
            chunks.append(chunk)
        else:
            chunks.append(f"<p>{chunk.strip().replace(chr(10), '<br>')}</p>")
    content = "\n".join(chunks)
    for key, value in kept.items():
        content = content.replace(key, value)
    return content


def _new_mark() -> str:
    return f"wpimport-image-{secrets.token_hex(8)}"


def _caption_of(figure) -> str:
    caption = ""
    for element in figure.iter("figcaption"):
        caption = element.text_content()
        element.drop_tree()
    if figure.get("data-wp-caption") is not None:
        # [caption]<img> The caption[/caption]: the text after the image.
        texts = [figure.text or ""] + [child.tail or "" for child in figure]
        caption = caption or " ".join(text.strip() for text in texts if text.strip())
    for element in figure.iter():
        if "wp-caption-text" in (element.get("class") or ""):
            caption = caption or element.text_content()
    return " ".join(caption.split())


def _outermost_wrapper(image):
    """The element an image stands for: itself, or the link, paragraph or figure
    around it that holds nothing else."""
    node = image
    while (parent := node.getparent()) is not None and parent.tag in {
        "a",
        "p",
        "figure",
        "div",
        "span",
        "picture",
    }:
        if parent.get("data-root") is not None:
            break
        others = [child for child in parent if child is not node and child.tag != "figcaption"]
        text = (parent.text or "") + "".join(child.tail or "" for child in parent)
        if others and parent.tag != "figure":
            break
        if text.strip() and parent.tag not in {"figure"} and parent.get("class") != "wp-caption":
            break
        node = parent
    return node


def _replace_images(root) -> list[BodyImage]:
    images: list[BodyImage] = []
    for image in list(root.iter("img")):
        if not any(ancestor is root for ancestor in image.iterancestors()):
            continue  # went with an earlier image's wrapper
        wrapper = _outermost_wrapper(image)
        caption = ""
        figures = [wrapper, *wrapper.iterancestors()] if wrapper is not image else []
        for candidate in figures:
            if candidate.tag in {"figure", "div"} or candidate.get("data-wp-caption") is not None:
                caption = _caption_of(candidate)
                if caption:
                    break
            if candidate.get("data-root") is not None:
                break
        classes = image.get("class") or ""
        found = _WP_IMAGE_CLASS.search(classes)
        wp_id = image.get("data-wp-id") or image.get("data-id") or (found and found.group(1))
        mark = _new_mark()
        images.append(
            BodyImage(
                mark=mark,
                attachment_id=int(wp_id) if wp_id and str(wp_id).isdigit() else None,
                src=(image.get("src") or "").strip(),
                alt=" ".join((image.get("alt") or "").split()),
                caption=caption,
            )
        )
        paragraph = etree.Element("p")
        paragraph.text = mark
        parent = wrapper.getparent()
        if parent.get("data-root") is not None or wrapper.tag not in {
            "img",
            "a",
            "span",
            "picture",
        }:
            # The image's own block: the mark takes its place.
            paragraph.tail = wrapper.tail
            parent.replace(wrapper, paragraph)
            continue
        # Inline in a paragraph (or a list item): the image follows that block.
        block = wrapper
        while block.getparent().get("data-root") is None:
            block = block.getparent()
        _remove_keeping_tail(wrapper, wrapper.tail)
        paragraph.tail = block.tail
        block.tail = None
        block.addnext(paragraph)
    return images


def _remove_keeping_tail(element, tail: str | None) -> None:
    parent = element.getparent()
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _embeds_to_links(root) -> None:
    for element in list(root.iter("iframe", "embed", "object", "video", "audio", "embed-url")):
        if element.getparent() is None:
            continue
        if element.tag == "embed-url":
            url = element.text_content().strip()
        else:
            url = element.get("src") or element.get("data") or ""
            if not url:
                source = next(iter(element.iter("source")), None)
                url = source.get("src", "") if source is not None else ""
        replacement = _link_paragraph(url)
        new = lxml_html.fragment_fromstring(replacement) if replacement else None
        parent = element.getparent()
        if new is None:
            _remove_keeping_tail(element, element.tail)
        else:
            new.tail = element.tail
            parent.replace(element, new)


def _headings(root) -> None:
    """Our editor has levels 2 to 4: a title-level heading becomes 2, deeper ones 4."""
    for element in root.iter("h1", "h5", "h6"):
        element.tag = "h2" if element.tag == "h1" else "h4"


def convert(content: str) -> Converted:
    """`content` (a post's content:encoded) as sanitized article HTML."""
    if not content or not content.strip():
        return Converted("")
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    is_blocks = "<!-- wp:" in content
    if is_blocks:
        content = _embed_blocks(_DROPPED_BLOCKS.sub("", content))
    content = _replace_shortcodes(content)
    if is_blocks:
        content = _BLOCK_COMMENT.sub("\n\n", content)
        # Text of a custom-HTML or shortcode block may stand outside any paragraph.
        content = autop(content)
    else:
        content = autop(content)
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    root.set("data-root", "")
    _embeds_to_links(root)
    images = _replace_images(root)
    _headings(root)
    inner = (root.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in root
    )
    cleaned = sanitize_html(inner)
    # A placeholder the export wrote itself is text, not one of ours.
    cleaned = _OWN_PLACEHOLDER.sub(lambda m: f"[image {m.group(1)}]", cleaned)
    cleaned = re.sub(r"<p>(?:\s|<br>)*</p>\n?", "", cleaned)
    kept = [image for image in images if f"<p>{image.mark}</p>" in cleaned]
    return Converted(cleaned, kept)


def first_paragraph(body: str, *, skip: tuple[str, ...] = ()) -> str:
    """The text of the first paragraph of sanitized `body` that has any."""
    for match in re.finditer(r"<p>(.*?)</p>", body, re.DOTALL):
        text = plain_text(match.group(1))
        if text and text not in skip and not _OWN_PLACEHOLDER.fullmatch(text):
            return text
    return plain_text(body)[:500]
