"""Upload checks that run before a file is stored, so that a bad upload is a form error."""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

# MPO is what many phone cameras write: a JPEG with a second, smaller picture in it.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "GIF", "WEBP"}
EXIF_ORIENTATION = 0x0112
# Quality for a JPEG or WebP that has to be re-encoded after turning it upright; high
# enough that the rendition step, not this one, decides what readers download.
REENCODE_QUALITY = 92


def validate_image_file(file) -> None:
    """Accept only a complete, decodable image of a web format within the size limits.

    Django's ImageField only runs Pillow's `verify()`, which lets a truncated JPEG
    through; such a file would later break every rendition. So the whole image is
    decoded here, after the pixel count has been checked (decoding a bomb first
    would be the attack).
    """
    max_bytes = settings.ARTICLES_IMAGE_MAX_BYTES
    max_pixels = settings.ARTICLES_IMAGE_MAX_PIXELS
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
                width, height = image.size
                if image.format not in ACCEPTED_FORMATS:
                    raise ValidationError(
                        _("Upload a JPEG, PNG, GIF or WebP image."), code="invalid_format"
                    )
                if width * height > max_pixels:
                    raise ValidationError(
                        _(
                            "The image is %(width)s × %(height)s pixels; "
                            "the largest accepted is %(max)s megapixels."
                        )
                        % {"width": width, "height": height, "max": max_pixels // 1_000_000},
                        code="too_many_pixels",
                    )
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("The image has too many pixels to be processed safely."), code="too_many_pixels"
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The file is not a complete image, or it is damaged."), code="invalid_image"
        ) from exc
    finally:
        file.seek(position)


def clean_image_file(file):
    """The upload as it should be stored: upright, and without what a camera or phone
    records about where and how it was taken (EXIF with GPS position, XMP, comments).

    Returns `file` itself when there is nothing to remove, so that such files are
    stored byte for byte. Otherwise the image is re-encoded: a JPEG keeps its own
    quantisation tables (no visible loss) unless it had to be rotated; colour profiles
    are kept. GIFs carry no EXIF and are left alone, so that animations survive.
    Call it after `validate_image_file`.
    """
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with Image.open(file) as image:
            if image.format == "GIF" or not _has_metadata(image):
                return file
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
                 "chromaticity", "interlace", "mp", "mpoffset", "photoshop"}  # fmt: skip
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
        # Re-encoding an animation keeps all its frames.
        if getattr(image, "is_animated", False):
            options["save_all"] = True
        options["quality"] = REENCODE_QUALITY
    buffer = io.BytesIO()
    upright.save(buffer, format=fmt, **options)
    return buffer.getvalue(), fmt
