"""Calendar links made before only their hash was kept go on working after the upgrade, and the
token itself is gone from the database."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

BEFORE = ("calendar", "0001_initial")
AFTER = ("calendar", "0002_token_hash")
TOKEN = "k" * 43


def migrate(node):
    """Every app at its newest, the calendar app at `node`; the models as they were then. Forwards
    first, then back: one plan cannot go both ways."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(leaves)
    executor.loader.build_graph()
    targets = [leaf for leaf in leaves if leaf[0] != "calendar"] + [node]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def newest_schema_afterwards():
    """The tests after this one find every migration applied, as they expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_an_existing_link_keeps_working_and_only_its_hash_is_kept():
    apps = migrate(BEFORE)
    user = apps.get_model("accounts", "User").objects.create(username="old", is_active=True)
    apps.get_model("calendar", "CalendarFeed").objects.create(owner=user, token=TOKEN)

    apps = migrate(AFTER)
    row = apps.get_model("calendar", "CalendarFeed").objects.values().get()
    assert row["token_hash"] == hashlib.sha256(TOKEN.encode()).hexdigest()
    assert TOKEN not in str(row)
    migrate(("calendar", "0002_token_hash"))
    from coffeechat.foundation.accounts.models import Profile, User

    Profile.objects.get_or_create(user=User.objects.get(username="old"))
    assert Client().get(f"/calendar/feed/{TOKEN}.ics").status_code == 200
