import io

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import Image as LibraryImage
from tests.images import animation, image_bytes, upload

pytestmark = pytest.mark.django_db


def post_image(client, file, alt="A photo of a laptop"):
    """An upload from the body editor's image picker (articles/admin/images.py)."""
    data = {"file": file, "alt": alt, "caption": "", "credit": ""}
    return client.post(reverse("admin:articles_image_picker_upload"), data)


def form_errors(response) -> str:
    assert response.status_code == 400, "expected the picker's errors"
    return str(response.json()["errors"])


def test_a_real_image_is_stored_with_its_size(staff_client):
    response = post_image(staff_client, upload(data=image_bytes(1200, 800)))
    assert response.status_code == 201
    image = LibraryImage.objects.get()
    assert (image.width, image.height) == (1200, 800)


def test_a_file_that_is_not_an_image_gets_a_form_error(staff_client):
    response = post_image(staff_client, upload("notes.jpg", b"just some text\n" * 50))
    assert "image" in form_errors(response).lower()
    assert not LibraryImage.objects.exists()


def test_a_truncated_image_gets_a_form_error(staff_client):
    # Pillow's verify(), all Django's ImageField runs, accepts this file; decoding it fails.
    whole = image_bytes(1600, 1200, noise=True, quality=95)
    response = post_image(staff_client, upload(data=whole[: len(whole) // 2]))
    assert "not a complete image" in form_errors(response)
    assert not LibraryImage.objects.exists()


def test_a_decompression_bomb_gets_a_form_error(staff_client):
    buffer = io.BytesIO()
    # 20,000 × 20,000 pixels of one colour: a few hundred KB as PNG, 1.2 GB decoded.
    Image.new("1", (20_000, 20_000)).save(buffer, format="PNG")
    response = post_image(staff_client, upload("bomb.png", buffer.getvalue(), "image/png"))
    assert "pixels" in form_errors(response)
    assert not LibraryImage.objects.exists()


def test_an_image_over_the_pixel_limit_gets_a_form_error(staff_client, settings):
    settings.ARTICLES_IMAGE_MAX_PIXELS = 1_000_000
    response = post_image(staff_client, upload(data=image_bytes(1600, 1000)))
    assert "megapixels" in form_errors(response)


def test_an_image_over_the_byte_limit_gets_a_form_error(staff_client, settings):
    settings.ARTICLES_IMAGE_MAX_BYTES = 1000
    response = post_image(staff_client, upload(data=image_bytes(800, 600)))
    assert "largest accepted" in form_errors(response)


def test_an_image_without_alt_text_is_refused(staff_client):
    response = post_image(staff_client, upload(), alt="")
    assert "alt" in form_errors(response)


# ------------------------------------------------------------------------------
# Animations: every frame counts, so that no upload can keep a worker busy
# ------------------------------------------------------------------------------
ANIMATED = [("WEBP", "anim.webp", "image/webp"), ("GIF", "anim.gif", "image/gif"),
            ("PNG", "anim.png", "image/png")]  # fmt: skip


@pytest.mark.parametrize(("fmt", "name", "content_type"), ANIMATED, ids=["webp", "gif", "apng"])
def test_an_animation_over_the_pixel_limit_in_all_its_frames_gets_a_form_error(
    staff_client, settings, fmt, name, content_type
):
    # Each frame is far below the limit; the 60 together are over it.
    settings.ARTICLES_IMAGE_MAX_PIXELS = 500_000
    data = animation(60, 100, 100, fmt, exif=fmt != "GIF")
    response = post_image(staff_client, upload(name, data, content_type))
    assert "This animation has 60 frames of 100 × 100 pixels, 0.6 megapixels in all" in (
        form_errors(response)
    )
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(("fmt", "name", "content_type"), ANIMATED, ids=["webp", "gif", "apng"])
def test_an_animation_with_too_many_frames_gets_a_form_error(
    staff_client, settings, fmt, name, content_type
):
    settings.ARTICLES_IMAGE_MAX_FRAMES = 20
    data = animation(30, 8, 8, fmt)
    response = post_image(staff_client, upload(name, data, content_type))
    assert "This animation has 30 frames; the most accepted is 20." in form_errors(response)
    assert not LibraryImage.objects.exists()


@pytest.mark.parametrize(("fmt", "name", "content_type"), ANIMATED, ids=["webp", "gif", "apng"])
def test_an_animation_within_the_limits_is_stored_with_every_frame(
    staff_client, settings, fmt, name, content_type
):
    settings.ARTICLES_IMAGE_MAX_PIXELS = 500_000
    settings.ARTICLES_IMAGE_MAX_FRAMES = 40
    data = animation(40, 110, 110, fmt, exif=fmt != "GIF")
    response = post_image(staff_client, upload(name, data, content_type))
    assert response.status_code == 201
    image = LibraryImage.objects.get()
    with image.file.open() as f:
        stored = Image.open(io.BytesIO(f.read()))
        assert (stored.format, stored.n_frames, stored.size) == (fmt, 40, (110, 110))
        assert not stored.getexif()


def test_an_animation_with_a_damaged_later_frame_gets_a_form_error(staff_client):
    data = animation(20, 120, 120, "PNG")
    response = post_image(staff_client, upload("anim.png", data[:-600], "image/png"))
    assert "not a complete image" in form_errors(response)
    assert not LibraryImage.objects.exists()


def test_renditions_of_an_animation_are_made_from_its_first_frame_only(staff_client):
    data = animation(12, 640, 60, "WEBP")
    response = post_image(staff_client, upload("anim.webp", data, "image/webp"))
    assert response.status_code == 201
    image = LibraryImage.objects.get()
    rendition = image.rendition_480
    rendition.generate()
    with rendition.storage.open(rendition.name) as f:
        still = Image.open(io.BytesIO(f.read()))
        assert (getattr(still, "n_frames", 1), still.size) == (1, (480, 45))
