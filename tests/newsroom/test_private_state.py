"""State passes in the open: no admin hook leaves notes for another on the request,
and no module writes another object's private attributes.

Such notes are invisible in the signatures that carry them, so a hook called in
another order, or by a view that never set them, quietly does something else. The
checks walk the syntax of every module of the project's apps.
"""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
# Django's documented API on models, despite the underscore.
PUBLIC_UNDERSCORED = {"_meta", "_default_manager", "_base_manager"}
OWN = {"self", "cls"}
ATTRIBUTE_FUNCTIONS = {"getattr", "setattr", "hasattr", "delattr"}


def project_modules() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


def is_admin_module(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    return path.stem == "admin" or path.stem.endswith("_admin") or "admin" in parts[:-1]


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name not in PUBLIC_UNDERSCORED


def owner_name(node: ast.expr) -> str | None:
    """`request` for `request._x`; None for `super()._x` and other expressions."""
    return node.id if isinstance(node, ast.Name) else None


def private_accesses(path: Path):
    """(line, owner, attribute, written) of each private attribute reached on an
    object other than self or cls, by dot or by getattr() and its kin."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            if isinstance(node.value, ast.Call) and owner_name(node.value.func) == "super":
                continue
            owner = owner_name(node.value)
            if owner not in OWN:
                written = isinstance(node.ctx, ast.Store | ast.Del)
                yield node.lineno, owner or ast.unparse(node.value), node.attr, written
        elif (
            isinstance(node, ast.Call)
            and owner_name(node.func) in ATTRIBUTE_FUNCTIONS
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and is_private(node.args[1].value)
        ):
            owner = owner_name(node.args[0])
            if owner not in OWN:
                written = node.func.id in {"setattr", "delattr"}
                yield node.lineno, owner or ast.unparse(node.args[0]), node.args[1].value, written


def where(path: Path, line: int, owner: str, attribute: str) -> str:
    return f"{path.relative_to(ROOT)}:{line}: {owner}.{attribute}"


def test_the_walk_sees_every_admin_module():
    admin_modules = {
        str(path.relative_to(ROOT)) for path in project_modules() if is_admin_module(path)
    }
    assert {"articles/admin/articles.py", "comments/admin.py", "newsletter/admin.py"} <= (
        admin_modules
    )


def test_no_admin_module_keeps_state_on_the_request():
    offenders = [
        where(path, line, owner, attribute)
        for path in project_modules()
        if is_admin_module(path)
        for line, owner, attribute, _ in private_accesses(path)
        if owner == "request"
    ]
    assert offenders == []


def test_admin_modules_reach_no_private_attributes_of_the_objects_they_show():
    offenders = [
        where(path, line, owner, attribute)
        for path in project_modules()
        if is_admin_module(path)
        for line, owner, attribute, _ in private_accesses(path)
    ]
    assert offenders == []


def test_no_module_sets_private_attributes_of_another_object():
    """A model keeps its private state itself (Article.remember_stored_slug); others
    ask it through its methods."""
    offenders = [
        where(path, line, owner, attribute)
        for path in project_modules()
        for line, owner, attribute, written in private_accesses(path)
        if written
    ]
    assert offenders == []
