"""The search index's triggers come off before migrations run and go back on after.

On SQLite a migration that changes a table rebuilds it (a new table, a copy, the old one dropped,
the new one renamed), and a trigger that reads that table from another table's trigger makes the
rename fail; the old table's own triggers go with it. So the triggers are taken off before any
migration runs, and put back (with a full reindex, as rows may have changed meanwhile) after.
"""

from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate, pre_migrate

from coffeechat.pages.search import index


def _before(using: str = "default", plan: list[Any] | None = None, **kwargs: Any) -> None:
    connection = connections[using]
    if plan and index.TABLE in connection.introspection.table_names():
        index.drop_triggers(connection)


def _after(using: str = "default", plan: list[Any] | None = None, **kwargs: Any) -> None:
    connection = connections[using]
    if plan or not index.is_current(connection):
        index.install(connection)


class SearchConfig(AppConfig):
    name = "coffeechat.pages.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        pre_migrate.connect(_before, sender=self)
        post_migrate.connect(_after, sender=self)
