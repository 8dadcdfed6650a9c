"""Merging two records of one person keeps the parts of the name: blanks are filled from the
other record, and a part both have but differently is kept in the notes."""

from __future__ import annotations

import factories as make
from coffeechat.pipeline.services.merge import merge_contacts, plan_merge


def test_merging_fills_the_parts_of_the_name_the_kept_record_lacks(alice):
    john = make.contact(alice, "John Public", org="Contoso", goes_by="Johnny")
    imported = make.contact(
        alice, "John Public", org="Contoso", honorific="Dr.", middle_name="Quinlan", suffix="III"
    )
    plan = plan_merge(john, imported)
    assert {"title", "middle name", "suffix"} <= set(plan.filled)

    kept = merge_contacts(john, imported)

    assert (kept.honorific, kept.first_name, kept.middle_name, kept.last_name) == (
        "Dr.",
        "John",
        "Quinlan",
        "Public",
    )
    assert (kept.suffix, kept.goes_by) == ("III", "Johnny")
    assert kept.person_name.formal == "Dr. John Quinlan Public III"


def test_a_different_name_they_go_by_is_kept_in_the_notes(alice):
    john = make.contact(alice, "John Public", goes_by="Johnny")
    other = make.contact(alice, "John Public", goes_by="Jack")

    kept = merge_contacts(john, other)

    assert kept.goes_by == "Johnny"
    assert "Also known: goes by Jack" in kept.notes
