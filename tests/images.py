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
