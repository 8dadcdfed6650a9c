"""The factories build what the app would: the same rows, and the follow-ups they set going."""

from __future__ import annotations

from datetime import UTC, date, datetime

import factories as make
from coffeechat.pipeline.conversations.models import Status
from coffeechat.pipeline.followups.models import FollowUp

MONDAY_9AM = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # Europe/London is on UTC in November


def open_kinds(contact) -> dict[str, date]:
    return dict(FollowUp.objects.open().filter(contact=contact).values_list("kind", "due_on"))


def test_a_contact_is_named_in_one_string_and_shares_an_organization_named_twice(alice):
    priya = make.contact(alice, "Priya de Souza", org="Northwind", role="Analyst")
    sam = make.contact(alice, "Sam", org="Northwind")
    assert (priya.first_name, priya.last_name, priya.role) == ("Priya", "de Souza", "Analyst")
    assert (sam.first_name, sam.last_name) == ("Sam", "")
    assert priya.organization == sam.organization
    assert priya.organization.owner == alice


def test_first_name_given_as_a_keyword_replaces_the_default_name(alice):
    kim = make.contact(alice, first_name="Kim Ly")
    assert (kim.first_name, kim.last_name) == ("Kim Ly", "")


def test_a_request_sent_on_a_day_goes_out_that_morning_and_starts_the_routine(alice, priya):
    message = make.request_sent(priya, on=date(2026, 11, 16))
    assert message.sent_at == MONDAY_9AM
    assert open_kinds(priya) == {
        "no_reply": date(2026, 11, 19),
        "nudge": date(2026, 11, 25),
        "move_on": date(2026, 11, 30),
    }


def test_a_reply_ends_the_waiting(alice, priya):
    make.request_sent(priya, on=MONDAY_9AM)
    make.reply(priya, on=date(2026, 11, 17), outcome="declined")
    assert open_kinds(priya) == {}


def test_a_held_conversation_owes_a_thank_you_and_its_referral_a_first_message(alice, priya):
    chat = make.held(priya, at=MONDAY_9AM)
    assert chat.status == Status.HELD
    assert chat.time_zone == "Europe/London"  # the owner's, as the schedule form suggests
    assert "thank_you" in open_kinds(priya)
    sam = make.referral(chat, "Sam Lee", org="Acme Climate", may_use_name=True).contact
    assert (sam.introduced_by, sam.organization) == (priya, priya.organization)
    assert list(open_kinds(sam)) == ["contact_referral"]


def test_a_cancelled_conversation_is_cancelled_through_the_service(alice, priya):
    chat = make.conversation(priya, at=MONDAY_9AM, status=Status.CANCELLED)
    chat.refresh_from_db()
    assert chat.status == Status.CANCELLED
    assert chat.sequence == 1  # a new version for calendars, as the cancel page makes
