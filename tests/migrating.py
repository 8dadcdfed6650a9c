"""Migration tests: one app at an older migration with every other app at its newest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(node: tuple[str, str]) -> Apps:
    """Every app at its newest, then the app of `node` back at `node`, which takes back the
    migrations of other apps that depend on its later ones; the models as they are then.
    Forwards first, then back: one plan cannot go both ways."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    executor.loader.build_graph()
    executor.migrate([node])
    executor.loader.build_graph()
    return executor.loader.project_state(sorted(executor.loader.applied_migrations)).apps


@pytest.fixture
def newest_schema_afterwards() -> Iterator[None]:
    """The tests after this one find every migration applied, as they expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
