"""The category tree's integrity, asserted from what the database holds."""

from __future__ import annotations

from django.db import transaction

from articles.models import Category


def _columns() -> dict[int, tuple]:
    """Each category's parent and nested-set columns, with tree ids replaced by their
    rank: a gap left in the numbering by a move is no corruption."""
    rows = list(Category.objects.values_list("pk", "parent_id", "tree_id", "lft", "rght", "level"))
    rank = {tree_id: index for index, tree_id in enumerate(sorted({row[2] for row in rows}))}
    return {pk: (parent, rank[tree], *nested) for pk, parent, tree, *nested in rows}


def _rebuilt_columns() -> dict[int, tuple]:
    """The columns as MPTT derives them from `parent` alone, without keeping them."""
    savepoint = transaction.savepoint()
    try:
        Category.objects.rebuild()
        return _columns()
    finally:
        transaction.savepoint_rollback(savepoint)


def _paths_from_parents() -> dict[int, str]:
    rows = {pk: (parent, slug) for pk, parent, slug in Category.objects.values_list(
        "pk", "parent_id", "slug"
    )}  # fmt: skip

    def path(pk: int) -> str:
        parent, slug = rows[pk]
        return slug if parent is None else f"{path(parent)}/{slug}"

    return {pk: path(pk) for pk in rows}


def assert_tree_intact() -> None:
    """`parent`, the MPTT columns and the stored paths tell one and the same tree."""
    assert _columns() == _rebuilt_columns(), "the MPTT columns disagree with `parent`"
    stored = dict(Category.objects.values_list("pk", "path"))
    assert stored == _paths_from_parents(), "a stored path is not its ancestors' slugs"
