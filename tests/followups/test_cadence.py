"""The 3B7 routine on the Today page: next contact after 3 business days, one nudge after 7,
move on after 10, all on the user's business days; replies end it, in one click."""

import zoneinfo
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import correspondence

SENT = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)  # Tuesday of Thanksgiving week


@pytest.fixture
def us_alice(alice):
    alice.profile.country, alice.profile.region = "US", ""
    alice.profile.time_zone = "America/New_York"
    alice.profile.save()
    return alice


@pytest.fixture
def green(us_alice):
    return make.organization(us_alice, "Green Bank")


@pytest.fixture
def priya(us_alice, green):
    return make.contact(us_alice, "Priya Shah", org=green)


@pytest.fixture
def sam(us_alice, green):
    return make.contact(us_alice, "Sam Lee", org=green)


def send(contact, purpose="request", at=SENT):
    return correspondence.record_message(
        contact=contact, purpose=purpose, channel="email", subject="Hello", body="Hi", sent_at=at
    )


def titles(user, at):
    with time_machine.travel(at, tick=False):
        return [(item.section(at.date(), at).value, item.title) for item in today_items(user, at)]


def test_a_request_starts_the_routine_on_business_days(priya):
    send(priya)
    due = dict(FollowUp.objects.values_list("kind", "due_on"))
    assert due == {
        "no_reply": date(2026, 11, 30),  # Thanksgiving (Thu 26) does not count
        "nudge": date(2026, 12, 4),
        "move_on": date(2026, 12, 9),
    }


def test_after_three_business_days_today_suggests_the_next_contact_there(us_alice, priya, sam):
    send(priya)
    friday = datetime(2026, 11, 27, 15, tzinfo=UTC)
    assert ("today", "No reply from Priya Shah (Green Bank)") not in titles(us_alice, friday)
    monday = datetime(2026, 11, 30, 15, tzinfo=UTC)
    with time_machine.travel(monday, tick=False):
        item = next(i for i in today_items(us_alice, monday) if i.kind == "no_reply")
    assert item.section(monday.date(), monday) == "today"
    assert item.detail == (
        "3 business days without a reply: write to Sam Lee, the next contact at Green Bank."
    )
    assert item.url == reverse("outreach:compose", args=[sam.pk])
    assert item.action == "Write to Sam Lee"

    # A name that ends in its own full stop ends the sentence: no second one.
    priya.organization.name = "Green Bank & Co."
    priya.organization.save()
    with time_machine.travel(monday, tick=False):
        item = next(i for i in today_items(us_alice, monday) if i.kind == "no_reply")
    assert item.detail.endswith("the next contact at Green Bank & Co.")


def test_without_another_contact_it_suggests_finding_one(us_alice, priya, green):
    send(priya)
    monday = datetime(2026, 11, 30, 15, tzinfo=UTC)
    with time_machine.travel(monday, tick=False):
        item = next(i for i in today_items(us_alice, monday) if i.kind == "no_reply")
    assert "find another contact at Green Bank" in item.detail
    assert item.url == green.get_absolute_url()


def test_after_seven_business_days_one_polite_nudge_then_never_a_third(us_alice, priya):
    send(priya)
    friday = datetime(2026, 12, 4, 15, tzinfo=UTC)
    assert ("today", "Send Priya Shah (Green Bank) one polite follow-up") in titles(
        us_alice, friday
    )
    send(priya, purpose="follow_up", at=friday)
    after = titles(us_alice, friday)
    assert not any("one polite follow-up" in title for _, title in after)
    wednesday = datetime(2026, 12, 9, 15, tzinfo=UTC)
    assert ("today", "Move on from Priya Shah (Green Bank)") in titles(us_alice, wednesday)


def test_a_reply_ends_the_whole_routine(us_alice, priya):
    send(priya)
    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 25), outcome="declined")
    assert not FollowUp.objects.open().exists()
    assert titles(us_alice, datetime(2026, 12, 10, 15, tzinfo=UTC)) == []


def test_a_second_request_does_not_restart_a_running_routine(priya):
    send(priya)
    send(priya, at=datetime(2026, 11, 25, 14, tzinfo=UTC))
    assert FollowUp.objects.filter(kind="no_reply").count() == 1


def test_today_favours_people_quick_to_help(us_alice, green):
    quick = make.contact(us_alice, "Zoe", org=green)
    slow = make.contact(us_alice, "Abe", org=green)
    for person in (quick, slow):
        send(person)
    correspondence.record_reply(contact=quick, received_on=date(2026, 11, 25), outcome="declined")
    correspondence.record_reply(contact=slow, received_on=date(2026, 12, 8), outcome="declined")
    for person in (slow, quick):  # both owe us nothing yet; both get a follow-up due the same day
        FollowUp.objects.create(
            owner=us_alice, contact=person, kind="follow_up", due_on=date(2026, 12, 10)
        )
    at = datetime(2026, 12, 10, 15, tzinfo=UTC)
    assert titles(us_alice, at) == [
        ("today", "Follow up with Zoe (Green Bank)"),
        ("today", "Follow up with Abe (Green Bank)"),
    ]


@time_machine.travel(datetime(2026, 11, 30, 15, tzinfo=UTC), tick=False)
def test_a_reply_is_logged_in_one_click_from_today(alice_client, us_alice, priya):
    send(priya)
    page = alice_client.get(reverse("followups:today")).content.decode()
    replied = reverse("followups:quick_reply", args=[priya.pk])
    # "They replied" beside the item; the reply bar itself is on the page once, in its dialog.
    assert f'href="{replied}" data-quick-reply' in page
    assert page.count('name="received_on"') == 1
    # Without a script, the link opens the same bar for Priya on a small page.
    small = alice_client.get(replied).content.decode()
    assert "Priya Shah replied" in small
    assert f'action="{replied}"' in small
    assert 'name="received_on" value="2026-11-30"' in small
    response = alice_client.post(
        reverse("followups:quick_reply", args=[priya.pk]),
        {"received_on": "2026-11-27", "outcome": "agreed", "next": "/"},
        follow=True,
    )
    page = response.content.decode()
    assert "Logged Priya's reply: they agreed to talk." in page
    assert "No reply from Priya" not in page
    assert priya.replies.get().received_on == date(2026, 11, 27)
    contact_page = alice_client.get(priya.get_absolute_url()).content.decode()
    assert "Quick to help" in contact_page


@time_machine.travel(datetime(2026, 11, 30, 15, tzinfo=UTC), tick=False)
def test_a_reply_dated_before_the_request_is_refused_with_the_reason(alice_client, priya):
    send(priya)
    response = alice_client.post(
        reverse("followups:quick_reply", args=[priya.pk]),
        {"received_on": "2026-11-20", "outcome": "replied", "next": "/"},
        follow=True,
    )
    assert "Reply from Priya Shah not logged: Your first request went out on" in (
        response.content.decode()
    )
    assert not priya.replies.exists()


def test_another_users_contact_cannot_get_a_quick_reply(bob_client, priya):
    response = bob_client.post(
        reverse("followups:quick_reply", args=[priya.pk]),
        {"received_on": "2026-11-27", "outcome": "agreed"},
    )
    assert response.status_code == 404
    assert not priya.replies.exists()


def test_the_timeline_shows_how_quickly_they_answered(alice_client, priya):
    send(priya)
    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 30), outcome="agreed")
    page = alice_client.get(priya.get_absolute_url()).content.decode()
    # Tue 24 -> Mon 30 November: Wed 25, Fri 27 and Mon 30 count; Thanksgiving does not.
    assert "Reply received: Agreed to talk (3 business days after your request)" in page


# -- one person at a time per organization --------------------------------------------------------

MONDAY = datetime(2026, 11, 30, 15, tzinfo=UTC)  # Priya's 3 business days are up
FRIDAY = datetime(2026, 12, 4, 15, tzinfo=UTC)  # ... and her 7


def items_by_kind(user, at):
    with time_machine.travel(at, tick=False):
        return [(item.kind.value, item.title, item.detail) for item in today_items(user, at)]


def test_writing_to_the_next_contact_closes_the_first_ones_try_the_next_contact(
    alice_client, us_alice, priya, sam
):
    send(priya)
    send(sam, at=MONDAY)
    no_reply = FollowUp.objects.get(contact=priya, kind="no_reply")
    assert no_reply.is_done
    assert no_reply.ending == "Done: you wrote to Sam Lee on Mon 30 Nov"
    assert FollowUp.objects.open().filter(contact=priya).count() == 2  # nudge and move-on
    page = alice_client.get(priya.get_absolute_url()).content.decode()
    assert "Done: you wrote to Sam Lee on Mon 30 Nov." in page


def test_while_someone_there_is_waiting_today_asks_for_no_third_person(us_alice, priya, sam, green):
    make.contact(us_alice, "Kim Ito", org=green)
    send(priya)
    send(sam, at=MONDAY)
    thursday = datetime(2026, 12, 3, 15, tzinfo=UTC)  # Sam's 3 business days are up
    items = items_by_kind(us_alice, thursday)
    assert not any(kind == "no_reply" and "Priya" in title for kind, title, _ in items)
    sams = next(detail for kind, title, detail in items if title.startswith("No reply from Sam"))
    assert sams == (
        "3 business days without a reply, but you are still waiting for Priya Shah at Green Bank "
        "to answer too: one person at a time per organization, so no one else there for now."
    )
    assert not any("Kim Ito" in detail or "find another" in detail for _, _, detail in items)
    # Priya's own polite follow-up still comes on her 7th business day.
    assert ("nudge", "Send Priya Shah (Green Bank) one polite follow-up") in [
        (kind, title) for kind, title, _ in items_by_kind(us_alice, FRIDAY)
    ]


def test_once_the_first_has_run_out_of_time_the_next_contact_is_suggested_again(
    us_alice, priya, sam, green
):
    kim = make.contact(us_alice, "Kim Ito", org=green)
    send(priya)
    send(sam, at=MONDAY)
    move_on_day = datetime(2026, 12, 9, 15, tzinfo=UTC)  # Priya's 10 business days
    with time_machine.travel(move_on_day, tick=False):
        sams = next(
            item for item in today_items(us_alice, move_on_day) if item.title.startswith("No reply")
        )
    assert sams.detail == (
        "3 business days without a reply: write to Kim Ito, the next contact at Green Bank."
    )
    assert sams.url == reverse("outreach:compose", args=[kim.pk])


def test_a_try_the_next_contact_closed_by_writing_to_sam_follows_that_record(us_alice, priya, sam):
    from coffeechat.pipeline.followups import plan, services

    send(priya)
    to_sam = send(sam, at=MONDAY)
    no_reply = FollowUp.objects.get(contact=priya, kind="no_reply")
    # Not reopened by hand: what closed it was a record, and correcting it is the way back.
    with pytest.raises(services.NotReopenable):
        services.reopen(no_reply)
    to_sam.delete()
    plan.replan(priya)
    no_reply.refresh_from_db()
    assert (no_reply.is_done, no_reply.note) == (
        False,
        "No reply after 3 business days: write to the next contact there.",
    )


def test_contacts_at_other_organizations_run_in_parallel(us_alice, priya):
    other = make.organization(us_alice, "Blue Fund")
    lee = make.contact(us_alice, "Lee", org=other)
    send(priya)
    send(lee, at=MONDAY)
    assert not FollowUp.objects.get(contact=priya, kind="no_reply").is_done


# -- moving on retires a follow-up never sent -----------------------------------------------------

MOVE_ON_DAY = datetime(2026, 12, 9, 15, tzinfo=UTC)


def test_on_the_tenth_business_day_only_move_on_is_left_when_the_follow_up_was_never_sent(
    alice_client, us_alice, priya
):
    send(priya)
    items = items_by_kind(us_alice, MOVE_ON_DAY)
    assert [kind for kind, _, _ in items if kind != "no_reply"] == ["move_on"]
    detail = next(detail for kind, _, detail in items if kind == "move_on")
    assert detail == (
        "Still no reply after 10 business days, and it is too late now for the follow-up you "
        "did not send: move on gracefully, no more messages."
    )
    with time_machine.travel(MOVE_ON_DAY, tick=False):
        listed = alice_client.get(reverse("followups:list")).content.decode()
    assert "Send one polite follow-up" not in listed.split("Recently done")[0]


def test_the_follow_up_stays_until_the_tenth_business_day(us_alice, priya):
    send(priya)
    tuesday = datetime(2026, 12, 8, 15, tzinfo=UTC)
    assert "nudge" in [kind for kind, _, _ in items_by_kind(us_alice, tuesday)]


def test_marking_move_on_done_closes_the_follow_up_never_sent(us_alice, priya):
    from coffeechat.pipeline.followups import services

    send(priya)
    with time_machine.travel(MOVE_ON_DAY, tick=False):
        services.complete(FollowUp.objects.get(contact=priya, kind="move_on"))
    assert FollowUp.objects.get(contact=priya, kind="nudge").is_done


def test_after_a_follow_up_was_sent_move_on_says_no_third_message(us_alice, priya):
    send(priya)
    send(priya, purpose="follow_up", at=FRIDAY)
    move_on = next(d for kind, _, d in items_by_kind(us_alice, MOVE_ON_DAY) if kind == "move_on")
    assert move_on == "Still no reply after 10 business days: move on gracefully, no third message."


# -- the stage and Today count from the same local day --------------------------------------------


def test_the_stage_turns_no_response_the_day_today_says_move_on_for_an_evening_request(
    alice_client, us_alice, priya
):
    # Thursday 20:30 in New York is already Friday in UTC.
    evening = datetime(2026, 11, 5, 20, 30, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    send(priya, at=evening)
    assert FollowUp.objects.get(kind="move_on").due_on == date(2026, 11, 20)  # Veterans Day off
    for moment, stage, moving_on in (
        (datetime(2026, 11, 19, 12, tzinfo=UTC), "Contacted", False),
        (datetime(2026, 11, 20, 12, tzinfo=UTC), "No response", True),
    ):
        with time_machine.travel(moment, tick=False):
            page = alice_client.get(priya.get_absolute_url()).content.decode()
            today = alice_client.get(reverse("followups:today")).content.decode()
        assert f'<span class="badge stage">{stage}</span>' in page
        assert ("Move on from Priya Shah" in today.split("Coming up")[0]) is moving_on


def no_reply_detail(user, at) -> str:
    with time_machine.travel(at, tick=False):
        return next(i for i in today_items(user, at) if i.kind == "no_reply").detail


def test_the_next_contact_suggested_is_the_warmest_one_there(us_alice, priya, sam, green):
    make.contact(us_alice, "Fay Ode", org=green, how_known="friend")
    send(priya)
    assert no_reply_detail(us_alice, datetime(2026, 11, 30, 15, tzinfo=UTC)) == (
        "3 business days without a reply: write to Fay Ode, the next contact at Green Bank."
    )


def test_someone_an_introduction_was_asked_for_is_not_suggested_as_a_cold_next_contact(
    us_alice, priya, sam, green
):
    kim = make.contact(us_alice, "Kim Ito")
    sam.introduced_by = kim
    sam.save()
    correspondence.record_message(
        contact=kim, purpose="introduction", channel="email", subject="Intro?", body="Hi Kim",
        sent_at=SENT, introduction_to=sam,
    )  # fmt: skip
    send(priya)
    assert no_reply_detail(us_alice, datetime(2026, 11, 30, 15, tzinfo=UTC)) == (
        "3 business days without a reply: find another contact at Green Bank and write to them."
    )
