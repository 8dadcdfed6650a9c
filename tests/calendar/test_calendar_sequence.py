"""SEQUENCE grows when what a calendar shows changes, so the event is replaced, not doubled."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from calendar_helpers import NOW, event, fetch
from django.urls import reverse

from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups import services as followups
from coffeechat.pipeline.followups.close_the_loop import sync_advice_loop
from coffeechat.pipeline.followups.keep_in_touch import replan
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import conversation_changes, correspondence

LOGISTICS = {
    "date": "2026-12-01",
    "time": "09:30",
    "time_zone": "America/New_York",
    "duration_minutes": "20",
    "mode": "video",
    "video_link": "https://meet.example/priya",
    "phone": "",
    "place": "",
}


def edit(client, chat, headers=None, **changes):
    url = reverse("conversations:edit", args=[chat.pk])
    return client.post(url, {**LOGISTICS, **changes}, headers=headers)


def feed_event(client, chat, feed_url):
    return event(fetch(client, feed_url), f"conversation-{chat.pk}@coffeechat")


def test_moving_the_time_grows_the_sequence_and_keeps_the_uid(alice_client, chat, feed_url):
    response = edit(alice_client, chat, time="11:00")
    assert response.status_code == 302

    moved = feed_event(alice_client, chat, feed_url)

    assert moved["SEQUENCE"] == 1
    assert moved.start == datetime(2026, 12, 1, 11, 0, tzinfo=ZoneInfo("America/New_York"))
    assert len(fetch(alice_client, feed_url).events) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"time_zone": "Europe/London"},
        {"duration_minutes": "30"},
        {"mode": "phone", "phone": "+1 212 555 0100"},
        {"video_link": "https://meet.example/other"},
    ],
    ids=["time zone", "length", "mode", "video link"],
)
def test_each_change_a_calendar_shows_grows_the_sequence(alice_client, chat, change):
    edit(alice_client, chat, **change)

    chat.refresh_from_db()
    assert chat.sequence == 1


def test_autosaving_the_same_logistics_leaves_the_sequence_alone(alice_client, chat, feed_url):
    for _ in range(3):  # HTMX autosaves post the whole form again and again
        response = edit(alice_client, chat, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert "Saved" in response.content.decode()

    assert feed_event(alice_client, chat, feed_url)["SEQUENCE"] == 0


def test_editing_the_goal_or_notes_leaves_the_sequence_alone(alice_client, chat, feed_url):
    alice_client.post(
        reverse("conversations:detail", args=[chat.pk]),
        {"person_research": "Joined Acme in 2021.", "goal": "Ask about the desk"},
    )
    chat.refresh_from_db()
    assert chat.goal == "Ask about the desk"

    assert feed_event(alice_client, chat, feed_url)["SEQUENCE"] == 0


def test_each_move_grows_it_again(alice_client, chat):
    edit(alice_client, chat, time="11:00")
    edit(alice_client, chat, time="11:00", date="2026-12-02")

    chat.refresh_from_db()
    assert chat.sequence == 2


def test_cancelling_twice_counts_once(chat):
    conversation_changes.cancel(chat)
    conversation_changes.cancel(Conversation.objects.get(pk=chat.pk))

    chat.refresh_from_db()
    assert chat.sequence == 1


# Follow-ups change in place too: a keep-in-touch moves, a close-the-loop note is rewritten.
HELD_AT = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)  # Tuesday; London is on UTC in November


def hold(contact, at=HELD_AT):
    conversation = Conversation.objects.create(
        owner=contact.owner, contact=contact, scheduled_at=at, time_zone="Europe/London"
    )
    conversation_changes.end(conversation, learned="", still_unknown="", next_steps="", now=at)
    return conversation


def followup_event(client, followup, feed_url):
    return event(fetch(client, feed_url), f"followup-{followup.pk}@coffeechat")


def test_a_keep_in_touch_moved_by_a_later_message_replaces_its_event(client, sam, feed_url):
    hold(sam)
    keep = FollowUp.objects.get(kind="keep_in_touch")
    planned = followup_event(client, keep, feed_url)
    assert (planned.start, planned["SEQUENCE"]) == (date(2026, 12, 8), 0)

    correspondence.record_message(
        contact=sam, purpose="follow_up", channel="email", subject="Hi", body="Hello",
        sent_at=datetime(2026, 11, 13, 12, 0, tzinfo=UTC),
    )  # fmt: skip

    moved = followup_event(client, keep, feed_url)
    assert (moved.start, moved["SEQUENCE"]) == (date(2026, 12, 11), 1)
    assert str(moved["UID"]) == str(planned["UID"])
    kept = [e for e in fetch(client, feed_url).events if "Keep in touch" in str(e["SUMMARY"])]
    assert len(kept) == 1


def test_a_rewritten_close_the_loop_note_grows_the_sequence(client, sam, feed_url):
    conversation = hold(sam)
    first = services.add_takeaway(conversation, kind="advice", text="Read the FT")
    second = services.add_takeaway(conversation, kind="advice", text="Join the CFA society")
    conversation_changes.set_acted_on(first, True, now=NOW)
    loop = FollowUp.objects.get(kind="close_the_loop")
    assert followup_event(client, loop, feed_url)["SEQUENCE"] == 0

    conversation_changes.set_acted_on(second, True, now=NOW)

    rewritten = followup_event(client, loop, feed_url)
    assert rewritten["SEQUENCE"] == 1
    assert "“Read the FT”; “Join the CFA society”" in str(rewritten["DESCRIPTION"])


def test_a_follow_up_done_then_reopened_comes_back_with_a_higher_sequence(
    client, thanks_owed, feed_url
):
    shown = followup_event(client, thanks_owed, feed_url)["SEQUENCE"]

    followups.complete(thanks_owed)
    assert fetch(client, feed_url).events == []  # done: off the calendar
    followups.reopen(FollowUp.objects.get(pk=thanks_owed.pk))

    assert followup_event(client, thanks_owed, feed_url)["SEQUENCE"] > shown


def test_a_follow_up_given_another_title_grows_the_sequence(client, thanks_owed, priya, feed_url):
    thanks_owed.contact = priya
    thanks_owed.save()

    renamed = followup_event(client, thanks_owed, feed_url)
    assert str(renamed["SUMMARY"]) == "Send a thank-you: Priya Shah (Acme)"
    assert renamed["SEQUENCE"] == 1


def test_replanning_that_changes_nothing_leaves_the_event_alone(
    client, sam, feed_url, time_machine
):
    conversation = hold(sam)
    conversation_changes.set_acted_on(
        services.add_takeaway(conversation, kind="advice", text="Read the FT"), True, now=NOW
    )
    keep, loop = (FollowUp.objects.get(kind=kind) for kind in ("keep_in_touch", "close_the_loop"))
    before = [followup_event(client, f, feed_url) for f in (keep, loop)]

    time_machine.move_to(NOW + timedelta(hours=3), tick=False)
    replan(sam)
    sync_advice_loop(conversation)

    after = [followup_event(client, f, feed_url) for f in (keep, loop)]
    assert [(e["SEQUENCE"], e["DTSTAMP"].dt) for e in after] == [
        (0, e["DTSTAMP"].dt) for e in before
    ]


def test_a_save_from_a_copy_read_before_another_raised_the_sequence_never_lowers_it(chat):
    """Two requests at once (an autosave of the new time and "Save and close"): the second,
    read before the first raised the SEQUENCE, must not write the old number back, or calendar
    apps keep the old time under the same UID."""
    stale = Conversation.objects.get(pk=chat.pk)
    moved = Conversation.objects.get(pk=chat.pk)
    moved.scheduled_at += timedelta(hours=2)
    moved.save()
    assert Conversation.objects.get(pk=chat.pk).sequence == 1
    stale.scheduled_at = moved.scheduled_at  # the same new time, saved again in full
    stale.save()
    assert Conversation.objects.get(pk=chat.pk).sequence >= 1


def test_any_path_that_changes_what_a_calendar_shows_raises_the_sequence(chat, thanks_owed):
    chat.place = "Blue Bottle, Market St"
    chat.save(update_fields=["place"])
    assert Conversation.objects.get(pk=chat.pk).sequence == 1
    chat.save()  # nothing changed: the same version
    assert Conversation.objects.get(pk=chat.pk).sequence == 1
    FollowUp.objects.filter(pk=thanks_owed.pk).update(sequence=5)  # raised elsewhere meanwhile
    thanks_owed.note = "Mention the CFA group"
    thanks_owed.save()
    assert FollowUp.objects.get(pk=thanks_owed.pk).sequence == 6
