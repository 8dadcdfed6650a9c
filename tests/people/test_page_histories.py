"""A page of contacts reads its history in three flat queries (histories_of): the facts must be
exactly those with_history annotates, which the stage and reply speed are judged from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.pages.people.queries import HISTORY_FIELDS, histories_of, with_history
from coffeechat.pipeline.conversations.models import Status
from coffeechat.pipeline.outreach.models import Purpose

# 23:30 UTC on a Monday is already Tuesday in Auckland: the day of a request is the user's.
LATE = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)


def annotated(owner, tz) -> dict[int, dict[str, object]]:
    rows = with_history(Contact.objects.owned_by(owner), tz).values("pk", *HISTORY_FIELDS)
    return {row["pk"]: {name: row[name] for name in HISTORY_FIELDS} for row in rows}


def test_the_facts_of_a_page_are_those_with_history_annotates(alice):
    alice.profile.time_zone = "Pacific/Auckland"
    alice.profile.save()
    tz = alice.profile.tz()
    nobody = make.contact(alice, "Kim")
    asked = make.contact(alice, "Priya Shah")
    make.request_sent(asked, on=LATE)
    make.sent(asked, Purpose.FOLLOW_UP, on=LATE + timedelta(days=8))
    again = make.contact(alice, "Sam Lee")
    make.request_sent(again, on=LATE - timedelta(days=60))
    make.reply(again, on=(LATE - timedelta(days=58)).date(), outcome="declined")
    make.reply(again, on=(LATE - timedelta(days=50)).date(), outcome="replied")
    # Sent on the day of the last reply in UTC but the next day in Auckland: asking again.
    make.request_sent(again, on=datetime(2026, 1, 11, 23, 30, tzinfo=UTC))
    make.request_sent(again, on=LATE)
    met = make.contact(alice, "Grace Hopper")
    make.request_sent(met, on=LATE - timedelta(days=30))
    make.reply(met, on=(LATE - timedelta(days=29)).date())
    make.held(met, at=LATE - timedelta(days=20))
    make.held(met, at=LATE - timedelta(days=10))
    make.sent(met, Purpose.THANK_YOU, on=LATE - timedelta(days=9))
    make.conversation(met, at=LATE + timedelta(days=30))
    make.conversation(met, at=LATE + timedelta(days=20))
    make.conversation(met, at=LATE + timedelta(days=5), status=Status.CANCELLED)
    ids = [nobody.pk, asked.pk, again.pk, met.pk]

    facts = histories_of(ids, tz)

    assert facts == annotated(alice, tz)
    assert facts[again.pk]["h_new_request"] is not None
    assert facts[met.pk]["h_upcoming"] == LATE + timedelta(days=20)
    assert facts[met.pk]["h_met"] == LATE - timedelta(days=10)
    assert facts[nobody.pk] == dict.fromkeys(HISTORY_FIELDS)
