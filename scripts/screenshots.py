"""Screenshots of the reader pages at a phone's and a desktop's width, in each language.

    make screenshots            # writes .screenshots/<language>-<page>-<width>.png

Serves the development database (`make run` fills it) with runserver on a free
loopback port, once per language, and drives Debian's Chromium through Playwright.
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
    return {
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


def _open_first_passage(page) -> None:
    """Open the first passage's thread in place (static/js/passages.js), in view."""
    marker = page.locator("a[data-passage-marker]").first
    marker.scroll_into_view_if_needed()
    marker.click()
    page.locator(".passage-thread").first.wait_for()
    page.evaluate("window.scrollTo(0, document.querySelector('.passage').offsetTop - 80)")


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for language in ("en", "de"):
            port = _free_port()
            env = {**os.environ, "LANGUAGE_CODE": language, "DEBUG": "1"}
            server = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            base = f"http://127.0.0.1:{port}"
            try:
                for _ in range(600):  # a busy machine takes a while to start Django
                    try:
                        urlopen(base + "/healthz/")  # noqa: S310
                        break
                    except OSError:
                        time.sleep(0.1)
                for name, path in _pages(base).items():
                    for width in WIDTHS:
                        page = browser.new_page(viewport={"width": width, "height": 900})
                        page.goto(base + path)
                        if name == "article-feedback":
                            _open_first_passage(page)
                        target = OUT / f"{language}-{name}-{width}.png"
                        page.screenshot(path=str(target), full_page=width == 1280)
                        page.close()
                        print(target.relative_to(ROOT))
            finally:
                server.terminate()
                server.wait(timeout=10)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
