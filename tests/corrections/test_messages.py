"""A message recorded by mistake can be corrected or deleted, and everything derived follows."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

import factories as make
from coffeechat.method.stages import Stage
from coffeechat.network.people.models import Contact
from coffeechat.pages.insights.queries import insight_facts
from coffeechat.pages.insights.sections import funnel_section
from coffeechat.pages.outreach.queries import template_rows
from coffeechat.pages.people.queries import contact_row
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.outreach.models import Message, Purpose
from corrections.conftest import MONDAY_9AM, WEDNESDAY, feed_events, open_followups, send, text


def edit_url(message: Message, **query: str) -> str:
    url = reverse("outreach:message_edit", args=[message.pk])
    return url + ("?from=messages" if query else "")


def delete_url(message: Message, **query: str) -> str:
    url = reverse("outreach:message_delete", args=[message.pk])
    return url + ("?from=messages" if query else "")


def corrected(**changes: str) -> dict[str, str]:
    return {
        "sent_on": "2026-11-16", "sent_time": "09:00", "channel": "email", "purpose": "request",
        "subject": "Your advice on climate finance",
        "body": "Dear Priya, would you have 15 minutes?",
        **changes,
    }  # fmt: skip


def stage(contact: Contact) -> Stage:
    return contact_row(contact.owner, contact).stage


def titles(user: object) -> list[str]:
    return [item.title for item in today_items(user)]


def funnel(user: object) -> dict[str, int]:
    return {step.label: step.count for step in funnel_section(insight_facts(user)).steps}


# Reading and correcting


def test_the_form_shows_the_message_as_recorded_in_the_users_time_zone(
    alice, alice_client, request_to_priya
):
    alice.profile.time_zone = "America/New_York"
    alice.profile.save()

    page = alice_client.get(edit_url(request_to_priya)).content.decode()

    assert "Correct the request for a conversation to Priya Shah" in text(page)
    assert 'name="sent_on" value="2026-11-16"' in page
    assert 'name="sent_time" value="04:00"' in page  # 09:00 UTC is 04:00 in New York
    assert 'value="Your advice on climate finance"' in page


def test_a_corrected_date_and_time_are_read_in_the_users_time_zone(
    alice, alice_client, request_to_priya
):
    alice.profile.time_zone = "America/New_York"
    alice.profile.save()

    response = alice_client.post(
        edit_url(request_to_priya), corrected(sent_on="2026-11-18", sent_time="08:15")
    )

    assert response.status_code == 302
    request_to_priya.refresh_from_db()
    assert request_to_priya.sent_at == datetime(2026, 11, 18, 13, 15, tzinfo=UTC)


def test_channel_purpose_subject_and_body_are_corrected(alice_client, request_to_priya):
    alice_client.post(
        edit_url(request_to_priya),
        corrected(channel="linkedin", purpose="follow_up", subject="", body="Just checking in"),
    )

    request_to_priya.refresh_from_db()
    assert request_to_priya.channel == "linkedin"
    assert request_to_priya.purpose == Purpose.FOLLOW_UP
    assert (request_to_priya.subject, request_to_priya.body) == ("", "Just checking in")


def test_after_saving_you_are_back_where_you_started(alice_client, request_to_priya, priya):
    from_timeline = alice_client.post(edit_url(request_to_priya), corrected())
    from_outreach = alice_client.post(edit_url(request_to_priya, back="messages"), corrected())

    assert from_timeline.url == priya.get_absolute_url() + "#timeline"
    assert from_outreach.url == reverse("outreach:messages")


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"sent_on": "2026-11-21"}, "A sent message cannot be dated in the future"),
        ({"sent_on": "2026-11-20", "sent_time": "10:30"}, "cannot be dated in the future"),
        ({"body": "   "}, "A recorded message needs its text."),
        ({"sent_on": ""}, "This field is required."),
    ],
    ids=["tomorrow", "later today", "empty body", "no date"],
)
def test_an_impossible_correction_is_refused_with_a_clear_error(
    alice_client, request_to_priya, changes, error
):
    response = alice_client.post(edit_url(request_to_priya), corrected(**changes))

    assert response.status_code == 200
    assert error in text(response.content.decode())
    request_to_priya.refresh_from_db()
    assert request_to_priya.sent_at == MONDAY_9AM
    assert request_to_priya.body == "Dear Priya, would you have 15 minutes?"


def test_a_message_sent_earlier_today_can_be_dated_now(alice_client, request_to_priya):
    response = alice_client.post(
        edit_url(request_to_priya), corrected(sent_on="2026-11-20", sent_time="10:00")
    )

    assert response.status_code == 302


def test_a_request_for_an_introduction_stays_one(alice, alice_client, priya, acme):
    sam = make.contact(alice, "Sam Lee", org=acme, introduced_by=priya)
    asked = send(priya, "introduction", MONDAY_9AM, introduction_to=sam)

    page = alice_client.get(edit_url(asked)).content.decode()
    alice_client.post(edit_url(asked), {**corrected(body="Could you introduce me?"), "purpose": ""})

    assert 'name="purpose"' not in page
    assert "It stays a request for an introduction to Sam Lee" in text(page)
    asked.refresh_from_db()
    assert (asked.purpose, asked.introduction_to, asked.body) == (
        Purpose.INTRODUCTION,
        sam,
        "Could you introduce me?",
    )


def test_no_other_message_can_become_a_request_for_an_introduction(alice_client, request_to_priya):
    response = alice_client.post(edit_url(request_to_priya), corrected(purpose="introduction"))

    assert "Select a valid choice." in text(response.content.decode())


# Deleting


def test_deleting_asks_first_and_says_what_follows(alice_client, request_to_priya):
    page = text(alice_client.get(delete_url(request_to_priya)).content.decode())

    assert "Delete message “Request for a conversation to Priya Shah”?" in page
    assert "Sent Mon 16 Nov 2026 (“Your advice on climate finance”)." in page
    assert "Priya's stage, the reply rates and Insights no longer count this request" in page
    assert Message.objects.filter(pk=request_to_priya.pk).exists()


def test_confirming_deletes_it_and_returns_to_the_page_it_came_from(
    alice_client, request_to_priya, priya
):
    response = alice_client.post(delete_url(request_to_priya, back="messages"), follow=True)

    assert response.redirect_chain == [(reverse("outreach:messages"), 302)]
    assert "Deleted message “Request for a conversation to Priya Shah”." in text(
        response.content.decode()
    )
    assert not Message.objects.filter(pk=request_to_priya.pk).exists()


# What follows from the record: read each time, so it follows by itself


def test_deleting_the_only_request_takes_the_contact_back_to_identified(
    alice_client, request_to_priya, priya
):
    assert stage(priya) is Stage.CONTACTED

    alice_client.post(delete_url(request_to_priya))

    assert stage(priya) is Stage.IDENTIFIED
    page = text(alice_client.get(priya.get_absolute_url()).content.decode())
    assert "Priya Shah Identified" in page
    assert "Request for a conversation sent" not in page


def test_deleting_the_only_request_leaves_the_templates_reply_rate(
    alice, alice_client, request_to_priya, priya
):
    from coffeechat.pipeline.services import correspondence

    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 18), outcome="agreed")
    cold = next(t for t in template_rows(alice) if t.template.name == "Cold email")
    assert (cold.sent, cold.replied, cold.reply_rate) == (1, 1, 100)

    alice_client.post(delete_url(request_to_priya))

    cold = next(t for t in template_rows(alice) if t.template.name == "Cold email")
    assert (cold.sent, cold.replied, cold.reply_rate) == (0, 0, None)


def test_deleting_the_only_request_lowers_the_insights_funnel(
    alice, alice_client, request_to_priya
):
    assert funnel(alice)["Contacted"] == 1

    alice_client.post(delete_url(request_to_priya))

    assert funnel(alice)["Contacted"] == 0
    assert funnel(alice)["Identified"] == 1


def test_turning_a_request_into_a_thank_you_moves_the_stage(alice_client, request_to_priya, priya):
    alice_client.post(edit_url(request_to_priya), corrected(purpose="thank_you"))

    assert stage(priya) is Stage.IDENTIFIED  # a thank-you asks for nothing


# Follow-ups are stored: each correction has them worked out again (followups.plan.replan)


def test_deleting_the_only_request_takes_its_no_reply_off_today(
    alice, alice_client, request_to_priya
):
    assert "No reply from Priya Shah (Acme Climate)" in titles(alice)

    alice_client.post(delete_url(request_to_priya))

    assert not [title for title in titles(alice) if "Priya" in title]
    assert open_followups(request_to_priya.contact) == {}


def test_changing_a_requests_date_moves_its_follow_ups(alice_client, request_to_priya, priya):
    assert open_followups(priya) == {
        "no_reply": date(2026, 11, 19),
        "nudge": date(2026, 11, 25),
        "move_on": date(2026, 11, 30),
    }

    alice_client.post(edit_url(request_to_priya), corrected(sent_on=WEDNESDAY.isoformat()))

    assert open_followups(priya) == {
        "no_reply": date(2026, 11, 23),
        "nudge": date(2026, 11, 27),
        "move_on": date(2026, 12, 2),
    }


def test_deleting_a_thank_you_makes_the_thank_you_owed_again(
    alice, alice_client, held_with_kim, kim
):
    thanks = send(kim, "thank_you", datetime(2026, 11, 17, 18, 0, tzinfo=UTC))
    assert "Thank Kim Ode" not in titles(alice)

    alice_client.post(delete_url(thanks))

    assert "Thank Kim Ode" in titles(alice)
    assert stage(kim) is Stage.MET


def test_the_calendar_feed_shows_the_moved_follow_up_as_a_new_version(
    alice, alice_client, request_to_priya
):
    def nudges() -> list:
        return [e for e in feed_events(alice) if "polite follow-up" in e["SUMMARY"]]

    [before] = nudges()
    assert before.start == date(2026, 11, 25)

    alice_client.post(edit_url(request_to_priya), corrected(sent_on=WEDNESDAY.isoformat()))

    [after] = nudges()
    assert after.start == date(2026, 11, 27)
    if after["UID"] == before["UID"]:  # changed in place: calendars replace it only if it grew
        assert after["SEQUENCE"] > before["SEQUENCE"]


def test_the_calendar_feed_drops_the_follow_ups_of_a_deleted_request(
    alice, alice_client, request_to_priya
):
    assert [e for e in feed_events(alice) if "Priya Shah" in e["SUMMARY"]]

    alice_client.post(delete_url(request_to_priya))

    assert [e["SUMMARY"] for e in feed_events(alice) if "Priya Shah" in e["SUMMARY"]] == []


# Where the corrections are offered


def test_each_message_on_the_timeline_and_the_outreach_page_can_be_corrected(
    alice_client, request_to_priya, priya
):
    timeline = alice_client.get(priya.get_absolute_url()).content.decode()
    outreach = alice_client.get(reverse("outreach:messages")).content.decode()

    assert f'href="{edit_url(request_to_priya)}"' in timeline
    assert f'href="{delete_url(request_to_priya)}"' in timeline
    assert f'href="{edit_url(request_to_priya, back="messages")}"' in outreach
    assert f'href="{delete_url(request_to_priya, back="messages")}"' in outreach


# Only the owner


@pytest.mark.parametrize("url", [edit_url, delete_url], ids=["edit", "delete"])
def test_another_users_message_is_not_found(bob_client, request_to_priya, url):
    assert bob_client.get(url(request_to_priya)).status_code == 404
    assert bob_client.post(url(request_to_priya), corrected(body="Mine now")).status_code == 404

    request_to_priya.refresh_from_db()
    assert request_to_priya.body == "Dear Priya, would you have 15 minutes?"


def test_correcting_needs_a_login(client, request_to_priya):
    response = client.post(delete_url(request_to_priya))

    assert response.status_code == 302 and "/login/" in response.url
    assert Message.objects.filter(pk=request_to_priya.pk).exists()


def test_the_help_page_says_how_to_correct_a_record(alice_client):
    page = text(alice_client.get(reverse("core:help")).content.decode())

    assert "Every message, reply, referral, piece of advice and resource on a contact's" in page
    assert "the next page offers to delete them too" in page


def test_the_service_refuses_to_turn_a_message_into_a_request_for_an_introduction(
    request_to_priya,
):
    from coffeechat.pipeline.services import message_corrections as corrections

    with pytest.raises(ValueError):
        corrections.edit_message(
            request_to_priya, sent_at=MONDAY_9AM, channel="email", purpose="introduction",
            subject="", body="Hello",
        )  # fmt: skip
