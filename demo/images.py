"""Illustrations for the demo content, drawn with Pillow so the repository ships no photos."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

PALETTES = [
    ((20, 33, 61), (252, 163, 17)),
    ((38, 70, 83), (42, 157, 143)),
    ((61, 52, 139), (255, 111, 145)),
    ((15, 76, 117), (187, 225, 250)),
    ((52, 58, 64), (230, 57, 70)),
    ((0, 48, 73), (247, 127, 0)),
]


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
    font = ImageFont.load_default(size=72)
    draw.rectangle([0, height - 150, width, height], fill=(0, 0, 0))
    caption = label if text is None else text
    draw.text((60, height - 120), caption[:40], fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()
