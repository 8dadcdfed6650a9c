"""The follow-ups a contact's history calls for, and how each one ended (no database)."""

from datetime import UTC, date, datetime

from coffeechat.method.situation import (
    ClosedBy,
    Colleague,
    Facts,
    Met,
    Referred,
    Replied,
    Sent,
    plan_followups,
    threads,
)
from coffeechat.method.today import Kind


def at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def plan(**facts) -> dict[tuple[Kind, int], object]:
    items = plan_followups(Facts(first_name="Grace", **facts), UTC)
    return {(item.kind, item.anchor): item for item in items}


REQUEST = Sent(id=1, purpose="request", at=at(2))  # Monday 2 November


def test_a_request_starts_the_3b7_routine_on_business_days():
    items = plan(messages=[REQUEST])
    assert items[(Kind.NO_REPLY, 1)].due_on == date(2026, 11, 5)
    assert items[(Kind.NUDGE, 1)].due_on == date(2026, 11, 11)
    assert items[(Kind.MOVE_ON, 1)].due_on == date(2026, 11, 16)
    assert all(item.is_open for item in items.values())


def test_an_agreement_retires_the_routine_with_the_reason_and_asks_to_schedule():
    items = plan(
        messages=[REQUEST], replies=[Replied(id=7, on=date(2026, 11, 4), outcome="agreed")]
    )
    for kind in (Kind.NO_REPLY, Kind.NUDGE, Kind.MOVE_ON):
        assert items[(kind, 1)].closed_by is ClosedBy.RETIRED
        assert items[(kind, 1)].reason == "Grace agreed to talk"
    schedule = items[(Kind.SCHEDULE, 7)]
    assert schedule.is_open and schedule.due_on == date(2026, 11, 4)


def test_scheduling_the_conversation_is_what_the_schedule_item_asked_for():
    met = Met(id=3, status="scheduled", booked_at=at(5), scheduled_at=at(10, 15))
    items = plan(
        messages=[REQUEST],
        replies=[Replied(id=7, on=date(2026, 11, 4), outcome="agreed")],
        conversations=[met],
    )
    schedule = items[(Kind.SCHEDULE, 7)]
    assert schedule.closed_by is ClosedBy.ACTION
    assert schedule.reason == "scheduled for Tue 10 Nov"


def test_a_cancelled_conversation_makes_scheduling_owed_again():
    met = Met(id=3, status="cancelled", booked_at=at(5), scheduled_at=at(10, 15))
    items = plan(
        replies=[Replied(id=7, on=date(2026, 11, 4), outcome="agreed")], conversations=[met]
    )
    assert items[(Kind.SCHEDULE, 7)].is_open


def test_saying_it_fell_through_closes_the_schedule_item_by_hand():
    items = plan(
        replies=[Replied(id=7, on=date(2026, 11, 4), outcome="agreed")],
        done_by_hand={("schedule", 7): at(6)},
    )
    assert items[(Kind.SCHEDULE, 7)].closed_by is ClosedBy.USER


def test_a_time_agreed_by_phone_ends_the_routine_without_a_reply():
    met = Met(id=3, status="scheduled", booked_at=at(4), scheduled_at=at(12, 15))
    items = plan(messages=[REQUEST], conversations=[met])
    assert items[(Kind.NUDGE, 1)].reason == "a conversation with Grace was scheduled"


def test_writing_to_the_next_person_there_is_what_no_reply_asked_for():
    items = plan(messages=[REQUEST], colleagues_written=[Colleague(name="Sam Lee", at=at(5, 9))])
    no_reply = items[(Kind.NO_REPLY, 1)]
    assert no_reply.closed_by is ClosedBy.ACTION
    assert no_reply.reason == "you wrote to Sam Lee on Thu 5 Nov"
    assert items[(Kind.NUDGE, 1)].is_open  # her own nudge and move-on still follow


def test_someone_written_to_before_the_request_does_not_count_as_the_next_contact():
    items = plan(messages=[REQUEST], colleagues_written=[Colleague(name="Sam Lee", at=at(1))])
    assert items[(Kind.NO_REPLY, 1)].is_open


def test_the_polite_follow_up_sent_is_the_nudge_done():
    nudge = Sent(id=2, purpose="follow_up", at=at(11))
    items = plan(messages=[REQUEST, nudge])
    assert items[(Kind.NUDGE, 1)].closed_by is ClosedBy.ACTION
    assert items[(Kind.MOVE_ON, 1)].is_open


def test_moving_on_by_hand_retires_the_follow_up_never_sent():
    items = plan(messages=[REQUEST], done_by_hand={("move_on", 1): at(9)})
    assert items[(Kind.MOVE_ON, 1)].closed_by is ClosedBy.USER
    assert items[(Kind.NUDGE, 1)].closed_by is ClosedBy.RETIRED
    assert items[(Kind.NUDGE, 1)].reason == "you moved on from Grace"


def test_a_second_request_while_waiting_is_the_same_wait():
    again = Sent(id=2, purpose="request", at=at(4))
    assert len(threads(Facts(first_name="Grace", messages=[REQUEST, again]), UTC)) == 1


def test_asking_again_after_an_answer_starts_a_new_wait_and_retires_the_old():
    autumn = Sent(id=2, purpose="request", at=at(1, month=12))
    declined = Replied(id=7, on=date(2026, 11, 3), outcome="declined")
    items = plan(messages=[REQUEST, autumn], replies=[declined])
    assert items[(Kind.MOVE_ON, 1)].reason == "Grace declined"
    assert items[(Kind.NO_REPLY, 2)].is_open
    assert items[(Kind.NO_REPLY, 2)].due_on == date(2026, 12, 4)


def test_asking_again_after_the_routine_ran_out_retires_the_open_move_on():
    later = Sent(id=2, purpose="request", at=at(20))
    items = plan(messages=[REQUEST, later])
    assert items[(Kind.MOVE_ON, 1)].closed_by is ClosedBy.RETIRED
    assert items[(Kind.MOVE_ON, 1)].reason == "you wrote to Grace again on Fri 20 Nov"
    assert [key for key, item in items.items() if item.is_open] == [
        (Kind.NO_REPLY, 2),
        (Kind.NUDGE, 2),
        (Kind.MOVE_ON, 2),
    ]


def test_a_reply_on_the_day_of_a_second_request_answers_the_first_wait():
    same_day = Sent(id=2, purpose="request", at=at(4, 16))
    replied = Replied(id=7, on=date(2026, 11, 4), outcome="replied")
    items = plan(messages=[REQUEST, same_day], replies=[replied])
    assert [key for key, item in items.items() if item.is_open] == [(Kind.SCHEDULE, 7)]


def test_a_thank_you_is_owed_within_24_hours_of_a_conversation_held():
    held = Met(id=3, status="held", booked_at=at(4), scheduled_at=at(9, 15), ended_at=at(9, 16))
    thanks = plan(conversations=[held])[(Kind.THANK_YOU, 3)]
    assert thanks.due_at == at(10, 16)
    sent = Sent(id=5, purpose="thank_you", at=at(9, 20))
    assert plan(conversations=[held], messages=[sent])[(Kind.THANK_YOU, 3)].closed_by is (
        ClosedBy.ACTION
    )


def test_a_referral_is_contacted_within_3_business_days_and_writing_to_them_does_it():
    referred = Referred(conversation_id=3, on=date(2026, 11, 9), note="Referred by Ann.")
    items = plan(referred=[referred])
    assert items[(Kind.CONTACT_REFERRAL, 3)].due_on == date(2026, 11, 12)
    written = plan(referred=[referred], messages=[Sent(id=9, purpose="request", at=at(10))])
    assert written[(Kind.CONTACT_REFERRAL, 3)].closed_by is ClosedBy.ACTION


def test_a_referral_approached_through_whoever_suggested_them_is_contacted():
    referred = Referred(conversation_id=3, on=date(2026, 11, 9), note="Referred by Ann.")
    items = plan(referred=[referred], introduction_asked_at=at(10))
    assert items[(Kind.CONTACT_REFERRAL, 3)].reason == "you asked for an introduction on Tue 10 Nov"


def test_deleting_every_record_leaves_nothing_to_do():
    assert plan() == {}


def test_an_answer_not_decided_yet_asks_for_a_time_until_a_later_answer_replaces_it():
    undecided = Replied(id=7, on=date(2026, 11, 4), outcome="replied")
    items = plan(messages=[REQUEST], replies=[undecided])
    assert items[(Kind.SCHEDULE, 7)].is_open
    assert "has not said yes yet" in items[(Kind.SCHEDULE, 7)].note
    yes = Replied(id=8, on=date(2026, 11, 6), outcome="agreed")
    items = plan(messages=[REQUEST], replies=[undecided, yes])
    assert items[(Kind.SCHEDULE, 7)].reason == "Grace agreed to talk on Fri 6 Nov"
    assert items[(Kind.SCHEDULE, 8)].is_open


def test_a_no_after_a_yes_retires_the_reminder_to_schedule():
    yes = Replied(id=7, on=date(2026, 11, 4), outcome="agreed")
    no = Replied(id=8, on=date(2026, 11, 9), outcome="declined")
    items = plan(replies=[yes, no])
    assert items[(Kind.SCHEDULE, 7)].reason == "Grace declined on Mon 9 Nov"


def test_an_introducer_gets_one_reminder_after_7_business_days_until_something_happens():
    from coffeechat.method.situation import Introduction

    asked = Introduction(id=4, at=at(2), target_id=9, target_name="Sam Lee")
    reminder = plan(introductions=[asked], messages=[Sent(id=4, purpose="introduction", at=at(2))])
    assert reminder[(Kind.FOLLOW_UP, 4)].due_on == date(2026, 11, 11)
    assert reminder[(Kind.FOLLOW_UP, 4)].is_open
    again = Introduction(id=5, at=at(12), target_id=9, target_name="Sam Lee")
    items = plan(
        introductions=[asked, again],
        messages=[
            Sent(id=4, purpose="introduction", at=at(2)),
            Sent(id=5, purpose="introduction", at=at(12)),
        ],
    )
    assert items[(Kind.FOLLOW_UP, 4)].reason == "you asked again on Thu 12 Nov"
    assert (Kind.FOLLOW_UP, 5) not in items  # a favour asked twice is enough
    in_touch = Introduction(id=4, at=at(2), target_id=9, target_name="Sam Lee", in_touch_at=at(5))
    items = plan(introductions=[in_touch])
    assert items[(Kind.FOLLOW_UP, 4)].reason == "Sam and you are in touch now"
    answered = plan(
        introductions=[asked], replies=[Replied(id=3, on=date(2026, 11, 4), outcome="replied")]
    )
    assert answered[(Kind.FOLLOW_UP, 4)].reason == "Grace replied on Wed 4 Nov"
