"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server,
and the checkers that read the pages (the Nu HTML Checker, axe-core).

No browser is downloaded: the tests use the system's Chromium (CHROMIUM_PATH, default
/usr/bin/chromium), the system's Java, and the npm packages pinned in package-lock.json
(`npm ci` puts them in node_modules/). Without a tool its tests are skipped, except on
CI, where `.ci/run` installs them and a missing tool is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


def require_tool(found: bool, what: str, how: str) -> None:
    """Skip the test without `what`, saying how to get it; on CI fail instead."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {what}; .ci/run should have installed it ({how})")
    pytest.skip(f"no {what} ({how})")


@pytest.fixture(scope="module")
def _browser():
    found = bool(shutil.which(CHROMIUM))
    require_tool(found, f"Chromium at {CHROMIUM}", "apt-get install chromium")
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


def _tab(browser, live_server, settings, *, javascript: bool, bypass_csp: bool = False):
    settings.SITE_URL = live_server.url
    context = browser.new_context(
        java_script_enabled=javascript,
        bypass_csp=bypass_csp,
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_js(_browser, live_server, transactional_db, settings):
    """A fresh browser tab with JavaScript turned off, on the live server."""
    yield from _tab(_browser, live_server, settings, javascript=False)


@pytest.fixture
def page_with_js(_browser, live_server, transactional_db, settings):
    """A fresh browser tab with JavaScript on, on the live server, for scripts the test
    injects (such as axe-core): the site's Content-Security-Policy, which forbids inline
    scripts, is not applied."""
    yield from _tab(_browser, live_server, settings, javascript=True, bypass_csp=True)


@pytest.fixture
def page_as_served(_browser, live_server, transactional_db, settings):
    """A fresh browser tab with JavaScript on and the site's Content-Security-Policy
    enforced, as a reader's browser sees the site."""
    yield from _tab(_browser, live_server, settings, javascript=True)
