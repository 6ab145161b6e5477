"""The image library: images of their own, placed in any number of articles from the
body editor's picker (its JSON views), listed and searched in the admin with where
each is used, not deleted while in use, and cropped around their focal point."""

import io

import pytest
import reversion
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from reversion.models import Version

from articles import services
from articles.focal import focal_box
from articles.models import ArticleImage, Image
from tests.articles.factories import ArticleFactory, ArticleImageFactory, ImageFactory, UserFactory
from tests.articles.roles import form_data, make_author, make_editor
from tests.images import image_bytes, upload

pytestmark = pytest.mark.django_db

PICKER = "admin:articles_image_picker"
UPLOAD = "admin:articles_image_picker_upload"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def save(client, article, **changes):
    data = form_data(client.get(change_url(article)), "article_form")
    for key, value in changes.items():
        data[key] = [value] if isinstance(value, str) else value
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["errors"]


# ------------------------------------------------------------------------------
# The picker's views
# ------------------------------------------------------------------------------
def test_an_author_uploads_from_the_picker_and_gets_the_placeholder(client):
    client.force_login(make_author())
    response = client.post(reverse(UPLOAD), {
        "file": upload("harbour.jpg", image_bytes(1600, 900)), "alt": "Cranes at the harbour",
        "caption": "Morning shift", "credit": "Jane Doe",
    })  # fmt: skip
    assert response.status_code == 201
    data = response.json()
    image = Image.objects.get()
    assert data["placeholder"] == f"[[image:{image.pk}]]"
    assert (data["alt"], data["caption"], data["credit"]) == (
        "Cranes at the harbour", "Morning shift", "Jane Doe",
    )  # fmt: skip
    assert (image.width, image.height) == (1600, 900)


def test_an_upload_without_alt_text_is_refused_with_a_message_for_that_field(staff_client):
    response = staff_client.post(reverse(UPLOAD), {"file": upload(), "alt": ""})
    assert response.status_code == 400
    assert "required" in response.json()["errors"]["alt"][0]
    assert not Image.objects.exists()


def test_an_upload_of_something_that_is_not_an_image_says_so(staff_client):
    response = staff_client.post(
        reverse(UPLOAD), {"file": upload("notes.jpg", b"plain text\n" * 40), "alt": "Notes"}
    )
    assert response.status_code == 400
    assert "image" in response.json()["errors"]["file"][0].lower()


def test_the_picker_needs_a_staff_login(client):
    assert client.get(reverse(PICKER)).status_code == 302
    client.force_login(UserFactory())  # not staff
    assert client.get(reverse(PICKER)).status_code == 302
    assert client.post(reverse(UPLOAD), {"file": upload(), "alt": "x"}).status_code == 302
    assert not Image.objects.exists()


def test_staff_without_the_librarys_permissions_are_refused(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    assert client.get(reverse(PICKER)).status_code == 403
    response = client.post(reverse(UPLOAD), {"file": upload(), "alt": "x"})
    assert response.status_code == 403
    assert response.json()["error"]
    assert not Image.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(reverse(UPLOAD), {"file": upload(), "alt": "A photo"})
    assert response.status_code == 403
    assert not Image.objects.exists()


def test_the_picker_reads_only_with_get_and_uploads_only_with_post(staff_client):
    assert staff_client.post(reverse(PICKER)).status_code == 405
    assert staff_client.get(reverse(UPLOAD)).status_code == 405


@pytest.mark.parametrize("term", ["crane", "MORNING", "jane doe", "harbour-view"])
def test_the_picker_finds_images_by_alt_text_caption_credit_and_file_name(staff_client, term):
    wanted = ImageFactory(alt="Cranes at dawn", caption="Morning shift", credit="Jane Doe",
                          file__filename="harbour-view.jpg")  # fmt: skip
    ImageFactory(alt="A keyboard", caption="Desk", credit="AP", file__filename="desk.jpg")
    found = staff_client.get(reverse(PICKER), {"q": term}).json()["results"]
    assert [image["id"] for image in found] == [wanted.pk]


def test_the_picker_describes_one_image_and_says_when_there_is_none(staff_client):
    image = ImageFactory(alt="Cranes")
    url = reverse("admin:articles_image_picker_detail", args=[image.pk])
    assert staff_client.get(url).json()["alt"] == "Cranes"
    missing = staff_client.get(reverse("admin:articles_image_picker_detail", args=[image.pk + 1]))
    assert missing.status_code == 404
    assert f"no image {image.pk + 1}" in missing.json()["error"]


def test_in_an_articles_editor_the_picker_describes_the_image_with_that_articles_texts(
    staff_client,
):
    placed = ArticleImageFactory(image__caption="Library caption", caption="Our caption",
                                 alt="Our alt", credit="Our credit")  # fmt: skip
    url = reverse("admin:articles_image_picker_detail", args=[placed.image_id])
    mine = staff_client.get(url, {"article": placed.article_id}).json()
    assert (mine["caption"], mine["alt"], mine["credit"]) == (
        "Our caption", "Our alt", "Our credit",
    )  # fmt: skip
    other = ArticleFactory()
    assert staff_client.get(url, {"article": other.pk}).json()["caption"] == "Library caption"
    # An id that is none (a superscript digit, a number past the column) names no article.
    for nonsense in ("²", "9" * 30, "-1", "x"):
        response = staff_client.get(url, {"article": nonsense})
        assert response.status_code == 200, nonsense
        assert response.json()["caption"] == "Library caption"


# ------------------------------------------------------------------------------
# Placing images: the body names library images; placements follow the body
# ------------------------------------------------------------------------------
def test_an_image_placed_in_the_body_becomes_the_articles_figure(editor_client):
    image = ImageFactory(alt="Cranes", caption="Morning shift", credit="Jane Doe")
    article = ArticleFactory(body="<p>Intro.</p>")
    save(editor_client, article, body=f"<p>Intro.</p><p>{image.placeholder}</p>")
    placed = ArticleImage.objects.get(article=article)
    assert (placed.image, placed.alt, placed.caption, placed.credit) == (
        image, "Cranes", "Morning shift", "Jane Doe",
    )  # fmt: skip
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert '<figure class="figure">' in page
    assert 'alt="Cranes"' in page and "Morning shift" in page


def test_one_library_image_is_used_by_two_articles_with_texts_of_their_own(editor_client):
    image = ImageFactory(alt="Cranes", caption="Morning shift")
    first, second = ArticleFactory(), ArticleFactory()
    save(editor_client, first, body=f"<p>{image.placeholder}</p>")
    save(editor_client, second, body=f"<p>{image.placeholder}</p>")
    save(editor_client, second, **{"images-0-caption": "The late shift"})
    assert sorted(image.uses.values_list("article__title", flat=True)) == sorted(
        [first.title, second.title]
    )
    assert first.images.get().caption == "Morning shift"
    assert second.images.get().caption == "The late shift"
    assert "The late shift" in editor_client.get(second.get_absolute_url()).content.decode()


def test_taking_an_image_out_of_the_body_ends_its_use(editor_client):
    image = ImageFactory()
    article = ArticleFactory()
    save(editor_client, article, body=f"<p>Intro.</p><p>{image.placeholder}</p>")
    save(editor_client, article, body="<p>Intro.</p>")
    assert not image.uses.exists()


def test_placements_take_the_order_of_the_body():
    first, second = ImageFactory(), ImageFactory()
    article = ArticleFactory(body=f"<p>{second.placeholder}</p><p>{first.placeholder}</p>")
    services.article_images_place(article=article)
    assert [use.image for use in article.images.all()] == [second, first]


# ------------------------------------------------------------------------------
# The library's admin
# ------------------------------------------------------------------------------
def test_the_library_shows_where_an_image_is_used(staff_client):
    placed = ArticleImageFactory(article__title="Harbour strike ends")
    page = staff_client.get(reverse("admin:articles_image_change", args=[placed.image_id]))
    html = page.content.decode()
    assert "Harbour strike ends" in html
    assert change_url(placed.article) in html


def test_the_library_list_is_searchable_and_costs_the_same_queries_for_more_images(
    staff_client, django_assert_max_num_queries
):
    ArticleImageFactory(image__alt="Cranes at dawn")
    url = reverse("admin:articles_image_changelist")
    with django_assert_max_num_queries(12) as few:
        staff_client.get(url)
    for index in range(6):
        ArticleImageFactory(image__alt=f"Picture {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = staff_client.get(url)
    assert page.content.decode().count("image-library__thumb") == 7
    found = staff_client.get(url, {"q": "cranes"}).content.decode()
    assert "Cranes at dawn" in found and "Picture 3" not in found


def test_deleting_an_image_in_use_is_refused_with_its_articles(staff_client):
    placed = ArticleImageFactory(article__title="Harbour strike ends")
    url = reverse("admin:articles_image_delete", args=[placed.image_id])
    page = staff_client.get(url).content.decode()
    assert "Harbour strike ends" in page
    assert "protected" in page
    staff_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=placed.image_id).exists()


def test_deleting_a_featured_image_is_refused_with_the_article_named(staff_client):
    article = ArticleFactory(title="Port reopens", featured_image=ImageFactory())
    url = reverse("admin:articles_image_delete", args=[article.featured_image_id])
    page = staff_client.get(url).content.decode()
    assert "Port reopens" in page and "protected" in page
    staff_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=article.featured_image_id).exists()


def test_the_library_counts_featured_images_and_body_uses_as_uses(staff_client):
    image = ImageFactory(alt="Cranes at dawn")
    ArticleImageFactory(image=image, article__title="Harbour strike ends")
    ArticleFactory(title="Port reopens", featured_image=image)
    ArticleFactory(title="Ships wait", featured_image=image)
    page = staff_client.get(reverse("admin:articles_image_changelist"))
    assert page.context["cl"].result_list[0].use_count == 3
    html = staff_client.get(reverse("admin:articles_image_change", args=[image.pk])).content
    for title in ("Harbour strike ends", "Port reopens", "Ships wait"):
        assert title in html.decode()


def test_an_image_no_article_uses_can_be_deleted(staff_client):
    image = ImageFactory()
    url = reverse("admin:articles_image_delete", args=[image.pk])
    assert staff_client.post(url, {"post": "yes"}).status_code == 302
    assert not Image.objects.exists()


def library_form(client, image, **changes):
    url = reverse("admin:articles_image_change", args=[image.pk])
    data = form_data(client.get(url), "image_form")
    data.pop("file", None)
    data.update({key: [value] for key, value in changes.items()})
    return client.post(url, data)


def test_the_focal_point_is_set_in_the_library(staff_client):
    image = ImageFactory()
    assert library_form(staff_client, image, focal_x="0.8", focal_y="0.25").status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.8, 0.25)


@pytest.mark.parametrize(("x", "y"), [("1.5", "0.5"), ("0.5", "-0.1"), ("many", "0.5")])
def test_a_focal_point_outside_the_picture_is_refused(staff_client, x, y):
    image = ImageFactory()
    response = library_form(staff_client, image, focal_x=x, focal_y=y)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.5, 0.5)


# ------------------------------------------------------------------------------
# Crops around the focal point
# ------------------------------------------------------------------------------
@pytest.mark.parametrize("focal", [(0.0, 0.0), (1.0, 1.0), (0.9, 0.1), (0.05, 0.95), (0.5, 0.5)])
@pytest.mark.parametrize(
    ("width", "height", "ratio"),
    [(1600, 900, 1.0), (900, 1600, 16 / 9), (1000, 1000, 16 / 9), (300, 200, 1.0)],
)
def test_the_crop_box_holds_the_focal_pixel_at_the_asked_shape(focal, width, height, ratio):
    left, top, right, bottom = focal_box(width, height, ratio=ratio, focal_x=focal[0],
                                         focal_y=focal[1])  # fmt: skip
    assert 0 <= left < right <= width and 0 <= top < bottom <= height
    fx, fy = min(round(focal[0] * width), width - 1), min(round(focal[1] * height), height - 1)
    assert left <= fx < right and top <= fy < bottom
    assert abs((right - left) / (bottom - top) - ratio) < 0.01
    # The largest such box: it spans the picture's width or its height.
    assert right - left == width or bottom - top == height


def picture_with_a_red_dot(width: int, height: int, at: tuple[int, int]) -> bytes:
    picture = PILImage.new("RGB", (width, height), (40, 90, 160))
    x, y = at
    picture.paste((255, 0, 0), (x - 12, y - 12, x + 12, y + 12))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def red_pixels(rendition) -> int:
    rendition.generate()
    with rendition.storage.open(rendition.name) as f:
        picture = PILImage.open(io.BytesIO(f.read())).convert("RGB")
    data = picture.tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 200 and g < 80 and b < 80)


@pytest.mark.parametrize(("width", "height", "dot"), [(2000, 1000, (1900, 500)),
                                                      (1200, 1600, (600, 120)),
                                                      (1600, 900, (90, 850))])  # fmt: skip
def test_every_crop_keeps_the_focal_point_in_frame(width, height, dot):
    image = ImageFactory(
        file=upload("dot.png", picture_with_a_red_dot(width, height, dot), "image/png"),
        focal_x=dot[0] / width, focal_y=dot[1] / height,
    )  # fmt: skip
    for spec in ("wide_800", "square_480"):
        assert red_pixels(getattr(image, spec)) > 20, spec
    # Centred crops, as before, cut the dot off: the test can tell the difference.
    centred = ImageFactory(
        file=upload("dot.png", picture_with_a_red_dot(width, height, dot), "image/png")
    )
    assert red_pixels(centred.square_480) == 0


# ------------------------------------------------------------------------------
# Revisions with a shared library
# ------------------------------------------------------------------------------
def test_reverting_one_article_brings_back_its_captions_and_leaves_other_articles_alone():
    image = ImageFactory(caption="Library caption")
    first = ArticleImageFactory(image=image, caption="First, as it was").article
    second = ArticleImageFactory(image=image, caption="Second article's").article
    with reversion.create_revision():
        first.save()
    version = Version.objects.get_for_object(first).get()
    ArticleImage.objects.filter(article=first).update(caption="First, later")
    ArticleImage.objects.filter(article=second).update(caption="Second, later")
    Image.objects.filter(pk=image.pk).update(caption="Library, later")

    version.revision.revert(delete=True)
    assert first.images.get().caption == "First, as it was"
    assert second.images.get().caption == "Second, later"
    image.refresh_from_db()
    assert image.caption == "Library, later"


def test_an_editor_reverting_in_the_admin_gets_the_articles_old_caption(editor_client):
    image = ImageFactory()
    article = ArticleFactory()
    save(editor_client, article, body=f"<p>{image.placeholder}</p>")
    save(editor_client, article, **{"images-0-caption": "The first caption"})
    first = Version.objects.get_for_object(article).first()
    save(editor_client, article, **{"images-0-caption": "A later caption"})
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    page = editor_client.get(url)
    editor_client.post(url, form_data(page, "article_form"))
    assert article.images.get().caption == "The first caption"


def test_a_translation_places_the_same_library_images():
    placed = ArticleImageFactory(caption="Morning shift")
    article = placed.article
    article.body = f"<p>{placed.placeholder}</p>"
    article.save()
    translation = services.article_translate(article=article, language="de", user=make_editor())
    assert translation.body == article.body
    copy = translation.images.get()
    assert (copy.image_id, copy.caption) == (placed.image_id, "Morning shift")
    assert copy.pk != placed.pk
