"""Every kind of reader page, in English and in German, is valid HTML (the Nu HTML Checker)
and has no serious or critical accessibility problem (axe-core in Chromium).

The checkers are test tools outside Python: Java runs vnu.jar, Chromium runs axe-core;
both npm packages are pinned in package-lock.json. See conftest.py for how a missing
tool skips these tests (or fails them on CI).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from lxml import html

from tests.reader_pages import build_reader_editions

from .conftest import NODE_MODULES, require_tool

LANGUAGES = ("en", "de")
# Text only the German site shows: the run really rendered German, not English with lang="de".
GERMAN_SKIP_LINK = "Zum Inhalt springen"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
NPM_HINT = "make install-dev runs npm ci when npm exists"
BLOCKING_IMPACTS = {"serious", "critical"}


# Pages whose content shows "IT news" or "laptops", which have no German name yet.
SHOWS_UNTRANSLATED_NAMES = {
    "article", "article replying", "article passage", "article all comments sorted",
    "subcategory", "tag",
}  # fmt: skip
# Pages that answer with another status than 200 (and still must be valid, accessible).
STATUS = {"not found": 404, "log in to report": 403}
# Pages that announce their versions in the other edition.
HAS_ALTERNATES = {"home", "category", "subcategory", "article", "tag", "author"}
# Pages whose body places a library image: its figure's markup is checked too.
SHOWS_FIGURE = {"article", "static page"}


def assert_rendered_in(language: str, document: str, where: str) -> None:
    tree = html.fromstring(document)
    assert tree.get("lang") == language, where
    if language == "de":
        assert GERMAN_SKIP_LINK in tree.text_content(), where


def assert_edition_parts(language: str, name: str, document: str) -> None:
    """What the checkers must see: the switcher, hreflang links, names marked lang="en"."""
    tree = html.fromstring(document)
    where = f"{language} {name}"
    assert tree.xpath("//nav[contains(@class, 'edition-switcher')]//a[@hreflang][@lang]"), where
    if name in HAS_ALTERNATES:
        assert len(tree.xpath("//head/link[@rel='alternate'][@hreflang]")) == 3, where
    if language == "de" and name in SHOWS_UNTRANSLATED_NAMES:
        assert tree.xpath("//main//*[@lang='en']"), where
    if name in SHOWS_FIGURE:
        assert tree.xpath("//main//figure[@class='figure']/img[@srcset][@alt != '']"), where


def report(problems: dict[str, list[str]]) -> str:
    """One line per problem, under its page: readable without pytest's -vv."""
    return "\n".join(
        f"{page}:\n" + "\n".join(f"  {problem}" for problem in found)
        for page, found in sorted(problems.items())
    )


def nu_html_check(folder: Path) -> dict[str, list[str]]:
    """Run the checker once over every file in `folder`: {file name: error messages}."""
    result = subprocess.run(
        [shutil.which("java"), "-jar", str(VNU_JAR), "--format", "json", "--errors-only",
         "--stdout", "--skip-non-html", str(folder)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.stdout, result.stderr
    errors: dict[str, list[str]] = {}
    for message in json.loads(result.stdout)["messages"]:
        name = Path(message.get("url", "?")).name
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(
            f"{where}: {message['message']} [{message.get('extract', '').strip()}]"
        )
    return errors


@pytest.mark.django_db
def test_reader_pages_pass_the_nu_html_checker(settings, tmp_path):
    require_tool(bool(shutil.which("java")), "Java for the Nu HTML Checker",
                 "apt-get install default-jre-headless")  # fmt: skip
    require_tool(VNU_JAR.exists(), f"vnu.jar at {VNU_JAR}", NPM_HINT)
    editions = build_reader_editions(LANGUAGES)
    for language in LANGUAGES:
        client = Client()
        for name, url in editions[language].items():
            response = client.get(url)
            assert response.status_code == STATUS.get(name, 200), (name, url)
            document = response.content.decode()
            assert_rendered_in(language, document, f"{language} {name}")
            assert_edition_parts(language, name, document)
            (tmp_path / f"{language}-{name.replace(' ', '-')}.html").write_text(document)

    errors = nu_html_check(tmp_path)

    assert errors == {}, report(errors)


@pytest.mark.e2e
def test_reader_pages_have_no_serious_accessibility_violations(page_with_js, settings):
    require_tool(AXE_JS.exists(), f"axe-core at {AXE_JS}", NPM_HINT)
    editions = build_reader_editions(LANGUAGES)
    page = page_with_js
    violations = {}
    for language in LANGUAGES:
        for name, url in editions[language].items():
            page.goto(url)
            assert_rendered_in(language, page.content(), f"{language} {name}")
            page.add_script_tag(path=str(AXE_JS))
            results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
            blocking = [
                f"{violation['id']} ({violation['impact']}): "
                + ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
                for violation in results["violations"]
                if violation["impact"] in BLOCKING_IMPACTS
            ]
            if blocking:
                violations[f"{language} {name}"] = blocking

    assert violations == {}, report(violations)
