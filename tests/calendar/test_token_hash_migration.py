"""Calendar links made before only their hash was kept go on working after the upgrade, and the
token itself is gone from the database."""

from __future__ import annotations

import hashlib

import pytest
from django.test import Client

from migrating import migrate, newest_schema_afterwards  # noqa: F401 (a fixture)

BEFORE = ("calendar", "0001_initial")
AFTER = ("calendar", "0002_token_hash")
TOKEN = "k" * 43


pytestmark = pytest.mark.usefixtures("newest_schema_afterwards")


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
