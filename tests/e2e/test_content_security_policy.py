"""The Content-Security-Policy blocks nothing the site and its admin need, in Chromium.

A blocked script, style or image shows up as a console error; the admin's editors must
still start (django-prose-editor, the category tree's drag and drop).
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Error as PlaywrightError

from tests.articles.factories import (
    ArticleFactory,
    CategoryFactory,
    TagFactory,
    TranslationFactory,
)
from tests.reader_pages import build_reader_site

pytestmark = pytest.mark.e2e

ADMIN_PAGES = [
    "/admin/",
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/articles/article/{article}/change/",
    "/admin/articles/article/{article}/history/",
    "/admin/articles/category/",
    "/admin/articles/category/{category}/change/",
    "/admin/articles/tag/",
    "/admin/articles/tag/{tag}/change/",
    # A translation, with its editions and the numbers that disagree with its original.
    "/admin/articles/article/{translation}/change/",
    "/admin/comments/comment/",
    "/admin/newsletter/subscriber/",
    "/admin/post_office/email/",
    "/admin/auth/user/{user}/change/",
    "/admin/auth/user/{user}/password/",
]


def violations_on(page, url: str) -> list[str]:
    messages = []
    listener = lambda message: messages.append(message.text)  # noqa: E731
    page.on("console", listener)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("console", listener)
    return [text for text in messages if "Content Security Policy" in text]


def test_no_reader_page_breaks_the_policy(page_as_served):
    for name, url in build_reader_site().items():
        assert violations_on(page_as_served, url) == [], name
    # The policy is in force in this tab: an injected inline script is refused.
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page_as_served.add_script_tag(content="window.injected = true")


def test_the_admin_and_its_editors_work_under_the_policy(page_as_served, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pass-word-1")
    category = CategoryFactory()
    CategoryFactory(parent=category)
    article = ArticleFactory(category=category, body="<p>It ordered 10,000 GPUs.</p>")
    translation = TranslationFactory(translation_of=article, body="<p>Es bestellte 10 GPUs.</p>")
    tag = TagFactory()
    page = page_as_served
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass-word-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    for pattern in ADMIN_PAGES:
        url = pattern.format(
            article=article.pk, category=category.pk, user=user.pk, tag=tag.pk,
            translation=translation.pk,
        )  # fmt: skip
        assert violations_on(page, url) == [], url

    violations_on(page, f"/admin/articles/article/{article.pk}/change/")
    assert page.locator(".ProseMirror[contenteditable=true]").count() == 1
    violations_on(page, "/admin/articles/category/")
    # The tree's script makes each parent's marker a toggle that folds its children.
    marker = page.locator(f'.tree-node[data-pk="{category.pk}"]')
    marker.click()
    assert "closed" in marker.get_attribute("class")
