"""Conversations held before the clock could pause keep the length it measured, when it ran."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from migrating import migrate, newest_schema_afterwards  # noqa: F401 (a fixture)

BEFORE = ("conversations", "0002_sequence_and_acted_on")
AFTER = ("conversations", "0003_clock_pauses_and_held_minutes")
AGREED = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("newest_schema_afterwards")


@pytest.mark.django_db(transaction=True)
def test_held_conversations_keep_the_length_their_clock_measured():
    apps = migrate(BEFORE)
    user = apps.get_model("accounts", "User").objects.create(username="old")
    contact = apps.get_model("people", "Contact").objects.create(
        owner=user, first_name="Sam", source="manual"
    )
    Conversation = apps.get_model("conversations", "Conversation")

    def held(started_at, ended_at):
        return Conversation.objects.create(
            owner=user,
            contact=contact,
            scheduled_at=AGREED,
            status="held",
            started_at=started_at,
            ended_at=ended_at,
        ).pk

    timed = held(AGREED + timedelta(minutes=2, seconds=7), AGREED + timedelta(minutes=27))
    # Ended without Start: the old code copied the agreed time in as the start.
    untimed = held(AGREED, AGREED + timedelta(hours=2))
    # Ended the next day: the clock ran all night, which is no length.
    overnight = held(AGREED + timedelta(seconds=3), AGREED + timedelta(hours=20))

    apps = migrate(AFTER)
    lengths = dict(
        apps.get_model("conversations", "Conversation").objects.values_list("pk", "held_minutes")
    )
    assert lengths == {timed: 25, untimed: None, overnight: None}
