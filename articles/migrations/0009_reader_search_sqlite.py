"""SQLite's full-text index for reader search (reader/search.py); nothing on PostgreSQL,
whose GIN indexes come from 0004_reader_search_index.

An FTS5 table over the articles' title, lead and body ("external content": it keeps
only the index and reads the text from articles_article), kept in step by triggers, so
that every write (the admin's, bulk inserts, raw SQL) updates it. Without it a search
read the text of every article: 0.4 s to 1.2 s at 100,000 articles.
"""

from django.db import migrations

TABLE = "reader_article_search"

CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(title, lead, body, "
    "content='articles_article', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_insert AFTER INSERT ON articles_article BEGIN "
    f"INSERT INTO {TABLE}(rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body); "
    "END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON articles_article BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, title, lead, body) "
    "VALUES ('delete', old.id, old.title, old.lead, old.body); END",
    # Only when the text changes: publishing or moving an article leaves the index alone.
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_update AFTER UPDATE OF title, lead, body "
    f"ON articles_article BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, title, lead, body) "
    "VALUES ('delete', old.id, old.title, old.lead, old.body); "
    f"INSERT INTO {TABLE}(rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body); "
    "END",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_article_listing_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
