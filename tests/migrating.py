"""Migration tests: one app at an older migration with every other app at its newest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(node: tuple[str, str]) -> Apps:
    """Every app at its newest, the app of `node` at `node`; the models as they were then.
    Forwards first, then back: one plan cannot go both ways."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(leaves)
    executor.loader.build_graph()
    targets = [leaf for leaf in leaves if leaf[0] != node[0]] + [node]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def newest_schema_afterwards() -> Iterator[None]:
    """The tests after this one find every migration applied, as they expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
