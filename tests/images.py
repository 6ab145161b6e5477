"""Image files for upload tests, made in memory."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(
    width: int = 640, height: int = 360, fmt: str = "JPEG", *, noise: bool = False, **save_kwargs
) -> bytes:
    """An image file; `noise` makes it photo-like, so that it does not compress to nothing."""
    if noise:
        image = Image.effect_noise((width, height), 60).convert("RGB")
    else:
        image = Image.new("RGB", (width, height), (30, 90, 160))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save_kwargs)
    return buffer.getvalue()


def upload(name: str = "photo.jpg", data: bytes | None = None, content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data if data is not None else image_bytes(), content_type)


def animation(
    frames: int, width: int, height: int, fmt: str = "WEBP", *, exif: bool = False
) -> bytes:
    """An animated GIF, PNG (APNG) or WebP whose frames all differ; `exif` adds a camera
    maker, so that the upload has metadata to strip and is re-encoded."""
    images = [Image.new("RGB", (width, height), (i * 37 % 256, i * 11 % 256, 90)) for i in
              range(frames)]  # fmt: skip
    options = {"save_all": True, "append_images": images[1:], "duration": 40, "loop": 0}
    if exif:
        tags = Image.Exif()
        tags[0x010F] = "PhoneMaker"
        options["exif"] = tags.tobytes()
    buffer = io.BytesIO()
    images[0].save(buffer, format=fmt, **options)
    return buffer.getvalue()
