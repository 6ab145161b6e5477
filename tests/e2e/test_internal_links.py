"""An editor links a word of the body to another article with the editor's link
button, under the admin's Content-Security-Policy; after the target's slug changes, the
reader's page links to its new URL."""

import pytest
from django.contrib.auth import get_user_model

from articles.models import Article
from tests.articles.factories import ArticleFactory

pytestmark = pytest.mark.e2e


def test_a_link_inserted_with_the_button_follows_the_targets_new_slug(page_as_served, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_superuser("editor", "e@example.org", "pass-word-1")
    target = ArticleFactory(title="Byte Harbor opens its chip plant", slug="chip-plant")
    story = ArticleFactory(title="A story that names the plant",
                           body="<p>The plant opened on Monday.</p>")  # fmt: skip
    page = page_as_served
    errors = []
    # Script errors; the browser's own request for /favicon.ico, which we do not serve,
    # is left out.
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass-word-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")

    page.goto(f"/admin/articles/article/{story.pk}/change/")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.wait_for()
    page.wait_for_load_state("networkidle")
    # Select the sentence with the keyboard, as a person would. The editor's own "select
    # all" key, not Home and Shift+End: the browser moves those selections itself and the
    # editor reads them back later, so that its write of the click's caret, which comes
    # a moment after the click, could undo them (seen in CI, one run in five).
    editor.locator("p").first.click()
    page.keyboard.press("ControlOrMeta+a")
    # Press the button once the selection is there, as a person sees it first.
    page.wait_for_function(
        "() => getSelection().toString() === 'The plant opened on Monday.'", polling="raf"
    )
    page.locator('.prose-menubar [data-name="internalLink"]').click()
    dialog = page.locator("dialog.internal-link")
    dialog.locator("input[type=search]").fill("chip plant")
    choice = dialog.locator(".internal-link__target", has_text="Byte Harbor opens its chip plant")
    choice.click()
    assert dialog.count() == 0
    assert editor.locator("a").inner_text() == "The plant opened on Monday."
    # The same URL comes back after the save: wait for the new page, not for the URL.
    with page.expect_navigation():
        page.locator("input[name=_continue]").first.click()
    assert page.locator(".messagelist .success").count() == 1
    story.refresh_from_db()
    assert f'href="[[link:article:{target.pk}]]"' in story.body

    target.slug = "chip-plant-in-hamburg"
    target.save()
    target = Article.objects.select_related("category").get(pk=target.pk)
    page.goto(story.get_absolute_url())
    link = page.locator(".article__body a", has_text="The plant opened on Monday.")
    assert link.get_attribute("href") == target.get_absolute_url()
    assert target.get_absolute_url().endswith("/chip-plant-in-hamburg/")
    link.click()
    page.wait_for_url(f"**{target.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Byte Harbor opens its chip plant"
    assert errors == []
