"""Upload checks that run before a file is stored, so that a bad upload is a form error."""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat, floatformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

# MPO is what many phone cameras write: a JPEG with a second, smaller picture in it.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "GIF", "WEBP"}
# Formats whose every frame is kept (GIF, APNG, animated WebP), so every frame counts
# towards the limits and is decoded once, to check it. An MPO's second picture is
# dropped and never decoded, so it does not count.
ANIMATED_FORMATS = {"GIF", "PNG", "WEBP"}
EXIF_ORIENTATION = 0x0112
# Quality for a JPEG or WebP that has to be re-encoded after turning it upright; high
# enough that the rendition step, not this one, decides what readers download.
REENCODE_QUALITY = 92


def validate_image_file(file) -> None:
    """Accept only a complete, decodable image of a web format within the size limits.

    Django's ImageField only runs Pillow's `verify()`, which lets a truncated JPEG
    through; such a file would later break every rendition. So every frame is decoded
    here, but only after the limits have been checked from the file's header: decoding
    a bomb first would be the attack. The pixel limit counts every frame an animation
    has (frames × width × height), and the frame limit bounds the per-frame work, so
    that whatever is accepted is decoded and re-encoded well within a request.
    """
    max_bytes = settings.ARTICLES_IMAGE_MAX_BYTES
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(max)s.")
            % {"size": filesizeformat(file.size), "max": filesizeformat(max_bytes)},
            code="file_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                if image.format not in ACCEPTED_FORMATS:
                    raise ValidationError(
                        _("Upload a JPEG, PNG, GIF or WebP image."), code="invalid_format"
                    )
                frames = frame_count(image)
                _check_limits(frames, *image.size)
                for frame in range(frames):
                    image.seek(frame)
                    image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("The image has too many pixels to be processed safely."), code="too_many_pixels"
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ValidationError(
            _("The file is not a complete image, or it is damaged."), code="invalid_image"
        ) from exc
    finally:
        file.seek(position)


def frame_count(image: Image.Image) -> int:
    """The frames of `image` that are kept and so decoded, read from its headers: a
    WebP or APNG states it; for a GIF Pillow skips from frame header to frame header
    without decoding any."""
    if image.format not in ANIMATED_FORMATS:
        return 1
    return getattr(image, "n_frames", 1)


def _check_limits(frames: int, width: int, height: int) -> None:
    max_frames = settings.ARTICLES_IMAGE_MAX_FRAMES
    max_pixels = settings.ARTICLES_IMAGE_MAX_PIXELS
    if frames > max_frames:
        raise ValidationError(
            _("This animation has %(frames)s frames; the most accepted is %(max)s.")
            % {"frames": frames, "max": max_frames},
            code="too_many_frames",
        )
    if frames == 1 and width * height > max_pixels:
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels; "
                "the largest accepted is %(max)s megapixels."
            )
            % {"width": width, "height": height, "max": _megapixels(max_pixels)},
            code="too_many_pixels",
        )
    if frames * width * height > max_pixels:
        raise ValidationError(
            _(
                "This animation has %(frames)s frames of %(width)s × %(height)s pixels, "
                "%(total)s megapixels in all; the most accepted is %(max)s megapixels."
            )
            % {
                "frames": frames,
                "width": width,
                "height": height,
                "total": _megapixels(frames * width * height),
                "max": _megapixels(max_pixels),
            },
            code="too_many_pixels",
        )


def _megapixels(pixels: int) -> str:
    # One decimal at most, in the reader's locale: "40", "0.5", "2,5".
    return floatformat(pixels / 1_000_000, -1)


def clean_image_file(file):
    """The upload as it should be stored: upright, and without what a camera or phone
    records about where and how it was taken (EXIF with GPS position, XMP, comments).

    Returns `file` itself when there is nothing to remove, so that such files are
    stored byte for byte. A PNG or WebP that needs no turning loses its metadata
    chunks and nothing else: no pixel is re-encoded, so an animation keeps every frame
    at no cost per frame. Otherwise the image is re-encoded (one frame only: a still):
    a JPEG keeps its own quantisation tables (no visible loss) unless it had to be
    rotated; colour profiles are kept. GIFs carry no EXIF and are left alone.
    Call it after `validate_image_file`.
    """
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with Image.open(file) as image:
            if image.format == "GIF" or not _has_metadata(image):
                return file
            fmt = image.format
            turned = image.getexif().get(EXIF_ORIENTATION, 1) != 1
            if fmt in CHUNK_STRIPPERS and (frame_count(image) > 1 or not turned):
                # An animation is never turned: that would re-encode every frame.
                file.seek(0)
                data = CHUNK_STRIPPERS[fmt](file.read())
            else:
                data, fmt = _reencode_without_metadata(image)
    finally:
        file.seek(position)
    name = file.name or "image"
    if fmt == "JPEG" and not name.lower().endswith((".jpg", ".jpeg")):
        name = f"{name.rsplit('.', 1)[0]}.jpg"
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return SimpleUploadedFile(name, data, content_type=content_type)


def _has_metadata(image: Image.Image) -> bool:
    if image.format == "MPO":
        return True  # the embedded second picture goes too
    if image.getexif():
        return True
    # PNG text chunks land in info as plain strings, next to technical keys.
    technical = {"dpi", "jfif", "jfif_version", "jfif_unit", "jfif_density", "icc_profile",
                 "progression", "progressive", "adobe", "adobe_transform", "transparency",
                 "gamma", "background", "loop", "duration", "timestamp", "aspect", "srgb",
                 "chromaticity", "interlace", "mp", "mpoffset", "photoshop",
                 "bbox", "blend", "disposal", "default_image"}  # fmt: skip
    return any(key not in technical for key in image.info)


def _reencode_without_metadata(image: Image.Image) -> tuple[bytes, str]:
    fmt = "JPEG" if image.format == "MPO" else image.format
    orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    upright = ImageOps.exif_transpose(image) if orientation != 1 else image
    options: dict = {}
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    if fmt == "JPEG":
        # An empty comment, because Pillow otherwise copies the original one over.
        options["comment"] = b""
        # Pillow can keep the original's tables only for a plain JPEG shown as stored.
        if upright is image and image.format == "JPEG":
            options.update(quality="keep", subsampling="keep", qtables="keep")
        else:
            options.update(
                quality=REENCODE_QUALITY, subsampling=JpegImagePlugin.get_sampling(image)
            )
            if options["subsampling"] == -1:
                del options["subsampling"]
    elif fmt == "WEBP":
        # libwebp's method 2 instead of its default 4: the same size at this quality,
        # and about five times faster (4 s instead of 19 s for 40 megapixels).
        options.update(quality=REENCODE_QUALITY, method=2)
    elif fmt == "PNG":
        # zlib level 3 instead of 6: a quarter larger, twice as fast (4 s for 40 megapixels).
        options["compress_level"] = 3
    buffer = io.BytesIO()
    upright.save(buffer, format=fmt, **options)
    return buffer.getvalue(), fmt


# ------------------------------------------------------------------------------
# Metadata out of PNG and WebP files, chunk by chunk (the pixels stay as they are)
# ------------------------------------------------------------------------------
# Ancillary PNG chunks that say how to show or animate the picture. Every other one
# (eXIf, tEXt, zTXt, iTXt with XMP, tIME, private chunks) is about the file and goes;
# critical chunks (upper-case first letter) are needed to decode it and stay.
PNG_KEPT_CHUNKS = {b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"cICP", b"mDCV", b"cLLI",
                   b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"}  # fmt: skip
# WebP chunks of the picture; EXIF, XMP and unknown chunks go.
WEBP_KEPT_CHUNKS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
WEBP_EXIF_AND_XMP_FLAGS = 0x08 | 0x04  # in the VP8X header's first byte


def _png_without_metadata(data: bytes) -> bytes:
    kept, at = [data[:8]], 8  # after the signature
    while at < len(data):
        # length (4 bytes), kind (4), payload, CRC (4)
        end = at + 12 + int.from_bytes(data[at : at + 4], "big")
        kind = _chunk_kind(data, at + 4, end)
        if kind[:1].isupper() or kind in PNG_KEPT_CHUNKS:
            kept.append(data[at:end])
        if kind == b"IEND":
            break  # whatever is appended after the image goes too
        at = end
    return b"".join(kept)


def _webp_without_metadata(data: bytes) -> bytes:
    kept, at, riff_end = [], 12, 8 + int.from_bytes(data[4:8], "little")
    while at < min(riff_end, len(data)):
        # kind (4 bytes), length (4), payload, a padding byte after an odd length
        length = int.from_bytes(data[at + 4 : at + 8], "little")
        end = at + 8 + length + length % 2
        kind = _chunk_kind(data, at, end)
        if kind == b"VP8X":
            flags = data[at + 8] & ~WEBP_EXIF_AND_XMP_FLAGS
            kept.append(data[at : at + 8] + bytes([flags]) + data[at + 9 : end])
        elif kind in WEBP_KEPT_CHUNKS:
            kept.append(data[at:end])
        at = end
    body = b"WEBP" + b"".join(kept)
    return b"RIFF" + len(body).to_bytes(4, "little") + body


def _chunk_kind(data: bytes, at: int, end: int) -> bytes:
    if end > len(data):
        raise ValidationError(
            _("The file is not a complete image, or it is damaged."), code="invalid_image"
        )
    return data[at : at + 4]


CHUNK_STRIPPERS = {"PNG": _png_without_metadata, "WEBP": _webp_without_metadata}
