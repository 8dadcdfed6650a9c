"""Built-in texts that changed reach the copies users have not edited, and only those."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.db import connection

from coffeechat.method.wording.texts import BUILT_IN_TEMPLATES
from coffeechat.pipeline.outreach.models import MessageTemplate

migration = importlib.import_module(
    "coffeechat.pipeline.outreach.migrations.0011_note_greetings_and_warm_first_name_sign_offs"
)


def test_unedited_copies_get_the_new_greeting_and_sign_off_and_edited_ones_stay(alice):
    note = next(t for t in BUILT_IN_TEMPLATES if t.name == "LinkedIn note to a former professor")
    friend = next(t for t in BUILT_IN_TEMPLATES if t.name == "Email to a friend or family")
    rows = MessageTemplate.objects.owned_by(alice).filter(built_in=True)
    old_note = rows.get(name=note.name)
    old_note.body = migration.OLD_BODIES[note.name]
    old_note.save()
    edited = rows.get(name=friend.name)
    edited.body = migration.OLD_BODIES[friend.name] + "\n(my own words)"
    edited.save()

    migration.update_unedited_copies(apps, connection.schema_editor())

    old_note.refresh_from_db()
    assert old_note.body.startswith("{{greeting}}, I'm {{my_name}}")
    edited.refresh_from_db()
    assert edited.body.endswith("{{my_name}}\n(my own words)")
