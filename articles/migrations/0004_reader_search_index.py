"""PostgreSQL full-text indexes for reader search (articles/search.py); nothing on SQLite.

One GIN index per text-search configuration the site can run in. Each index
expression is the weighted document that `reader.search` builds, so that the
planner can use it: change one and the other must change with it.
"""

from django.db import migrations

CONFIGS = ("english", "german")


def _document(config: str) -> str:
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE({column}, '')), '{weight}')"
        for column, weight in (("title", "A"), ("lead", "B"), ("body", "C"))
    ]
    return f"(({parts[0]} || {parts[1]}) || {parts[2]})"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in CONFIGS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS article_search_{config} "
            f"ON articles_article USING GIN ({_document(config)})"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for config in CONFIGS:
        schema_editor.execute(f"DROP INDEX IF EXISTS article_search_{config}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_workflow_groups")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
