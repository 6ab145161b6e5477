"""Upload checks that run before a file is stored, so that a bad upload is a form error."""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


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
