"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

No browser is downloaded: the tests use the system's Chromium (CHROMIUM_PATH, default
/usr/bin/chromium). Without one they are skipped, except on CI, where `.ci/run`
installs it and a missing browser is a failure.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def _browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Chromium at {CHROMIUM} for the browser tests")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls
    # the tests make in between are still synchronous, so Django's guard is lifted
    # for as long as the browser is open (and only then).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page_without_js(_browser, live_server, transactional_db, settings):
    """A fresh browser tab with JavaScript turned off, on the live server."""
    settings.SITE_URL = live_server.url
    context = _browser.new_context(
        java_script_enabled=False, base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()
