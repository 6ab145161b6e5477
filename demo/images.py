"""Illustrations for the demo content, drawn with Pillow so the repository ships no photos.

Abstract pictures with no words in them: a crop (teasers are 16:9 or square) or a
smaller rendition cannot cut a word in half, and one picture serves every edition.
They are drawn at twice their size and scaled down, so edges stay smooth at every
rendition; 1600 pixels wide is more than the widest rendition (1200)."""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = [
    ((20, 33, 61), (252, 163, 17), (229, 229, 229)),
    ((38, 70, 83), (42, 157, 143), (233, 196, 106)),
    ((61, 52, 139), (255, 111, 145), (255, 214, 165)),
    ((15, 76, 117), (187, 225, 250), (50, 130, 184)),
    ((52, 58, 64), (230, 57, 70), (241, 250, 238)),
    ((0, 48, 73), (247, 127, 0), (234, 226, 183)),
]
_SUPERSAMPLE = 2


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def illustration(label: str, *, width: int = 1600, height: int = 900) -> bytes:
    """A JPEG of an abstract picture (soft hills under a sky with discs and rings,
    like a landscape at dusk); the same label always gives the same picture."""
    seed = int(hashlib.sha256(label.encode()).hexdigest(), 16)
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    dark, light, pale = PALETTES[seed % len(PALETTES)]
    w, h = width * _SUPERSAMPLE, height * _SUPERSAMPLE
    image = _gradient((w, h), dark, tuple((d + lt) // 2 for d, lt in zip(dark, light, strict=True)))
    # A sun or moon in the upper half, in a halo (blurred small, which is cheap).
    sx, sy = rng.uniform(0.15, 0.85), rng.uniform(0.15, 0.42)
    sr = rng.uniform(0.07, 0.12) * h
    halo = Image.new("L", (w // 8, h // 8), 0)
    r8 = sr / 8
    ImageDraw.Draw(halo).ellipse(
        [sx * w / 8 - 2 * r8, sy * h / 8 - 2 * r8, sx * w / 8 + 2 * r8, sy * h / 8 + 2 * r8],
        fill=110,
    )
    halo = halo.filter(ImageFilter.GaussianBlur(r8 * 0.6)).resize((w, h), Image.Resampling.BILINEAR)
    image.paste(Image.new("RGB", (w, h), pale), (0, 0), halo)
    draw = ImageDraw.Draw(image)
    draw.ellipse([sx * w - sr, sy * h - sr, sx * w + sr, sy * h + sr], fill=pale)
    # Rings drifting across the sky.
    for _ in range(rng.randint(3, 6)):
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h * 0.6), rng.uniform(0.03, 0.1) * h
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=light, width=int(r * 0.12) + 2)
    # Three ranges of hills, darker towards the front.
    for layer in range(3):
        base = h * (0.55 + 0.14 * layer)
        amplitude = h * (0.1 - 0.025 * layer)
        phase, waves = rng.uniform(0, 6.28), rng.uniform(1.2, 2.8)
        mix = 0.25 + 0.3 * layer
        shade = tuple(int(lt * (1 - mix) + d * mix) for lt, d in zip(light, dark, strict=True))
        points = [(0, h)]
        for step in range(0, 101):
            x = w * step / 100
            wave = math.sin(step / 100 * waves * 6.28 + phase) + 0.35 * math.sin(
                step / 100 * waves * 15 + phase * 2
            )
            points.append((x, base - amplitude * wave))
        points.append((w, h))
        draw.polygon(points, fill=shade)
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=86)
    return buffer.getvalue()
