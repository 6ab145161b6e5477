"""Uploads are stored upright and without metadata; deleted or replaced images leave
no file or rendition behind."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from articles.models import Image as LibraryImage
from tests.articles.factories import ArticleFactory, ImageFactory
from tests.articles.roles import make_editor
from tests.images import upload

pytestmark = pytest.mark.django_db

ORIENTATION = 0x0112
GPS_IFD = 0x8825
BERLIN = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}


def photo_with_exif(
    width=640, height=360, fmt="JPEG", *, orientation=None, gps=True, **save_kwargs
) -> bytes:
    """A photo as a phone writes it: camera make, GPS position, maybe a rotation flag.
    The left half is red, so that a rotation can be seen in the result."""
    image = Image.new("RGB", (width, height), (30, 90, 160))
    image.paste((220, 20, 20), (0, 0, width // 2, height))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    if gps:
        exif[GPS_IFD] = BERLIN
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, exif=exif.tobytes(), **save_kwargs)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def upload_to_article(client, article, file):
    """Upload `file` from the body editor's image picker, as an editor would."""
    response = client.post(
        reverse("admin:articles_image_picker_upload"), {"file": file, "alt": "A photo"}
    )
    assert response.status_code == 201, response.content


def stored(name: str) -> Image.Image:
    with default_storage.open(name) as f:
        image = Image.open(io.BytesIO(f.read()))
        image.load()
    return image


def test_an_uploaded_photo_is_served_without_its_gps_position(editor_client, client):
    article = ArticleFactory()
    original = photo_with_exif()
    assert dict(Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)) == BERLIN
    upload_to_article(editor_client, article, upload("holiday.jpg", original))

    image = LibraryImage.objects.get()
    saved = stored(image.file.name)
    assert saved.format == "JPEG"
    assert not saved.getexif()
    assert "exif" not in saved.info
    assert not saved.getexif().get_ifd(GPS_IFD)
    # The bytes a reader downloads carry neither the position nor the maker.
    with default_storage.open(image.file.name) as f:
        data = f.read()
    assert b"PhoneMaker" not in data
    assert b"Exif\x00\x00" not in data


def test_the_picture_itself_is_kept_at_its_quality(editor_client):
    article = ArticleFactory()
    original = photo_with_exif(1200, 800, quality=90)
    upload_to_article(editor_client, article, upload("q.jpg", original))
    image = LibraryImage.objects.get()
    saved = stored(image.file.name)
    before = Image.open(io.BytesIO(original)).convert("RGB")
    assert saved.size == before.size == (1200, 800)
    # Re-encoded with the original's own tables: pixels within a rounding error.
    diff = max(
        abs(a - b)
        for a, b in zip(saved.getpixel((100, 100)), before.getpixel((100, 100)), strict=True)
    )
    assert diff <= 2
    assert abs(image.file.size - len(original)) < len(original) * 0.1


def test_a_photo_taken_sideways_is_stored_upright(editor_client):
    article = ArticleFactory()
    # Stored 640 × 360 with "rotate 90° clockwise to display": shown 360 × 640.
    upload_to_article(editor_client, article, upload("side.jpg", photo_with_exif(orientation=6)))
    image = LibraryImage.objects.get()
    assert (image.width, image.height) == (360, 640)
    saved = stored(image.file.name)
    assert saved.size == (360, 640)
    assert ORIENTATION not in saved.getexif()
    # The red (left) half of the sensor image is now on top.
    red, green, blue = saved.getpixel((180, 50))
    assert red > 150 and blue < 100


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_metadata_is_stripped_from_png_and_webp_too(editor_client, fmt):
    article = ArticleFactory()
    data = photo_with_exif(fmt=fmt)
    content_type = f"image/{fmt.lower()}"
    upload_to_article(editor_client, article, upload(f"x.{fmt.lower()}", data, content_type))
    saved = stored(LibraryImage.objects.get().file.name)
    assert saved.format == fmt
    assert not saved.getexif()


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_an_animation_loses_its_metadata_but_not_a_frame_or_a_pixel(editor_client, fmt):
    frames = [Image.effect_noise((96, 64), 50).convert("RGB") for _ in range(6)]
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = BERLIN
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">PhoneMaker</x:xmpmeta>'
    buffer = io.BytesIO()
    frames[0].save(buffer, format=fmt, save_all=True, append_images=frames[1:], duration=80,
                   exif=exif.tobytes(), xmp=xmp, lossless=True)  # fmt: skip
    article = ArticleFactory()
    content_type = f"image/{fmt.lower()}"
    upload_to_article(editor_client, article, upload(f"a.{fmt.lower()}", buffer.getvalue(),
                                                     content_type))  # fmt: skip
    name = LibraryImage.objects.get().file.name
    with default_storage.open(name) as f:
        data = f.read()
    assert b"PhoneMaker" not in data and b"xmpmeta" not in data
    saved = Image.open(io.BytesIO(data))
    assert (saved.format, saved.n_frames) == (fmt, 6)
    assert not saved.getexif()
    for index, original in enumerate(frames):
        saved.seek(index)
        assert saved.convert("RGB").tobytes() == original.tobytes(), f"frame {index} changed"


def test_a_phone_photo_in_mpo_format_is_accepted_and_stored_as_a_plain_jpeg(editor_client):
    frame = Image.new("RGB", (800, 600), (10, 120, 60))
    exif = Image.Exif()
    exif[GPS_IFD] = BERLIN
    buffer = io.BytesIO()
    frame.save(buffer, format="MPO", save_all=True, append_images=[frame], exif=exif.tobytes())
    article = ArticleFactory()
    upload_to_article(editor_client, article, upload("IMG_0001.jpg", buffer.getvalue()))
    saved = stored(LibraryImage.objects.get().file.name)
    assert saved.format == "JPEG"
    assert getattr(saved, "n_frames", 1) == 1
    assert not saved.getexif()


def test_a_featured_image_uploaded_to_the_library_is_cleaned_as_well(editor_client):
    # The article form's "+" beside the featured image opens the library's add form.
    data = {"file": upload("lead.jpg", photo_with_exif(orientation=6)), "alt": "The lead",
            "focal_x": "0.5", "focal_y": "0.5", "_popup": "1"}  # fmt: skip
    response = editor_client.post(reverse("admin:articles_image_add"), data)
    assert response.status_code == 200
    image = LibraryImage.objects.get()
    assert (image.width, image.height) == (360, 640)
    assert not stored(image.file.name).getexif()


def test_a_file_without_metadata_is_stored_byte_for_byte(editor_client):
    from tests.images import image_bytes

    article = ArticleFactory()
    original = image_bytes(800, 600, noise=True)
    upload_to_article(editor_client, article, upload("plain.jpg", original))
    with default_storage.open(LibraryImage.objects.get().file.name) as f:
        assert f.read() == original


# -- files follow their rows ------------------------------------------------------------
def rendition_names(image: LibraryImage) -> list[str]:
    names = []
    for width in (480, 800):
        rendition = getattr(image, f"rendition_{width}")
        rendition.generate()
        names.append(rendition.name)
        assert default_storage.exists(rendition.name)
    return names


def test_deleting_an_image_removes_its_file_and_renditions(django_capture_on_commit_callbacks):
    image = ImageFactory()
    renditions = rendition_names(image)
    name = image.file.name
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not default_storage.exists(name)
    for rendition in renditions:
        assert not default_storage.exists(rendition)


def test_deleting_an_image_in_the_library_removes_its_file(
    editor_client, django_capture_on_commit_callbacks
):
    image = ImageFactory()
    url = reverse("admin:articles_image_delete", args=[image.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not LibraryImage.objects.exists()
    assert not default_storage.exists(image.file.name)


def test_replacing_an_image_file_removes_the_old_one(django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from tests.images import image_bytes

    image = ImageFactory()
    old_name = image.file.name
    old_renditions = rendition_names(image)
    with django_capture_on_commit_callbacks(execute=True):
        image.file.save("replacement.jpg", ContentFile(image_bytes(900, 500)), save=True)
    assert default_storage.exists(image.file.name)
    assert not default_storage.exists(old_name)
    for rendition in old_renditions:
        assert not default_storage.exists(rendition)


def test_a_rolled_back_delete_keeps_the_file():
    from django.db import transaction

    image = ImageFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        image.delete()
        raise RuntimeError("something else failed")
    assert default_storage.exists(image.file.name)


def test_deleting_an_article_keeps_its_featured_image_in_the_library(
    django_capture_on_commit_callbacks,
):
    image = ImageFactory()
    article = ArticleFactory(featured_image=image)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert LibraryImage.objects.filter(pk=image.pk).exists()
    assert default_storage.exists(image.file.name)
