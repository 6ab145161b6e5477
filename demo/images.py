"""Illustrations for the demo content, drawn with Pillow so the repository ships no photos."""

import hashlib
import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

PALETTES = [
    ((20, 33, 61), (252, 163, 17)),
    ((38, 70, 83), (42, 157, 143)),
    ((61, 52, 139), (255, 111, 145)),
    ((15, 76, 117), (187, 225, 250)),
    ((52, 58, 64), (230, 57, 70)),
    ((0, 48, 73), (247, 127, 0)),
]


# Pillow's own font has no umlauts; German captions take DejaVu Sans where the system has
# it (Debian: fonts-dejavu-core), else they are spelt without them.
_WIDE_FONTS = ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_ASCII = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


@cache
def _wide_font(size: int):
    for name in _WIDE_FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None


def _caption_font(caption: str, size: int = 72):
    """A font that can draw `caption`, and the caption as it will be drawn."""
    wide = None if caption.isascii() else _wide_font(size)
    if wide is not None:
        return wide, caption
    return ImageFont.load_default(size=size), caption.translate(_ASCII)


def illustration(
    label: str, *, text: str | None = None, width: int = 1600, height: int = 900
) -> bytes:
    """A JPEG of an abstract, repeatable picture: the same label gives the same image.
    `text` (default: the label) is what it says; a translation keeps the picture of the
    original's label and says it in its own language."""
    seed = int(hashlib.sha256(label.encode()).hexdigest(), 16)
    dark, light = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(d + (lt - d) * t * 0.35) for d, lt in zip(dark, light, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    for i in range(7):
        bits = (seed >> (i * 12)) & 0xFFF
        cx = (bits * 37) % width
        cy = (bits * 53) % height
        radius = 60 + (bits % 9) * 30
        outline = light if i % 2 else (255, 255, 255)
        draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius], outline=outline, width=6 + i
        )
    draw.rectangle([0, height - 150, width, height], fill=(0, 0, 0))
    font, caption = _caption_font((label if text is None else text)[:40])
    draw.text((60, height - 120), caption, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()
