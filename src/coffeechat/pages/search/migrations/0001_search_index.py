"""The search index's table: FTS5 on SQLite, a tsvector with `unaccent` under a GIN index on
PostgreSQL. Its triggers and the indexing of existing records follow every migrate (apps.py)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from coffeechat.pages.search import index


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    index.create_table(schema_editor.connection)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    index.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    # The table stands alone; its triggers, which read the other apps' tables, are put on after
    # every migrate (apps.py), so this needs no other migration first.
    dependencies: list[tuple[str, str]] = []
    operations = [migrations.RunPython(create, drop)]
