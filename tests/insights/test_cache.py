"""Insights comes from the cache only while nothing it counts has changed: after any kind of
change (an edit, an add, a delete, a bulk action, an import, a merge, a new day, another time
zone, a write from another process) the next request shows what counting afresh shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.edges.imports.services import import_contacts
from coffeechat.method.importers import parse
from coffeechat.network.duplicates.organizations import merge_organizations
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pages.insights.queries import insight_facts
from coffeechat.pages.insights.sections import figures
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.followups.services import complete
from coffeechat.pipeline.outreach.models import Channel, Message, MessageTemplate, Outcome, Reply
from coffeechat.pipeline.services import contacts_bulk, conversation_changes
from coffeechat.pipeline.services.conversation_corrections import delete_referral
from coffeechat.pipeline.services.correspondence import record_reply
from coffeechat.pipeline.services.merge import merge_contacts
from coffeechat.pipeline.services.message_corrections import (
    delete_message,
    delete_reply,
    edit_message,
    edit_reply,
)

from .conftest import NOW, at, request

URL = reverse("insights:insights")
LINKEDIN = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "linkedin_connections.csv"


@pytest.fixture
def frozen_now():
    """known_data's day, with the clock running as on a server: each save is stamped later."""
    with time_machine.travel(NOW, tick=True):
        yield NOW


@pytest.fixture
def alice(frozen_now, alice):
    """Alice joins on that day too (her templates are stamped then): the version takes a
    change's time to be later than the last one's, as a server's clock makes it."""
    return alice


def shown(client) -> tuple[object, ...]:
    """The figures the page draws (its sections), as the view hands them to the templates."""
    context = client.get(URL).context
    return context["funnel"], context["rates"], context["weekly"], context["referrals"]


def counted(user) -> tuple[object, ...]:
    """The same sections counted afresh from the database, no cache involved."""
    user.profile.refresh_from_db()
    counted_now = figures(insight_facts(user))
    goal = user.profile.weekly_conversation_goal
    return (
        counted_now.funnel,
        counted_now.rates,
        counted_now.weekly(goal),
        counted_now.referrals,
    )


def named(user, first_name: str) -> Contact:
    return Contact.objects.get(owner=user, first_name=first_name)


def _message_added(user) -> None:
    request(named(user, "Ivy"), at(3, 11, 8), Channel.EMAIL)


def _message_edited(user) -> None:
    message = Message.objects.get(contact=named(user, "Eli"))
    edit_message(
        message, sent_at=message.sent_at, channel=Channel.LINKEDIN, purpose=message.purpose,
        subject=message.subject, body=message.body,
    )  # fmt: skip


def _message_deleted(user) -> None:
    delete_message(Message.objects.get(contact=named(user, "Eli")))


def _reply_added(user) -> None:
    record_reply(contact=named(user, "Eli"), received_on=date(2026, 3, 10), outcome=Outcome.AGREED)


def _reply_edited(user) -> None:
    reply = Reply.objects.get(contact=named(user, "Ana"))
    edit_reply(reply, received_on=date(2026, 2, 6), outcome=reply.outcome)


def _reply_deleted(user) -> None:
    delete_reply(Reply.objects.get(contact=named(user, "Dev")))


def _conversation_scheduled(user) -> None:
    make.conversation(named(user, "Hana"), at=at(3, 20))


def _conversation_held(user) -> None:
    upcoming = Conversation.objects.get(owner=user, status=Status.SCHEDULED)
    conversation_changes.end(upcoming, learned="", still_unknown="", next_steps="")


def _conversation_cancelled(user) -> None:
    conversation_changes.cancel(
        Conversation.objects.get(contact=named(user, "Gus"), scheduled_at=at(3, 10))
    )


def _conversation_moved(user) -> None:
    chat = Conversation.objects.get(contact=named(user, "Gus"), scheduled_at=at(3, 10))
    conversation_changes.correct_time(chat, started_at=at(2, 24), held_minutes=30)


def _conversation_deleted(user) -> None:
    Conversation.objects.get(contact=named(user, "Gus"), scheduled_at=at(3, 10)).delete()


def _referral_added(user) -> None:
    chat = Conversation.objects.get(contact=named(user, "Gus"), scheduled_at=at(3, 10))
    conversation_changes.add_referral(chat, first_name="Zoe", organization="Greenbank")


def _referral_deleted(user) -> None:
    # The referred person stays a contact: only the referral row goes.
    delete_referral(Referral.objects.get(contact=named(user, "Chloe")))


def _contact_added(user) -> None:
    make.contact(user, "Kai Moss")


def _contact_renamed(user) -> None:
    chloe = named(user, "Chloe")
    chloe.first_name = "Chloé"
    chloe.save()


def _contact_moved_organization(user) -> None:
    chloe = named(user, "Chloe")
    chloe.organization = None
    chloe.save()


def _contact_deleted(user) -> None:
    named(user, "Ivy").delete()


def _organization_renamed(user) -> None:
    greenbank = Organization.objects.get(owner=user, name="Greenbank")
    greenbank.name = "Greenbank plc"
    greenbank.save()


def _template_renamed(user) -> None:
    template = MessageTemplate.objects.get(owner=user, name="Alumni note")
    template.name = "Alumni hello"
    template.save()


def _bulk_deleted(user) -> None:
    contacts_bulk.delete(Contact.objects.filter(owner=user, first_name__in=["Ivy", "Hana"]))


def _bulk_made_targets(user) -> None:
    contacts_bulk.set_organizations_target(
        Contact.objects.filter(owner=user, first_name="Chloe"), target=False
    )


def _contacts_merged(user) -> None:
    merge_contacts(named(user, "Eli"), named(user, "Hana"))


def _organizations_merged(user) -> None:
    merge_organizations(
        Organization.objects.get(owner=user, name="Northwind"),
        Organization.objects.get(owner=user, name="Greenbank"),
    )


def _imported(user) -> None:
    rows = parse("linkedin", LINKEDIN.read_bytes(), LINKEDIN.name)
    assert import_contacts(user, "linkedin", rows, skip_bad_rows=True).added


def _written_by_another_process(user) -> None:
    """Raw SQL, as another server or a command would leave it: no model code, no signals."""
    reply = Reply.objects.get(contact=named(user, "Ben"))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FollowUp._meta.db_table} WHERE reply_id = %s", [reply.pk])
        cursor.execute(f"DELETE FROM {Reply._meta.db_table} WHERE id = %s", [reply.pk])


def _time_zone_changed(user) -> None:
    # Ben's conversation, Monday 10:00 UTC, is still Sunday in Pago Pago: last week's.
    user.profile.time_zone = "Pacific/Pago_Pago"
    user.profile.save()


CHANGES: dict[str, Callable[[object], None]] = {
    "a message is added": _message_added,
    "a message is edited": _message_edited,
    "a message is deleted": _message_deleted,
    "a reply is added": _reply_added,
    "a reply is edited": _reply_edited,
    "a reply is deleted": _reply_deleted,
    "a conversation is scheduled": _conversation_scheduled,
    "a conversation is held": _conversation_held,
    "a conversation is cancelled": _conversation_cancelled,
    "a held conversation's time is corrected": _conversation_moved,
    "a conversation is deleted": _conversation_deleted,
    "a referral is added": _referral_added,
    "a referral is deleted": _referral_deleted,
    "a contact is added": _contact_added,
    "a contact is renamed": _contact_renamed,
    "a contact leaves their organization": _contact_moved_organization,
    "a contact is deleted": _contact_deleted,
    "an organization is renamed": _organization_renamed,
    "a template is renamed": _template_renamed,
    "ticked contacts are deleted": _bulk_deleted,
    "ticked contacts' organizations stop being targets": _bulk_made_targets,
    "two contacts are merged": _contacts_merged,
    "two organizations are merged": _organizations_merged,
    "contacts are imported": _imported,
    "another process deletes a reply": _written_by_another_process,
    "the time zone changes": _time_zone_changed,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_the_next_request_after_a_change_shows_the_figures_counted_afresh(
    alice, alice_client, known_data, change
):
    before = shown(alice_client)
    assert before == counted(alice)
    change(alice)
    after = shown(alice_client)
    assert after == counted(alice)
    assert after != before  # the change shows: this one was not served from the cache


def test_a_new_day_moves_the_weeks_shown(alice, alice_client, known_data):
    # Sunday night, then an hour later, Monday: well within the time an entry is kept.
    with time_machine.travel(datetime(2026, 3, 15, 23, 30, tzinfo=UTC), tick=True):
        before = shown(alice_client)
    with time_machine.travel(datetime(2026, 3, 16, 0, 30, tzinfo=UTC), tick=True):
        after = shown(alice_client)
        assert after == counted(alice)
    assert after[2].weeks[-1].starts == before[2].weeks[-1].starts + timedelta(days=7)


def test_a_follow_up_done_leaves_the_figures_as_counted(alice, alice_client, known_data):
    """Insights counts no follow-up: marking one done changes nothing on the page."""
    before = shown(alice_client)
    complete(FollowUp.objects.filter(owner=alice, done_at=None).first())
    assert shown(alice_client) == before == counted(alice)


def test_the_goal_is_drawn_at_once_without_counting_again(alice, alice_client, known_data):
    shown(alice_client)
    alice_client.post(reverse("insights:goal"), {"weekly_conversation_goal": 7})
    assert shown(alice_client)[2].goal == 7


def test_an_unchanged_account_is_read_from_the_cache_in_four_queries(
    alice, alice_client, known_data
):
    with CaptureQueriesContext(connection) as cold:
        first = shown(alice_client)
    with CaptureQueriesContext(connection) as warm:
        again = shown(alice_client)
    assert again == first
    # The session, the user, the profile and the version; counting takes eight more.
    assert len(warm) == 4, [q["sql"][:80] for q in warm]
    assert len(cold) == 4 + 8


def test_another_users_changes_leave_alices_cached_figures_alone(
    alice, bob, alice_client, known_data
):
    with CaptureQueriesContext(connection) as first:
        before = shown(alice_client)
    make.contact(bob, "Someone Else")
    with CaptureQueriesContext(connection) as warm:
        assert shown(alice_client) == before
    assert len(warm) < len(first)
