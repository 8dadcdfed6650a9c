"""Writing again to someone who answered before: a new request on a later day starts the 3B7
routine afresh and makes them Contacted; a second request while still waiting starts nothing.
And the contact page offers the polite follow-up only once it is owed."""

from datetime import UTC, date, datetime

import time_machine
from django.urls import reverse

from coffeechat.method.stages import Stage
from coffeechat.pages.people.queries import contact_row
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.services import correspondence

SPRING = datetime(2026, 4, 14, 10, 0, tzinfo=UTC)
AUTUMN = datetime(2026, 10, 13, 10, 0, tzinfo=UTC)  # a Tuesday


def send(contact, at, purpose="request"):
    correspondence.record_message(
        contact=contact, purpose=purpose, channel="email", subject="Hello", body="Hi", sent_at=at
    )


def decline(contact, day):
    correspondence.record_reply(
        contact=contact, received_on=day, outcome="declined", note="Try me in autumn."
    )


def open_routine(contact) -> dict[str, date]:
    return dict(contact.followups.open().values_list("kind", "due_on"))


def stage_on(user, contact, at) -> Stage:
    with time_machine.travel(at, tick=False):
        return contact_row(user, contact).stage


def test_a_request_months_after_a_decline_starts_the_routine_again(alice, sam):
    send(sam, SPRING)
    decline(sam, date(2026, 4, 15))
    assert open_routine(sam) == {}
    assert stage_on(alice, sam, AUTUMN) is Stage.DECLINED
    send(sam, AUTUMN)
    assert open_routine(sam) == {
        "no_reply": date(2026, 10, 16),
        "nudge": date(2026, 10, 22),
        "move_on": date(2026, 10, 27),
    }
    assert stage_on(alice, sam, AUTUMN) is Stage.CONTACTED
    nudge_day = datetime(2026, 10, 22, 12, 0, tzinfo=UTC)
    with time_machine.travel(nudge_day, tick=False):
        titles = [item.title for item in today_items(alice, nudge_day)]
    assert "Send Sam Lee one polite follow-up" in titles
    assert stage_on(alice, sam, datetime(2026, 10, 27, 12, 0, tzinfo=UTC)) is Stage.NO_RESPONSE


def test_a_request_while_still_waiting_starts_no_second_routine(alice, sam):
    send(sam, AUTUMN)
    first = open_routine(sam)
    send(sam, datetime(2026, 10, 15, 10, 0, tzinfo=UTC))  # another channel, two days later
    assert open_routine(sam) == first
    assert sam.followups.count() == 3


def test_a_request_on_the_day_of_the_reply_starts_nothing(alice, sam):
    send(sam, SPRING)
    correspondence.record_reply(contact=sam, received_on=date(2026, 4, 14), outcome="replied")
    send(sam, datetime(2026, 4, 14, 16, 0, tzinfo=UTC))  # answering their reply, that day
    # No new wait: only the reminder to log what they decide.
    assert open_routine(sam) == {"schedule": date(2026, 4, 14)}
    assert stage_on(alice, sam, datetime(2026, 4, 15, 9, 0, tzinfo=UTC)) is Stage.REPLIED


def test_asking_again_shows_them_as_contacted_on_their_page(alice_client, sam):
    send(sam, SPRING)
    decline(sam, date(2026, 4, 15))
    send(sam, AUTUMN)
    with time_machine.travel(AUTUMN, tick=False):
        page = alice_client.get(sam.get_absolute_url()).content.decode()
    assert '<span class="badge stage">Contacted</span>' in page
    assert "Waiting for a reply." in page


def follow_up_link(client, contact, at) -> bool:
    with time_machine.travel(at, tick=False):
        page = client.get(contact.get_absolute_url()).content.decode()
    assert "Waiting for a reply." in page
    return reverse("outreach:compose", args=[contact.pk]) + "?purpose=follow_up" in page


def test_the_contact_page_offers_the_follow_up_only_once_it_is_owed(alice_client, sam):
    send(sam, AUTUMN)
    assert not follow_up_link(alice_client, sam, AUTUMN)  # day 0
    assert not follow_up_link(alice_client, sam, datetime(2026, 10, 21, 12, 0, tzinfo=UTC))
    nudge_day = datetime(2026, 10, 22, 12, 0, tzinfo=UTC)
    assert follow_up_link(alice_client, sam, nudge_day)
    send(sam, nudge_day, purpose="follow_up")
    assert not follow_up_link(alice_client, sam, datetime(2026, 10, 23, 12, 0, tzinfo=UTC))


def test_the_timeline_times_each_reply_from_the_request_it_answered(alice_client, sam):
    send(sam, SPRING)
    decline(sam, date(2026, 4, 15))  # the next day
    send(sam, AUTUMN)
    correspondence.record_reply(contact=sam, received_on=date(2026, 10, 15), outcome="agreed")
    with time_machine.travel(datetime(2026, 10, 16, 12, 0, tzinfo=UTC), tick=False):
        page = alice_client.get(sam.get_absolute_url()).content.decode()
    assert "Reply received: Declined (1 business day after your request)" in page
    # Two business days after the autumn request, not six months after the spring one.
    assert "Reply received: Agreed to talk (2 business days after your request)" in page
