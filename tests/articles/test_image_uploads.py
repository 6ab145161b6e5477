import io

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import ArticleImage
from tests.articles.factories import ArticleFactory
from tests.images import image_bytes, upload

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
