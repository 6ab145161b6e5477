"""Screenshots of the reader pages at a phone's and a desktop's width, in each language,
or of the main admin screens for the README's "For editors".

    make screenshots            # writes .screenshots/<language>-<page>-<width>.png
    make screenshots-admin      # writes docs/screenshots/admin-<screen>.png (1280 px)

Serves the development database (`make run` fills it) with runserver on a free
loopback port, once per language, and drives Debian's Chromium through Playwright.
The admin screens are shot logged in as the development admin (`admin` /
`newsroom-dev`, which `make seed` creates with DEBUG on), as small palette PNGs.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / ".screenshots"
ADMIN_OUT = ROOT / "docs" / "screenshots"
ADMIN_LOGIN = ("admin", "newsroom-dev")  # accounts/dev_admin.py
# An admin screen is cut at this height: the top of a long form says what it is.
ADMIN_MAX_HEIGHT = 1600
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WIDTHS = (360, 1280)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pages(base: str) -> dict[str, str]:
    """Home, a section, a subsection, an article with comments, a tag and an author page,
    found by following links from the front page of the demo site."""
    import re

    home = urlopen(base + "/").read().decode()  # noqa: S310 - our own loopback server
    first = re.search(r'<h\d class="teaser__title"><a href="([^"]+)"', home)
    article = first.group(1) if first else "/"
    html = urlopen(base + article).read().decode()  # noqa: S310
    crumbs = re.findall(r'<li><a href="(/[^"]+/)">', html)
    # The demo's story with passages open for readers' feedback (demo/content.py).
    found = urlopen(base + "/search/?q=Quill-8").read().decode()  # noqa: S310
    feedback = re.search(r'<h\d class="teaser__title"><a href="([^"]+)"', found)
    tag = re.search(r'href="(/tag/[^"]+/)"', html)
    author = re.search(r'href="(/author/[^"]+/)"', html)
    # The comment section: the first article whose section has "View all comments".
    busy = article
    for link in re.findall(r'class="teaser__title"><a href="([^"]+)"', home)[:20]:
        if "comments__more" in urlopen(base + link).read().decode():  # noqa: S310
            busy = link
            break
    return {
        "comments": busy,
        "home": "/",
        "section": crumbs[0] if crumbs else "/",
        "subsection": crumbs[-1] if crumbs else "/",
        "article": article,
        "article-feedback": feedback.group(1) if feedback else "/",
        "tag": tag.group(1) if tag else "/",
        "author": author.group(1) if author else "/",
        "search": "/search/?q=data",
        "subscribe": "/newsletter/",
        "login": "/accounts/login/",
        "not-found": "/no-such-page/",
    }


class _Server:
    """runserver on the development database, on a free loopback port."""

    def __init__(self, language: str) -> None:
        self.port = _free_port()
        self.language = language
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> str:
        env = {**os.environ, "LANGUAGE_CODE": self.language, "DEBUG": "1"}
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(600):  # a busy machine takes a while to start Django
            try:
                urlopen(self.base + "/healthz/")  # noqa: S310 - our own loopback server
                break
            except OSError:
                time.sleep(0.1)
        return self.base

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _load_lazy_images(page) -> None:
    """A full-page shot scrolls nothing, so loading="lazy" pictures below the first
    screen would stay empty boxes: scroll through the page to load them before it."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, 600):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(50)
    page.evaluate("window.scrollTo(0, 0)")
    try:
        page.wait_for_function(
            "[...document.images].every(i => i.complete && i.naturalWidth)", timeout=15_000
        )
    except Exception:  # noqa: BLE001 - a shot with a broken picture still shows the page
        broken = page.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.src)")
        print(f"{page.url}: pictures that did not load: {broken}", file=sys.stderr)


def _small_png(path: Path) -> None:
    """Rewrite a screenshot as a 256-colour PNG: an admin screen has few colours, and
    the file becomes a fraction of the size at no visible cost."""
    from PIL import Image

    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def _admin_screens(page, base: str) -> dict[str, str | None]:
    """The screens an editor spends the day on, found on the admin's own pages: the
    article list, an article's form (with the body editor's toolbar), the comments to
    moderate, the section tree, a tag as a topic page, and the image library once the
    admin has one (a model of the articles app whose name says image)."""
    import re

    page.goto(base + "/admin/articles/article/?o=-6")
    change = page.locator("#result_list tbody tr th a").first.get_attribute("href")
    # A tag the demo makes a topic page (demo/content_de.py), else the most used one.
    page.goto(base + "/admin/articles/tag/?q=chips")
    if not page.locator("#result_list tbody tr th a").count():
        page.goto(base + "/admin/articles/tag/?o=-3")
    tag = page.locator("#result_list tbody tr th a").first.get_attribute("href")
    page.goto(base + "/admin/")
    index = page.content()
    library = next(
        (url for url in re.findall(r'href="(/admin/articles/[a-z]*image[a-z]*/)"', index)),
        None,
    )
    page.goto(base + "/admin/comments/comment/")
    # The article commented on last, from the comment list's filter by article.
    commented = page.locator("#changelist-filter a[href*='article=']").first.get_attribute("href")
    commented_pk = re.search(r"article=(\d+)", commented).group(1)
    return {
        "article-list": "/admin/articles/article/",
        "article-form": change,
        "link-dialog": change,
        "comment-moderation": "/admin/comments/comment/",
        "article-comments": f"/admin/articles/article/{commented_pk}/change/",
        "category-tree": "/admin/articles/category/",
        "tag-topic": tag,
        "image-library": library,
        "review-queue": "/admin/articles/articleinreview/",
    }


def admin_screenshots(browser) -> int:
    ADMIN_OUT.mkdir(parents=True, exist_ok=True)
    with _Server("en") as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(base + "/admin/login/")
        page.fill("#id_username", ADMIN_LOGIN[0])
        page.fill("#id_password", ADMIN_LOGIN[1])
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
        for name, path in _admin_screens(page, base).items():
            if path is None:
                print(f"skipped {name}: not in this admin yet")
                continue
            page.goto(base + path, wait_until="load")
            if name == "article-form":
                _wait_for_body_figures(page)
            if name == "link-dialog":
                _open_link_dialog(page)
            target = ADMIN_OUT / f"admin-{name}.png"
            if name == "article-comments":
                # The latest comments with their moderation buttons, at the form's foot.
                page.locator("fieldset:has(.latest-comments)").screenshot(path=str(target))
                _small_png(target)
                print(target.relative_to(ROOT))
                continue
            height = min(page.evaluate("document.documentElement.scrollHeight"), ADMIN_MAX_HEIGHT)
            page.set_viewport_size({"width": 1280, "height": max(height, 900)})
            page.screenshot(path=str(target))
            page.set_viewport_size({"width": 1280, "height": 900})
            _small_png(target)
            print(target.relative_to(ROOT))
        context.close()
    return 0


def _wait_for_body_figures(page) -> None:
    """The body editor draws each image as a figure once it has asked for the image and
    its thumbnail has loaded (static/articles/admin/image_picker.js)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll("figure.library-image")].every(
            (figure) => figure.classList.contains("library-image--missing")
                || (figure.querySelector("img").complete
                    && figure.querySelector("img").naturalWidth > 0))"""
    )


def _open_link_dialog(page) -> None:
    """The body editor's "Link to the site" dialog, searching for a word of the body."""
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.wait_for()
    editor.locator("p").first.click()
    page.keyboard.press("Home")
    page.keyboard.press("Shift+End")
    page.locator('.prose-menubar [data-name="internalLink"]').click()
    page.locator("dialog.internal-link input[type=search]").fill("ai")
    page.locator("dialog.internal-link .internal-link__target").first.wait_for()


def _open_first_passage(page) -> None:
    """Open the first passage's thread in place (static/js/passages.js), in view."""
    marker = page.locator("a[data-passage-marker]").first
    marker.scroll_into_view_if_needed()
    marker.click()
    page.locator(".passage-thread").first.wait_for()
    page.evaluate("window.scrollTo(0, document.querySelector('.passage').offsetTop - 80)")


def main() -> int:
    from playwright.sync_api import sync_playwright

    if "--admin" in sys.argv[1:]:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                return admin_screenshots(browser)
            finally:
                browser.close()

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for language in ("en", "de"):
            with _Server(language) as base:
                for name, path in _pages(base).items():
                    for width in WIDTHS:
                        page = browser.new_page(viewport={"width": width, "height": 900})
                        page.goto(base + path)
                        _load_lazy_images(page)
                        if name == "article-feedback":
                            _open_first_passage(page)
                        target = OUT / f"{language}-{name}-{width}.png"
                        if name == "comments":
                            # The comment section alone, as long as it is.
                            page.locator("#comments").screenshot(path=str(target))
                        else:
                            page.screenshot(path=str(target), full_page=width == 1280)
                        page.close()
                        print(target.relative_to(ROOT))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
