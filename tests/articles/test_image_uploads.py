import io

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import ArticleImage
from tests.articles.factories import ArticleFactory
from tests.images import animation, image_bytes, upload

pytestmark = pytest.mark.django_db


def post_image(client, article, file, alt="A photo of a laptop"):
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "lead": article.lead,
        "body": article.body,
        "status": article.status,
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "tags": "",
        "allow_comments": "on",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-0-image": file,
        "images-0-alt": alt,
        "images-0-order": "0",
    }
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


def form_errors(response) -> str:
    assert response.status_code == 200, "expected the form again, with errors"
    return str(response.context["inline_admin_formsets"][1].formset.errors)


def test_a_real_image_is_stored_with_its_size(staff_client):
    article = ArticleFactory()
    response = post_image(staff_client, article, upload(data=image_bytes(1200, 800)))
    assert response.status_code == 302
    image = ArticleImage.objects.get(article=article)
    assert (image.width, image.height) == (1200, 800)


def test_a_file_that_is_not_an_image_gets_a_form_error(staff_client):
    article = ArticleFactory()
    response = post_image(staff_client, article, upload("notes.jpg", b"just some text\n" * 50))
    assert "image" in form_errors(response).lower()
    assert not ArticleImage.objects.exists()


def test_a_truncated_image_gets_a_form_error(staff_client):
    # Pillow's verify(), all Django's ImageField runs, accepts this file; decoding it fails.
    article = ArticleFactory()
    whole = image_bytes(1600, 1200, noise=True, quality=95)
    response = post_image(staff_client, article, upload(data=whole[: len(whole) // 2]))
    assert "not a complete image" in form_errors(response)
    assert not ArticleImage.objects.exists()


def test_a_decompression_bomb_gets_a_form_error(staff_client):
    article = ArticleFactory()
    buffer = io.BytesIO()
    # 20,000 × 20,000 pixels of one colour: a few hundred KB as PNG, 1.2 GB decoded.
    Image.new("1", (20_000, 20_000)).save(buffer, format="PNG")
    response = post_image(staff_client, article, upload("bomb.png", buffer.getvalue(), "image/png"))
    assert "pixels" in form_errors(response)
    assert not ArticleImage.objects.exists()


def test_an_image_over_the_pixel_limit_gets_a_form_error(staff_client, settings):
    settings.ARTICLES_IMAGE_MAX_PIXELS = 1_000_000
    article = ArticleFactory()
    response = post_image(staff_client, article, upload(data=image_bytes(1600, 1000)))
    assert "megapixels" in form_errors(response)


def test_an_image_over_the_byte_limit_gets_a_form_error(staff_client, settings):
    settings.ARTICLES_IMAGE_MAX_BYTES = 1000
    article = ArticleFactory()
    response = post_image(staff_client, article, upload(data=image_bytes(800, 600)))
    assert "largest accepted" in form_errors(response)


def test_an_image_without_alt_text_is_refused(staff_client):
    article = ArticleFactory()
    response = post_image(staff_client, article, upload(), alt="")
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
    article = ArticleFactory()
    data = animation(60, 100, 100, fmt, exif=fmt != "GIF")
    response = post_image(staff_client, article, upload(name, data, content_type))
    assert "This animation has 60 frames of 100 × 100 pixels, 0.6 megapixels in all" in (
        form_errors(response)
    )
    assert not ArticleImage.objects.exists()


@pytest.mark.parametrize(("fmt", "name", "content_type"), ANIMATED, ids=["webp", "gif", "apng"])
def test_an_animation_with_too_many_frames_gets_a_form_error(
    staff_client, settings, fmt, name, content_type
):
    settings.ARTICLES_IMAGE_MAX_FRAMES = 20
    article = ArticleFactory()
    data = animation(30, 8, 8, fmt)
    response = post_image(staff_client, article, upload(name, data, content_type))
    assert "This animation has 30 frames; the most accepted is 20." in form_errors(response)
    assert not ArticleImage.objects.exists()


@pytest.mark.parametrize(("fmt", "name", "content_type"), ANIMATED, ids=["webp", "gif", "apng"])
def test_an_animation_within_the_limits_is_stored_with_every_frame(
    staff_client, settings, fmt, name, content_type
):
    settings.ARTICLES_IMAGE_MAX_PIXELS = 500_000
    settings.ARTICLES_IMAGE_MAX_FRAMES = 40
    article = ArticleFactory()
    data = animation(40, 110, 110, fmt, exif=fmt != "GIF")
    response = post_image(staff_client, article, upload(name, data, content_type))
    assert response.status_code == 302
    image = ArticleImage.objects.get(article=article)
    with image.image.open() as f:
        stored = Image.open(io.BytesIO(f.read()))
        assert (stored.format, stored.n_frames, stored.size) == (fmt, 40, (110, 110))
        assert not stored.getexif()


def test_an_animation_with_a_damaged_later_frame_gets_a_form_error(staff_client):
    article = ArticleFactory()
    data = animation(20, 120, 120, "PNG")
    response = post_image(staff_client, article, upload("anim.png", data[:-600], "image/png"))
    assert "not a complete image" in form_errors(response)
    assert not ArticleImage.objects.exists()


def test_renditions_of_an_animation_are_made_from_its_first_frame_only(staff_client):
    article = ArticleFactory()
    data = animation(12, 640, 60, "WEBP")
    response = post_image(staff_client, article, upload("anim.webp", data, "image/webp"))
    assert response.status_code == 302
    image = ArticleImage.objects.get(article=article)
    rendition = image.rendition_480
    rendition.generate()
    with rendition.storage.open(rendition.name) as f:
        still = Image.open(io.BytesIO(f.read()))
        assert (getattr(still, "n_frames", 1), still.size) == (1, (480, 45))
