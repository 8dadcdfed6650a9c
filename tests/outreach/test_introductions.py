"""Asking a mutual contact for an introduction: the message is kept on the person it went to
(Priya), marked as asking her to introduce you to Sam; Sam, who received nothing, is left alone."""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

import factories as make
from coffeechat.method.stages import Stage
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.queries import template_rows
from coffeechat.pages.people.queries import contact_row
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, MessageTemplate
from coffeechat.pipeline.services import correspondence
from outreach.conftest import subject_of, use_smtp

FRIDAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
REMINDER_DAY = date(2026, 12, 1)  # 7 business days after Friday 20 November


def own(user, situation: str) -> MessageTemplate:
    return make.built_in_template(user, situation)


def compose_url(contact: Contact, **query: str) -> str:
    url = reverse("outreach:compose", args=[contact.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def drafted(client, contact: Contact, template: MessageTemplate) -> dict[str, str]:
    """The draft the compose page offers, as the form would post it back."""
    response = client.get(compose_url(contact, template=str(template.pk)))
    form = response.context["form"]
    return {
        "subject": form.initial["subject"],
        "body": form.initial["body"],
        "sent_on": form.initial["sent_on"].isoformat(),
        "channel": form.initial["channel"],
        "template": str(template.pk),
    }


def ask_priya(client, sam: Contact, situation: str = "ask_introduction", action: str = "mark"):
    template = own(sam.owner, situation)
    data = drafted(client, sam, template)
    url = reverse(f"outreach:compose_{action}", args=[sam.pk])
    return client.post(url, data, follow=True), data


def page(client, contact: Contact) -> str:
    return client.get(contact.get_absolute_url()).content.decode()


@time_machine.travel(FRIDAY, tick=False)
def test_an_introduction_request_marked_sent_is_kept_on_the_introducer_exactly_as_written(
    alice_client, alice, priya, sam
):
    response, sent = ask_priya(alice_client, sam)
    assert "Marked your request to Priya Shah to introduce you to Sam Lee as sent." in (
        response.content.decode()
    )
    message = Message.objects.get()
    assert message.contact == priya
    assert message.introduction_to == sam
    assert message.purpose == "introduction"
    assert (message.subject, message.body) == (sent["subject"], sent["body"])
    assert message.body.startswith("Hi Priya,")
    assert "Priya Shah" in page(alice_client, priya)
    assert "Request for an introduction sent (Email): “Would you introduce me to Sam Lee?”" in (
        page(alice_client, priya)
    )


@time_machine.travel(FRIDAY, tick=False)
def test_the_outreach_page_lists_it_under_the_introducer_naming_whom_to_introduce(
    alice_client, priya, sam
):
    ask_priya(alice_client, sam)
    listing = alice_client.get(reverse("outreach:messages")).content.decode()
    row = listing.split("<tbody>")[1].split("</tr>")[0]
    assert "Priya Shah</a>" in row
    to_sam = f'to <a href="{sam.get_absolute_url()}">Sam Lee</a>'
    assert f'Request for an introduction<br><small class="muted">{to_sam}' in row


@time_machine.travel(FRIDAY, tick=False)
def test_the_person_to_be_introduced_is_not_contacted_and_nothing_waits_on_their_reply(
    alice_client, alice, priya, sam
):
    ask_priya(alice_client, sam)
    assert not sam.messages.exists()
    assert not sam.followups.exists()
    assert contact_row(alice, sam).stage is Stage.IDENTIFIED
    sams_page = page(alice_client, sam)
    assert "You asked <a" in sams_page and "Priya Shah</a> to introduce you (Fri 20 Nov 2026)" in (
        sams_page
    )
    assert "Waiting for a reply" not in sams_page
    # Nor, later, is Sam owed a follow-up: only Priya's one reminder is on Today.
    later = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)
    with time_machine.travel(later, tick=False):
        titles = [item.title for item in today_items(alice, later)]
        assert contact_row(alice, sam).stage is Stage.IDENTIFIED
    assert titles == ["Follow up with Priya Shah (Acme Climate)"]


def test_sending_it_through_smtp_mails_the_introducer_and_keeps_it_on_her(
    alice_client, alice, priya, sam, smtp_server
):
    use_smtp(alice, smtp_server.port)
    with time_machine.travel(FRIDAY, tick=False):
        response, _ = ask_priya(alice_client, sam, action="send")
    assert (
        f"Sent Priya Shah (priya@acme.example) your request to introduce you to Sam Lee, "
        f"through 127.0.0.1:{smtp_server.port}." in response.content.decode()
    )
    [received] = smtp_server.received
    assert received["To"].addresses[0].addr_spec == "priya@acme.example"
    message = Message.objects.get()
    assert subject_of(received) == message.subject == "Would you introduce me to Sam Lee?"
    assert (message.contact, message.introduction_to, message.purpose) == (
        priya,
        sam,
        "introduction",
    )
    assert not sam.followups.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_the_blurb_to_forward_goes_the_same_way(alice_client, alice, priya, sam):
    ask_priya(alice_client, sam, situation="intro_blurb")
    message = Message.objects.get()
    assert (message.contact, message.introduction_to) == (priya, sam)
    assert message.body.startswith("Hello Sam,")  # read by Sam, once Priya forwards it
    assert not sam.followups.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_the_compose_page_says_where_it_goes_and_what_starts(alice_client, alice, sam):
    response = alice_client.get(compose_url(sam, situation="ask_introduction"))
    text = response.content.decode()
    assert "<h1>Ask Priya Shah to introduce you to Sam Lee</h1>" in text
    assert "Kept on Priya's timeline as a request for an introduction." in text
    assert response.context["template"] == own(alice, "ask_introduction")


@time_machine.travel(FRIDAY, tick=False)
def test_without_anyone_to_introduce_you_it_is_refused_and_the_draft_kept(alice_client, alice):
    kim = make.contact(alice, "Kim Ode")
    ask = own(alice, "ask_introduction")
    data = {**drafted(alice_client, kim, ask), "body": "Hi there, my own words."}
    response = alice_client.post(reverse("outreach:compose_mark", args=[kim.pk]), data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "goes to the person who can introduce you to Kim Ode: say who that is under" in text
    assert "Hi there, my own words." in text
    assert not Message.objects.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_introduction_requests_stay_out_of_the_reply_rates(alice_client, alice, priya, sam):
    ask_priya(alice_client, sam)
    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 20), outcome="replied")
    stats = {t.template.situation: t for t in template_rows(alice)}["ask_introduction"]
    assert (stats.used, stats.sent, stats.reply_rate) == (1, 0, None)
    listing = alice_client.get(reverse("outreach:templates")).content.decode()
    assert "Used 1 time (no reply rate: it asks a mutual contact for a favour" in listing


def test_the_introducer_gets_one_reminder_after_seven_business_days_and_no_more(
    alice_client, alice, priya, sam
):
    with time_machine.travel(FRIDAY, tick=False):
        ask_priya(alice_client, sam)
    reminder = FollowUp.objects.get()
    assert (reminder.contact, reminder.kind, reminder.due_on) == (priya, "follow_up", REMINDER_DAY)
    reminder_link = compose_url(sam, situation="ask_introduction")
    with time_machine.travel(datetime(2026, 11, 30, 12, 0, tzinfo=UTC), tick=False):
        assert reminder_link not in page(alice_client, priya)  # not owed yet
    with time_machine.travel(datetime(2026, 12, 1, 12, 0, tzinfo=UTC), tick=False):
        assert reminder_link in page(alice_client, priya)
        ask_priya(alice_client, sam)  # the reminder: asking her again about Sam
    assert FollowUp.objects.get().done_at is not None
    assert not FollowUp.objects.filter(done_at__isnull=True).exists()
    with time_machine.travel(datetime(2026, 12, 2, 12, 0, tzinfo=UTC), tick=False):
        priyas_page = page(alice_client, priya)
    assert "(Fri 20 Nov 2026, again Tue 1 Dec 2026)" in priyas_page
    assert reminder_link not in priyas_page


@time_machine.travel(FRIDAY, tick=False)
def test_an_answer_from_the_introducer_settles_the_reminder(alice_client, alice, priya, sam):
    ask_priya(alice_client, sam)
    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 20), outcome="replied")
    assert not FollowUp.objects.filter(done_at__isnull=True).exists()


def test_writing_to_sam_once_introduced_settles_the_reminder_and_starts_his_own_routine(
    alice_client, alice, priya, sam
):
    with time_machine.travel(FRIDAY, tick=False):
        ask_priya(alice_client, sam)
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    with time_machine.travel(monday, tick=False):
        referral = own(alice, "after_referral")
        data = drafted(alice_client, sam, referral)
        alice_client.post(reverse("outreach:compose_mark", args=[sam.pk]), data)
        assert contact_row(alice, sam).stage is Stage.CONTACTED
    assert sam.messages.get().purpose == "request"
    assert set(sam.followups.values_list("kind", flat=True)) == {"no_reply", "nudge", "move_on"}
    assert not priya.followups.filter(done_at__isnull=True).exists()


def test_another_user_sees_nothing_of_an_introduction_asked(bob_client, priya, sam):
    correspondence.record_message(
        contact=priya, purpose="introduction", channel="email", subject="Intro?", body="Hi",
        sent_at=FRIDAY, introduction_to=sam,
    )  # fmt: skip
    assert bob_client.get(priya.get_absolute_url()).status_code == 404
    assert bob_client.get(sam.get_absolute_url()).status_code == 404
    assert bob_client.get(compose_url(sam, situation="ask_introduction")).status_code == 404


def test_messages_filed_on_the_wrong_person_before_are_moved_to_the_introducer(alice, priya, sam):
    migration = importlib.import_module(
        "coffeechat.pipeline.outreach.migrations.0004_message_introductions"
    )
    ask = own(alice, "ask_introduction")
    # As the old code stored it: on Sam, as a request, with Sam's no-reply routine started.
    correspondence.record_message(
        contact=sam, purpose="request", channel="email", subject="Would you introduce me?",
        body="Hi Priya", sent_at=FRIDAY, template=ask,
    )  # fmt: skip
    cold = own(alice, "cold_email")
    correspondence.record_message(
        contact=priya, purpose="request", channel="email", subject="Advice?", body="Dear Priya",
        sent_at=FRIDAY, template=cold,
    )  # fmt: skip
    migration.move_to_introducer(apps, None)
    moved = Message.objects.get(template=ask)
    assert (moved.contact, moved.introduction_to, moved.purpose) == (priya, sam, "introduction")
    assert not sam.followups.exists()
    assert priya.followups.count() == 3  # her own request's routine is hers, and stays
    assert Message.objects.get(template=cold).purpose == "request"


@pytest.mark.parametrize("purpose", ["introduction", "request"])
def test_only_a_request_for_an_introduction_names_whom_to_introduce(priya, sam, purpose):
    wrong = {"introduction_to": None} if purpose == "introduction" else {"introduction_to": sam}
    with pytest.raises(ValueError, match="names whom to introduce"):
        correspondence.record_message(
            contact=priya, purpose=purpose, channel="email", subject="", body="Hi",
            sent_at=FRIDAY, **wrong,
        )  # fmt: skip
