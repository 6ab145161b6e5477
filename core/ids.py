"""Database ids from URLs and query strings, refused before they reach the database.

A number the id column cannot hold is not a missing row to the database but an
error: SQLite cannot bind it, PostgreSQL compares it against `integer` or `bigint`.
The bound is the column's, looked up per model and database: Django's own models
and django-comments' use `integer` (AutoField), ours `bigint`.
"""

from __future__ import annotations

from django.db import connections, models, router


def max_id(model: type[models.Model]) -> int:
    """The largest primary key `model`'s column holds in the database it is read from."""
    field = model._meta.pk
    # A child model's key is its parent's (multi-table inheritance: our Comment).
    while field.is_relation:
        field = field.target_field
    connection = connections[router.db_for_read(model)]
    return connection.ops.integer_field_range(field.get_internal_type())[1]


def parse_id(value: object, *, model: type[models.Model]) -> int | None:
    """`value` as an id of `model`, or None when it is not one: empty, signed, spaced,
    not a number, zero or too large for the column."""
    text = str(value) if value is not None else ""
    limit = max_id(model)
    # The length first: int() refuses strings of thousands of digits with an error.
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(limit)):
        return None
    number = int(text)
    return number if 1 <= number <= limit else None


class ModelIdConverter:
    """A path converter for one model's ids; a number out of its range does not match,
    so the URL is a 404 like any other that leads nowhere."""

    regex = "[0-9]+"
    model: type[models.Model]

    def to_python(self, value: str) -> int:
        number = parse_id(value, model=self.model)
        if number is None:
            raise ValueError(f"not an id of {self.model._meta.label}")
        return number

    def to_url(self, value: int | str) -> str:
        return str(value)


def id_converter(model: type[models.Model]) -> type[ModelIdConverter]:
    """The converter class for `model`'s ids, for `register_converter(…, "<name>_id")`."""
    return type(f"{model.__name__}IdConverter", (ModelIdConverter,), {"model": model})
