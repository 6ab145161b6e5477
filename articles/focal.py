"""Crops that keep an image's subject: its focal point, as fractions of its width and
height (0..1, set by clicking on the image in the library), stays inside the frame."""

from __future__ import annotations

from imagekit.specs import ImageSpec
from PIL import Image as PILImage


def focal_box(
    width: int, height: int, *, ratio: float, focal_x: float, focal_y: float
) -> tuple[int, int, int, int]:
    """The largest box of aspect `ratio` (width / height) inside a `width` × `height`
    picture, placed so that its centre is as near the focal point as the picture's
    edges allow; the focal pixel is always inside it."""
    crop_width, crop_height = width, round(width / ratio)
    if crop_height > height:
        crop_width, crop_height = round(height * ratio), height
    crop_width, crop_height = max(1, min(crop_width, width)), max(1, min(crop_height, height))
    left = _place(round(focal_x * width), crop_width, width)
    top = _place(round(focal_y * height), crop_height, height)
    return left, top, left + crop_width, top + crop_height


def focal_size(width: int, height: int, *, ratio: float, width_at_most: int) -> tuple[int, int]:
    """The size of the FocalCrop of a `width` × `height` picture: the crop of
    focal_box, scaled down to `width_at_most` if wider, never up."""
    if not width or not height:
        return 0, 0
    left, top, right, bottom = focal_box(width, height, ratio=ratio, focal_x=0.5, focal_y=0.5)
    crop_width, crop_height = right - left, bottom - top
    if crop_width > width_at_most:
        return width_at_most, round(width_at_most * crop_height / crop_width)
    return crop_width, crop_height


def _place(centre: int, size: int, total: int) -> int:
    return min(max(centre - size // 2, 0), total - size)


class FocalCrop:
    """An imagekit processor: crop to `ratio` around the focal point, then scale down
    to `width` pixels at most. It holds plain numbers, which imagekit hashes into the
    rendition's file name: a moved focal point makes a new file, not a stale one."""

    def __init__(self, *, ratio: float, width: int, focal_x: float, focal_y: float):
        self.ratio, self.width = ratio, width
        self.focal_x, self.focal_y = focal_x, focal_y

    def process(self, img: PILImage.Image) -> PILImage.Image:
        box = focal_box(
            img.width, img.height, ratio=self.ratio, focal_x=self.focal_x, focal_y=self.focal_y
        )
        img = img.crop(box)
        # Scaled down only, as focal_size tells the <img> beforehand.
        if img.width > self.width:
            img = img.resize((self.width, round(self.width * img.height / img.width)),
                             PILImage.Resampling.LANCZOS)  # fmt: skip
        return img


class FocalCropSpec(ImageSpec):
    """A teaser-shaped rendition of a library image (`source` is its file), cut around
    that image's focal point."""

    ratio: float = 16 / 9
    width: int = 800
    format = "WEBP"
    options = {"quality": 80}  # noqa: RUF012 - imagekit's attribute

    @property
    def processors(self) -> list[FocalCrop]:
        image = self.source.instance
        return [FocalCrop(ratio=self.ratio, width=self.width,
                          focal_x=image.focal_x, focal_y=image.focal_y)]  # fmt: skip


def focal_spec(*, ratio: float, width: int) -> type[FocalCropSpec]:
    return type(f"FocalCrop{width}x{ratio:.2f}", (FocalCropSpec,), {"ratio": ratio, "width": width})
