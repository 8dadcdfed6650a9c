"""Reply rates per template: a reply answers the last request or follow-up sent before it, and
only messages that ask for an answer (requests and follow-ups) have a rate."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.queries import template_rows
from coffeechat.pipeline.outreach.models import MessageTemplate
from coffeechat.pipeline.services import correspondence

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def nov(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def send(contact: Contact, template: MessageTemplate, at: datetime, purpose: str = "request"):
    correspondence.record_message(
        contact=contact, purpose=purpose, channel="email", subject="Hello", body="Hi",
        sent_at=at, template=template,
    )  # fmt: skip


def reply(contact: Contact, day: int) -> None:
    correspondence.record_reply(contact=contact, received_on=date(2026, 11, day), outcome="replied")


def figures(user) -> dict[str, tuple[int, int, int, int | None]]:
    return {
        t.template.name: (t.used, t.sent, t.replied, t.reply_rate)
        for t in template_rows(user)
        if t.template.name.startswith("T ")
    }


@pytest.fixture
def mine(alice):
    def template(name: str, situation: str) -> MessageTemplate:
        return MessageTemplate.objects.create(
            owner=alice, name=name, situation=situation, body="Hi"
        )

    return {
        "cold": template("T cold", "cold_email"),
        "alumni": template("T alumni", "alumni"),
        "nudge": template("T nudge", "follow_up"),
        "thanks": template("T thanks", "thank_you"),
    }


def person(alice, name: str) -> Contact:
    return make.contact(alice, first_name=name)


@time_machine.travel(NOW, tick=False)
def test_a_reply_is_credited_only_to_the_last_message_that_asked_for_it(alice, mine):
    ana, ben, cy, dee = (person(alice, name) for name in ("Ana", "Ben", "Cy", "Dee"))
    # Ana answered the polite follow-up, not the request nine days before it.
    send(ana, mine["cold"], nov(2))
    send(ana, mine["nudge"], nov(11), purpose="follow_up")
    reply(ana, 12)
    # Ben was written to again from another template, and answered that one.
    send(ben, mine["cold"], nov(2))
    send(ben, mine["alumni"], nov(5))
    reply(ben, 6)
    # Cy answered the request; a follow-up sent after the answer gets no credit for it.
    send(cy, mine["cold"], nov(2))
    reply(cy, 3)
    send(cy, mine["nudge"], nov(10), purpose="follow_up")
    # Dee answered the same day.
    send(dee, mine["cold"], nov(2))
    reply(dee, 2)
    # A thank-you asks for nothing: used, but no rate, and a reply after it is not its doing.
    send(ana, mine["thanks"], nov(20), purpose="thank_you")
    reply(ana, 21)

    assert figures(alice) == {
        "T cold": (4, 4, 2, 50),
        "T alumni": (1, 1, 1, 100),
        "T nudge": (2, 2, 1, 50),
        "T thanks": (1, 0, 0, None),
    }


@time_machine.travel(NOW, tick=False)
def test_one_reply_never_counts_for_two_messages_sent_the_same_day(alice, mine):
    eve = person(alice, "Eve")
    send(eve, mine["cold"], nov(9, 9))
    send(eve, mine["alumni"], nov(9, 16))  # a second try the same afternoon
    reply(eve, 9)
    assert figures(alice)["T cold"] == (1, 1, 0, 0)
    assert figures(alice)["T alumni"] == (1, 1, 1, 100)


@time_machine.travel(NOW, tick=False)
def test_the_days_are_the_users_own(alice, mine):
    alice.profile.time_zone = "America/New_York"
    alice.profile.save()
    fay = person(alice, "Fay")
    # 21:00 in New York on Wednesday 4 November is already Thursday in UTC.
    send(fay, mine["cold"], nov(5, 2))
    reply(fay, 4)
    assert figures(alice)["T cold"] == (1, 1, 1, 100)


@time_machine.travel(NOW, tick=False)
def test_the_templates_page_shows_the_credit_where_the_reply_went(alice_client, alice, mine):
    gil = person(alice, "Gil")
    send(gil, mine["cold"], nov(2))
    send(gil, mine["nudge"], nov(11), purpose="follow_up")
    reply(gil, 12)
    page = alice_client.get(reverse("outreach:templates")).content.decode()

    def stats(template: MessageTemplate) -> str:
        row = page.split(f'data-template="{template.pk}"')[1].split("</li>")[0]
        return row.split('class="muted template-stats">')[1].split("</small>")[0]

    assert stats(mine["cold"]) == "1 sent · 0% replied"
    assert stats(mine["nudge"]) == "1 sent · 100% replied"
    assert stats(mine["alumni"]) == "Not used yet"


@time_machine.travel(NOW, tick=False)
def test_a_thank_you_template_shows_how_often_it_was_used_without_a_rate(alice_client, alice, mine):
    hal = person(alice, "Hal")
    send(hal, mine["thanks"], nov(2), purpose="thank_you")
    send(hal, mine["thanks"], nov(9), purpose="thank_you")
    page = alice_client.get(reverse("outreach:templates")).content.decode()
    row = page.split(f'data-template="{mine["thanks"].pk}"')[1].split("</li>")[0]
    stats = row.split('class="muted template-stats">')[1].split("</small>")[0]
    assert stats == "Used 2 times (no reply rate: it asks for no answer)"


def test_another_users_messages_do_not_count(alice, bob, mine):
    stranger = make.contact(bob, "Zed")
    theirs = MessageTemplate.objects.create(owner=bob, name="T cold", body="Hi")
    with time_machine.travel(NOW, tick=False):
        send(stranger, theirs, nov(2))
        reply(stranger, 3)
    assert figures(alice)["T cold"] == (0, 0, 0, None)
    assert figures(bob) == {"T cold": (1, 1, 1, 100)}


@time_machine.travel(NOW, tick=False)
def test_the_templates_page_runs_the_same_queries_however_many_messages_were_sent(
    alice_client, alice, mine
):
    def write_to(n: int) -> None:
        for index in range(n):
            someone = person(alice, f"P{n}-{index}")
            send(someone, mine["cold"], nov(2))
            send(someone, mine["nudge"], nov(9), purpose="follow_up")
            send(someone, mine["thanks"], nov(20), purpose="thank_you")
            reply(someone, 10 + index % 3)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get(reverse("outreach:templates")).status_code == 200
        return len(queries)

    write_to(2)
    few = count()
    write_to(20)
    assert count() == few
    assert figures(alice)["T nudge"] == (22, 22, 22, 100)
    assert figures(alice)["T cold"] == (22, 22, 0, 0)
