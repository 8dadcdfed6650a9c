"""Keep your network posted: one short personal update per person met, edited and sent in place."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import unescape
from urllib.parse import urlencode

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message
from coffeechat.pipeline.services import conversation_changes
from outreach.conftest import use_smtp

MET_ON = datetime(2026, 11, 20, 10, tzinfo=UTC)
NOW = datetime(2026, 12, 18, 9, tzinfo=UTC)
NEWS = "I start at Acme as an analyst on 3 March"
PAGE = reverse("outreach:network_update")


@pytest.fixture(autouse=True)
def _december():
    with time_machine.travel(NOW, tick=False):
        yield


def hold(contact, advice=""):
    chat = Conversation.objects.create(
        owner=contact.owner, contact=contact, scheduled_at=MET_ON, time_zone="Europe/London"
    )
    if advice:
        conversations.add_takeaway(chat, kind="advice", text=advice)
    conversation_changes.end(chat, learned="", still_unknown="", next_steps="", now=MET_ON)
    return chat


@pytest.fixture
def met(priya, sam):
    hold(priya, advice="Learn the green bond principles")
    hold(sam)
    return priya, sam


def page_url(*people):
    query = [("milestone", "new_job"), ("detail", NEWS)] + [("people", p.pk) for p in people]
    return f"{PAGE}?{urlencode(query)}"


def text_of(response) -> str:
    return unescape(response.content.decode())


def field(contact, name):
    return f"p{contact.pk}-{name}"


def test_it_drafts_one_personal_update_per_person_met(alice_client, alice, met):
    priya, sam = met
    make.contact(alice, "Kim Ode")  # not met yet
    page = text_of(alice_client.get(page_url(priya, sam)))
    assert "Dear Priya" in page and "Dear Sam" in page
    assert "I start at Acme as an analyst on 3 March." in page
    assert "Your advice when we spoke in November, to learn the green bond principles" in page
    assert "Our conversation about your work at Acme Climate when we spoke in November" in page
    assert "Kim Ode" not in page


def test_people_set_to_never_are_offered_but_not_ticked(alice_client, met):
    priya, sam = met
    sam.keep_in_touch = "never"
    sam.save()
    page = text_of(alice_client.get(PAGE))
    assert f'value="{priya.pk}" checked' in page
    assert f'value="{sam.pk}">' in page
    assert "you chose never to keep in touch" in page
    unticked = text_of(alice_client.get(page_url(priya)))
    assert "Dear Priya" in unticked and "Dear Sam" not in unticked


def test_marking_one_sent_stores_it_as_edited_and_settles_keep_in_touch(alice_client, met):
    priya, sam = met
    body = "Dear Priya,\n\nI got the job at Acme!  Your advice helped.\n\nMaya"
    answer = alice_client.post(
        reverse("outreach:network_update_mark", args=[priya.pk]),
        {
            "back": page_url(priya, sam),
            field(priya, "subject"): "News", field(priya, "body"): body,
            field(priya, "sent_on"): "2026-12-17", field(priya, "channel"): "email",
        },
    )  # fmt: skip
    assert answer.status_code == 302
    assert answer.url == page_url(priya, sam) + f"#update-{priya.pk}"
    message = Message.objects.get(contact=priya)
    assert (message.purpose, message.subject, message.body) == ("update", "News", body)
    kept = FollowUp.objects.filter(contact=priya, kind="keep_in_touch")
    assert kept.filter(done_at__isnull=False).count() == 1
    assert kept.get(done_at__isnull=True).due_on == date(2027, 3, 17)  # quarterly from the 17th
    page = text_of(alice_client.get(page_url(priya, sam)))
    assert "Marked your update to Priya Shah as sent." in page
    assert "Sent</span> Email, Thu 17 Dec 2026" in page
    assert "Dear Sam" in page  # the others are still to write


def test_a_problem_keeps_the_edited_text_on_the_page(alice_client, met):
    priya, sam = met
    answer = alice_client.post(
        reverse("outreach:network_update_mark", args=[priya.pk]),
        {
            "back": page_url(priya, sam),
            field(priya, "subject"): "News", field(priya, "body"): "My own words, Priya",
            field(priya, "sent_on"): "2027-01-05", field(priya, "channel"): "email",
        },
    )  # fmt: skip
    page = text_of(answer)
    assert answer.status_code == 200
    assert "The sent date cannot be in the future" in page
    assert "My own words, Priya" in page
    assert not Message.objects.exists()


def test_edits_are_autosaved_and_survive_a_reload(alice_client, met):
    priya, sam = met
    answer = alice_client.post(
        reverse("outreach:network_update_save", args=[priya.pk]),
        {"back": page_url(priya, sam), field(priya, "subject"): "Big news",
         field(priya, "body"): "Dear Priya, edited by hand."},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert "Draft saved" in text_of(answer)
    assert "mailto:priya%40acme.example?subject=Big%20news" in text_of(answer)
    page = text_of(alice_client.get(page_url(priya, sam)))
    assert "Dear Priya, edited by hand." in page
    assert "Dear Sam" in page
    other_news = text_of(alice_client.get(page_url(priya).replace("new_job", "graduation")))
    assert "edited by hand" not in other_news  # other news, fresh drafts


def test_send_goes_out_through_the_users_mail_server(alice_client, alice, met, smtp_server):
    priya, _ = met
    use_smtp(alice, smtp_server.port)
    answer = alice_client.post(
        reverse("outreach:network_update_send", args=[priya.pk]),
        {"back": page_url(priya), field(priya, "subject"): "News",
         field(priya, "body"): "Dear Priya, I got the job."},
    )  # fmt: skip
    assert answer.status_code == 302
    [mail] = smtp_server.received
    assert mail["To"] == "Priya Shah <priya@acme.example>"
    assert "Dear Priya, I got the job." in mail.get_content()
    assert Message.objects.get(contact=priya).channel == "email"


def test_another_users_contact_is_a_404(bob_client, met):
    priya, _ = met
    for action in ("save", "send", "mark"):
        answer = bob_client.post(reverse(f"outreach:network_update_{action}", args=[priya.pk]))
        assert answer.status_code == 404
    assert "Nobody to write to yet" in text_of(bob_client.get(PAGE))


def test_the_page_reads_in_the_same_number_of_queries_for_more_people(alice_client, alice, met):
    priya, sam = met
    alice_client.get(page_url(priya, sam))  # the first visit starts this round of drafts
    with CaptureQueriesContext(connection) as two:
        assert alice_client.get(page_url(priya, sam)).status_code == 200
    more = [make.contact(alice, f"P{i}", email=f"{i}@x.example")
            for i in range(4)]  # fmt: skip
    for person in more:
        hold(person, advice="Join the CFA society")
    alice_client.get(page_url(priya, sam, *more))
    with CaptureQueriesContext(connection) as six:
        page = alice_client.get(page_url(priya, sam, *more))
    assert text_of(page).count("Dear ") == 6
    assert len(six) == len(two)


def test_fixing_the_detail_keeps_who_was_sent_and_the_earlier_edits(alice_client, met):
    priya, sam = met
    alice_client.post(
        reverse("outreach:network_update_save", args=[sam.pk]),
        {"back": page_url(priya, sam), field(sam, "subject"): "News",
         field(sam, "body"): "Dear Sam, edited by hand."},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    alice_client.post(
        reverse("outreach:network_update_mark", args=[priya.pk]),
        {"back": page_url(priya, sam),
         field(priya, "subject"): "News", field(priya, "body"): "Dear Priya, news.",
         field(priya, "sent_on"): "2026-12-17", field(priya, "channel"): "email"},
    )  # fmt: skip

    fixed = text_of(alice_client.get(page_url(priya, sam).replace("Acme", "ACME")))
    assert "Sent</span> Email, Thu 17 Dec 2026" in fixed  # no second update to Priya
    assert "edited by hand" not in fixed  # the edit was about the old wording
    again = text_of(alice_client.get(page_url(priya, sam)))
    assert "Dear Sam, edited by hand." in again


def test_each_card_button_posts_to_its_own_address(alice_client, met):
    priya, _ = met
    page = text_of(alice_client.get(page_url(priya)))
    save = reverse("outreach:network_update_save", args=[priya.pk])
    assert f'<form method="post" action="{save}"' in page  # Enter only keeps the draft
    for action in ("send", "mark"):
        posted = reverse(f"outreach:network_update_{action}", args=[priya.pk])
        assert f'formaction="{posted}"' in page
    assert 'name="action"' not in page


def test_mark_records_it_as_said_and_sends_nothing(alice_client, alice, met, smtp_server):
    priya, _ = met
    use_smtp(alice, smtp_server.port)
    alice_client.post(
        reverse("outreach:network_update_mark", args=[priya.pk]),
        {"back": page_url(priya), field(priya, "subject"): "News",
         field(priya, "body"): "Dear Priya, I got the job.",
         field(priya, "sent_on"): "2026-12-17", field(priya, "channel"): "linkedin"},
    )  # fmt: skip
    assert Message.objects.get(contact=priya).channel == "linkedin"
    assert not smtp_server.received
