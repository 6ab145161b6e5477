"""The body editor's image button, in Chromium with the admin's Content-Security-Policy:
upload an image from the picker, place it, save, and read it on the article's page;
choose another from the library; set a focal point in the library by clicking."""

import os
import re
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article, Image
from tests.articles.factories import ArticleFactory, ImageFactory
from tests.images import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)

# Screenshots for the README and for a look by eye; kept out of the repository unless asked.
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(tempfile.gettempdir()) / "newsroom-shots"))


@pytest.fixture
def admin_page(page_as_served, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_superuser("editor", "e@example.org", "pass-word-1")
    page = page_as_served
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass-word-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    policy_errors = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and policy_errors.append(message.text)
        ),
    )
    yield page
    assert policy_errors == []


def open_picker(page, article):
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.locator("p").last.click()
    page.keyboard.press("End")
    page.locator('.prose-menubar__button[title="Image"]').click()
    dialog = page.locator("dialog.image-picker[open]")
    dialog.wait_for()
    return dialog


def save_and_continue(page):
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state("networkidle")


def test_an_image_uploaded_from_the_toolbar_is_placed_saved_and_read(admin_page, tmp_path):
    article = ArticleFactory(body="<p>Intro.</p>")
    ImageFactory(alt="An older picture")
    page = admin_page
    dialog = open_picker(page, article)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "image-picker.png")

    photo = tmp_path / "harbour.jpg"
    photo.write_bytes(image_bytes(1600, 900))
    # Without alt text the browser's own check stops the upload.
    dialog.locator("#image-picker-file").set_input_files(str(photo))
    dialog.locator("#image-picker-alt").fill("Cranes at the harbour")
    dialog.locator("#image-picker-caption").fill("The morning shift")
    dialog.locator("#image-picker-credit").fill("Jane Doe")
    dialog.get_by_role("button", name="Upload and place").click()
    figure = page.locator(".ProseMirror figure.library-image")
    figure.wait_for()
    image = Image.objects.get(alt="Cranes at the harbour")
    # Before any save, the editor shows the new image as a figure with its caption.
    assert "The morning shift" in figure.inner_text()
    assert figure.locator("img").get_attribute("alt") == "Cranes at the harbour"

    save_and_continue(page)
    article.refresh_from_db()
    assert article.body == f"<p>Intro.</p><p>[[image:{image.pk}]]</p>"
    assert article.images.get().caption == "The morning shift"
    # The saved body opens as a figure again.
    page.locator(".ProseMirror figure.library-image").wait_for(timeout=10_000)

    page.goto(article.get_absolute_url())
    reader_figure = page.locator("article figure.figure, main figure.figure").first
    assert reader_figure.locator("img").get_attribute("alt") == "Cranes at the harbour"
    assert re.search(r"The morning shift\s+Image: Jane Doe", reader_figure.inner_text())


def test_an_image_chosen_from_the_library_is_placed(admin_page):
    article = ArticleFactory(body="<p>Intro.</p>")
    wanted = ImageFactory(alt="A wafer under the microscope", caption="Close up")
    ImageFactory(alt="A keyboard")
    page = admin_page
    dialog = open_picker(page, article)
    dialog.locator("#image-picker-search").fill("wafer")
    choice = dialog.get_by_role("button", name="Place: A wafer under the microscope")
    choice.wait_for()
    # The search answers after the first, unfiltered list: only the wafer is left.
    expect(dialog.locator(".image-picker__choice")).to_have_count(1)
    choice.click()
    assert page.locator(".ProseMirror figure.library-image").count() == 1
    save_and_continue(page)
    article = Article.objects.get(pk=article.pk)
    assert article.body == f"<p>Intro.</p><p>[[image:{wanted.pk}]]</p>"
    assert [use.image for use in article.images.all()] == [wanted]


def test_a_click_on_the_picture_sets_the_focal_point(admin_page):
    image = ImageFactory(alt="Cranes")
    ArticleFactory(title="Harbour strike ends", body=f"<p>{image.placeholder}</p>").images.create(
        image=image, alt=image.alt
    )
    page = admin_page
    page.goto("/admin/articles/image/")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SHOTS / "image-library.png")
    page.goto(f"/admin/articles/image/{image.pk}/change/")
    assert "Harbour strike ends" in page.locator(".field-used_in").inner_text()
    picture = page.locator(".focal-point__image")
    picture.wait_for()
    box = picture.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.25)
    page.screenshot(path=SHOTS / "image-focal-point.png")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state("networkidle")
    image.refresh_from_db()
    assert image.focal_x == pytest.approx(0.75, abs=0.02)
    assert image.focal_y == pytest.approx(0.25, abs=0.02)
