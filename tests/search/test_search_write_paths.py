"""Whatever writes the records, the index follows in the same transaction: an import (its
bulk inserts and raw updates), merging two people, restoring a backup, a rolled-back change."""

from __future__ import annotations

import pytest
from django.db import transaction

from coffeechat.edges.imports.services import import_contacts
from coffeechat.edges.records.restore import restore
from coffeechat.foundation.accounts.services import create_user
from coffeechat.method.importers.model import ImportedContact
from coffeechat.method.search_query import parse
from coffeechat.pages.search.queries import grouped
from coffeechat.pipeline.services.merge import merge_contacts
from factories import contact, held, takeaway
from records.helpers import export_document


def labels(owner, text: str) -> set[str]:
    return {r.label for g in grouped(owner, parse(text), per_kind=50) for r in g.results}


def test_an_import_is_searchable_at_once_and_so_is_its_update(alice):
    row = ImportedContact(line=2, first_name="Renée", last_name="Côté", role="Pharmacist")
    import_contacts(alice, "linkedin", [row])
    assert labels(alice, "renee cote") == {"Renée Côté"}
    again = ImportedContact(line=2, first_name="Renée", last_name="Côté", role="Oncology lead")
    import_contacts(alice, "linkedin", [again])
    assert labels(alice, "oncology") == {"Renée Côté"}


def test_merging_two_people_leaves_one_result(alice):
    keep = contact(alice, first_name="Zoë", last_name="Hernández", notes="nursing")
    other = contact(alice, first_name="Zoe", last_name="Hernandez", notes="UIC alumna")
    merge_contacts(keep, other)
    assert labels(alice, "hernandez") == {"Zoë Hernández"}


def test_a_restored_backup_is_searchable(alice, persona_password):
    zoe = contact(alice, first_name="Zoë", last_name="Hernández")
    takeaway(held(zoe), "Join the Montréal chapter")
    carol = create_user(username="carol", password=persona_password)
    restore(carol, export_document(alice))
    assert labels(carol, "montreal") == {"Join the Montréal chapter"}
    assert labels(carol, "zoe") == {"Zoë Hernández"}


def test_a_rolled_back_change_leaves_the_index_as_it_was(alice):
    zoe = contact(alice, first_name="Zoë", last_name="Hernández")
    with pytest.raises(RuntimeError), transaction.atomic():
        zoe.notes = "oncology"
        zoe.save()
        raise RuntimeError
    assert labels(alice, "oncology") == set()
    assert labels(alice, "zoe") == {"Zoë Hernández"}
