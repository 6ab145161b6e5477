"""The German site reads as German: every string our code and templates mark for
translation has a German translation at run time (from our catalogues or Django's)."""

import ast
import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
CODE = (
    "newsroom",
    "core",
    "articles",
    "reader",
    "comments",
    "newsletter",
    "accounts",
    "demo",
    "pages",
    "wordpress",
)
SKIP_FILES = {"content.py"}
# Words that are the same in German.
SAME_IN_GERMAN = {
    "Name", "Status", "Tags", "Feed", "Website", "Login", "Newsletter", "Online", "Details",
    "RSS", "Atom", "E-Mail", "Digest", "Digests", "Links", "Score", "Reviews", "Start", "Spam",
}  # fmt: skip

SINGULAR = {"gettext", "gettext_lazy", "_", "gettext_noop"}
PLURAL = {"ngettext", "ngettext_lazy"}
CONTEXT = {"pgettext", "pgettext_lazy"}
CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _strings(nodes) -> list[str] | None:
    values = []
    for node in nodes:
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            return None
        values.append(node.value)
    return values


def messages_in_python(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        wanted = {**dict.fromkeys(SINGULAR, 1), **dict.fromkeys(PLURAL, 2),
                  **dict.fromkeys(CONTEXT, 2), **dict.fromkeys(CONTEXT_PLURAL, 3)}  # fmt: skip
        if name not in wanted:
            continue
        args = _strings(node.args[: wanted[name]])
        if args and len(args) == wanted[name]:
            kind = "gettext" if name in SINGULAR else name.replace("_lazy", "")
            yield kind, tuple(args)


_CALL = re.compile(r"\b(n?p?gettext)\(((?:u?'(?:[^'\\]|\\.)*'|u?\"(?:[^\"\\]|\\.)*\"|[^()'\"])*)\)")
_LITERAL = re.compile(r"u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def messages_in_template(path: Path):
    for match in _CALL.finditer(templatize(path.read_text(), origin=str(path))):
        name = match.group(1)
        yield name, tuple(ast.literal_eval(lit) for lit in _LITERAL.findall(match.group(2)))


def all_messages():
    found = set()
    for package in CODE:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts or path.name in SKIP_FILES:
                continue
            found.update((path, *msg) for msg in messages_in_python(path))
    for path in (ROOT / "templates").rglob("*"):
        if path.suffix in {".html", ".txt"}:
            found.update((path, *msg) for msg in messages_in_template(path))
    return found


def untranslated(kind: str, args: tuple[str, ...]) -> bool:
    if kind == "gettext":
        (msgid,) = args
        return msgid.strip() not in SAME_IN_GERMAN and translation.gettext(msgid) == msgid
    if kind == "pgettext":
        context, msgid = args
        return msgid not in SAME_IN_GERMAN and translation.pgettext(context, msgid) == msgid
    if kind == "ngettext":
        singular, plural = args
        return translation.ngettext(singular, plural, 2) == plural
    context, singular, plural = args
    return translation.npgettext(context, singular, plural, 2) == plural


def test_the_scan_finds_the_strings_it_should():
    kinds = {kind for _, kind, _ in all_messages()}
    assert kinds >= {"gettext", "ngettext"}
    assert any(args == ("Read also",) for _, _, args in all_messages())


@pytest.mark.parametrize("language", ["de"])
def test_every_marked_string_has_a_german_translation(language):
    with translation.override(language):
        missing = sorted(
            f"{path.relative_to(ROOT)}: {args}"
            for path, kind, args in all_messages()
            if untranslated(kind, args)
        )
    assert missing == [], "\n".join(missing)
