"""The heavy account of the pages benchmark (bench/heavy.py): the same seed and day give the
same account, shaped like a real one (several people per organization, accented names, a
history over 18 months ending on the given day, some follow-ups overdue), for its owner only."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message

BENCH = Path(__file__).resolve().parents[1] / "bench"
TODAY = date(2026, 6, 15)


@pytest.fixture(scope="module")
def heavy():
    sys.path.insert(0, str(BENCH))  # bench/ is scripts, not a package: heavy imports generate
    try:
        import heavy

        yield heavy
    finally:
        sys.path.remove(str(BENCH))


def _people(owner) -> list[tuple[str, str, str, str]]:
    return list(
        Contact.objects.filter(owner=owner)
        .order_by("pk")
        .values_list("first_name", "last_name", "organization__name", "notes")
    )


def test_the_same_seed_and_day_give_the_same_account(heavy, alice, bob):
    first = heavy.build_heavy_account(alice, contacts=60, seed=3, today=TODAY)
    second = heavy.build_heavy_account(bob, contacts=60, seed=3, today=TODAY)

    assert first == second
    assert _people(alice) == _people(bob)


def test_the_account_is_shaped_like_a_years_networking(heavy, alice, bob):
    counts = heavy.build_heavy_account(alice, contacts=300, seed=42, today=TODAY)

    assert counts["Contact"] == 300
    # About ten events and twenty notes per contact: 50,000 and 100,000 at 5,000 contacts.
    assert 8 <= heavy.events(counts) / 300 <= 12
    assert 16 <= counts["notes"] / 300 <= 24
    # A long tail of organizations, several people at the largest.
    assert 10 <= counts["Organization"] <= 30
    people = _people(alice)
    per_org = [sum(1 for p in people if p[2] == org) for org in {p[2] for p in people}]
    assert max(per_org) >= 5
    assert any(not (first + last).isascii() for first, last, _org, _notes in people)
    # History over 18 months up to the day, nothing sent after it; some follow-ups overdue.
    sent = Message.objects.filter(owner=alice).values_list("sent_at", flat=True)
    assert min(sent).date() >= TODAY - timedelta(days=540)
    assert max(sent).date() <= TODAY
    overdue = FollowUp.objects.filter(owner=alice, done_at=None, due_on__lt=TODAY)
    assert 0 < overdue.count() < FollowUp.objects.filter(owner=alice).count() / 2
    # Another user's data is untouched.
    assert not Contact.objects.filter(owner=bob).exists()
