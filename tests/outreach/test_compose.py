from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, MessageTemplate
from coffeechat.pipeline.services import conversation_changes

FRIDAY = "2026-11-20 10:00 +00:00"


@pytest.fixture
def priya(alice, acme):
    """Priya with no e-mail address on file."""
    return make.contact(alice, "Priya Shah", org=acme, how_known="alumni")


@pytest.fixture
def sam(alice, acme, priya):
    return make.contact(
        alice,
        "Sam Lee",
        email="sam@acme.example",
        org=acme,
        how_known=HowKnown.REFERRAL,
        introduced_by=priya,
    )


def send(client, contact, **overrides: object):
    data = {
        "subject": "Priya Shah suggested I get in touch",
        "body": "Dear Sam,\n\nPriya Shah suggested I get in touch with you.\n\nThank you,\nAlice",
        "sent_on": "2026-11-20",
        "channel": "email",
        **overrides,
    }
    return client.post(reverse("outreach:compose_mark", args=[contact.pk]), data, follow=True)


def stage_on_page(client, contact) -> str:
    page = client.get(contact.get_absolute_url()).content.decode()
    return page.split('<span class="badge stage">')[1].split("</span>")[0]


@pytest.mark.parametrize(
    ("name", "method"),
    [("compose", "get"), ("compose_mark", "post"), ("compose_send", "post"),
     ("compose_save", "post"), ("compose_eml", "post"), ("reply", "get"), ("reply", "post")],
)  # fmt: skip
def test_another_users_contact_cannot_be_written_to(bob_client, sam, name, method):
    url = reverse(f"outreach:{name}", args=[sam.pk])
    data = {"body": "hi", "sent_on": "2026-11-20", "channel": "email", "outcome": "agreed",
            "received_on": "2026-11-20"}  # fmt: skip
    assert getattr(bob_client, method)(url, data).status_code == 404
    assert not Message.objects.exists()
    assert not sam.replies.exists()


def test_another_users_conversation_cannot_be_thanked(bob_client, sam):
    conversation = make.conversation(sam, at=datetime(2026, 11, 19, 10, tzinfo=UTC))
    url = reverse("outreach:thank_you", args=[conversation.pk])
    assert bob_client.get(url).status_code == 404
    for action in ("save", "eml", "send", "mark"):
        posted = reverse(f"outreach:thank_you_{action}", args=[conversation.pk])
        assert bob_client.post(posted, {"body": "hi", "sent_on": "2026-11-20"}).status_code == 404
    assert not Message.objects.exists()


def test_the_preview_of_another_users_contact_is_a_404(bob_client, sam):
    url = reverse("outreach:preview")
    response = bob_client.post(url, {"contact": sam.pk, "body": "hi"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 404
    assert "sam@acme.example" not in response.content.decode()


@time_machine.travel(FRIDAY, tick=False)
def test_the_draft_merges_the_contact_organization_and_introducer(alice_client, sam):
    make.may_name_introducer(sam)
    page = alice_client.get(reverse("outreach:compose", args=[sam.pk])).content.decode()
    assert "Write a request to Sam Lee" in page
    assert "Dear Sam," in page
    assert "Priya Shah suggested I get in touch" in page
    assert 'value="Priya Shah suggested I get in touch"' in page  # the subject
    assert "exploring climate finance" in page
    assert 'value="2026-11-20"' in page  # sent on: today
    assert '<option value="email" selected>Email</option>' in page
    assert 'data-copy-target="id_body"' in page
    assert 'href="mailto:sam%40acme.example?subject=Priya%20Shah%20suggested' in page
    assert "Aim for under 100 words; connection first; no mention of jobs" in page


def test_a_cold_contacts_draft_names_their_organization(alice_client, alice, acme):
    kim = make.contact(alice, "Kim", org=acme, how_known="cold")
    page = alice_client.get(reverse("outreach:compose", args=[kim.pk])).content.decode()
    assert "Dear Kim," in page
    assert "I came across your work at Acme Climate and would value your perspective." in page


@time_machine.travel(FRIDAY, tick=False)
def test_marking_a_request_sent_stores_it_and_waits_3_business_days(alice_client, sam):
    body = "Dear Sam,\r\n\r\nMy own words, edited.  \r\n\r\nThanks,\r\nAlice\r\n"
    response = send(alice_client, sam, subject="My subject", body=body)
    page = response.content.decode()
    assert "Marked your request for a conversation to Sam Lee as sent." in page
    message = Message.objects.get()
    assert (message.subject, message.body, message.channel) == ("My subject", body, "email")
    assert message.sent_at == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert "Request for a conversation sent (Email): “My subject”" in page  # on the timeline
    assert "My own words, edited." in page
    followup = FollowUp.objects.get(contact=sam, kind="no_reply")
    assert followup.due_on == date(2026, 11, 25)  # Friday + 3 business days = Wednesday
    assert "No reply yet: due Wed 25 Nov 2026" in page


@time_machine.travel(FRIDAY, tick=False)
def test_a_request_sent_on_an_earlier_day_keeps_the_time_of_day(alice_client, sam):
    send(alice_client, sam, sent_on="2026-11-18")
    # 10:00 UTC is 10:00 in London in November.
    assert Message.objects.get().sent_at == datetime(2026, 11, 18, 10, tzinfo=UTC)
    assert FollowUp.objects.get(kind="no_reply").due_on == date(2026, 11, 23)


@time_machine.travel(FRIDAY, tick=False)
def test_a_sent_date_in_the_future_or_an_empty_body_is_refused(alice_client, sam):
    page = send(alice_client, sam, sent_on="2026-11-21").content.decode()
    assert "The sent date cannot be in the future (today is Fri 20 Nov 2026)." in page
    page = send(alice_client, sam, body="   ").content.decode()
    assert "Write the message before marking it sent." in page
    assert not Message.objects.exists()
    assert not FollowUp.objects.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_the_stage_moves_from_identified_to_contacted_to_replied(alice_client, sam):
    assert stage_on_page(alice_client, sam) == "Identified"
    send(alice_client, sam, sent_on="2026-11-18")
    assert stage_on_page(alice_client, sam) == "Contacted"
    response = alice_client.post(
        reverse("outreach:reply", args=[sam.pk]),
        {"received_on": "2026-11-20", "outcome": "replied", "note": "Asked for times"},
        follow=True,
    )
    assert "Logged Sam&#x27;s reply." in response.content.decode()
    assert stage_on_page(alice_client, sam) == "Replied"
    assert FollowUp.objects.get(kind="no_reply").done_at is not None
    page = alice_client.get(sam.get_absolute_url()).content.decode()
    assert "Asked for times" in page
    # Newest first: the reply above the request it answers.
    assert page.index("Reply received: Replied (not decided yet)") < page.index(
        "Request for a conversation sent (Email)"
    )


@time_machine.travel(FRIDAY, tick=False)
def test_a_declined_reply_shows_the_stage_declined(alice_client, sam):
    send(alice_client, sam)
    response = alice_client.post(
        reverse("outreach:reply", args=[sam.pk]),
        {"received_on": "2026-11-20", "outcome": "declined", "note": "Too busy this quarter"},
        follow=True,
    )
    page = response.content.decode()
    assert "Logged that Sam declined." in page
    assert '<span class="badge stage">Declined</span>' in page
    assert "Too busy this quarter" in page


@time_machine.travel(FRIDAY, tick=False)
def test_a_reply_cannot_predate_the_request_or_be_in_the_future(alice_client, sam):
    send(alice_client, sam, sent_on="2026-11-18")
    url = reverse("outreach:reply", args=[sam.pk])
    page = alice_client.get(url).content.decode()
    assert "Your first request went out on Wed 18 Nov 2026." in page
    assert 'value="2026-11-20"' in page
    page = alice_client.post(url, {"received_on": "2026-11-17", "outcome": "agreed"})
    assert "the reply cannot be earlier than that." in page.content.decode()
    page = alice_client.post(url, {"received_on": "2026-11-23", "outcome": "agreed"})
    assert "The reply date cannot be in the future" in page.content.decode()
    assert not sam.replies.exists()
    assert FollowUp.objects.get(kind="no_reply").done_at is None


def finding(page: str, rule: str) -> str:
    """The text of the checker's finding for `rule` beside the draft ("" if there is none)."""
    marker = f'data-rule="{rule}">'
    return page.split(marker)[1].split("</li>")[0] if marker in page else ""


@time_machine.travel(FRIDAY, tick=False)
def test_the_preview_counts_words_and_shows_unfilled_fields(alice_client, sam):
    response = alice_client.post(
        reverse("outreach:preview"),
        {"contact": sam.pk, "purpose": "request", "subject": "Hi {{first_name}}",
         "body": "One two three {{my_headline}}"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    page = response.content.decode()
    assert 'id="message-check"' in page
    assert "4 words" in page
    unfilled = finding(page, "unfilled-field")
    assert '<span class="badge severity-problem">problem</span>' in unfilled
    assert "Unfilled merge fields: “{{first_name}}”, “{{my_headline}}”." in unfilled
    assert "<mark>{{first_name}}</mark> <mark>{{my_headline}}</mark>" in unfilled
    assert f'href="mailto:sam%40acme.example?subject={quote("Hi {{first_name}}")}' in page
    assert "Aim for under 100 words" in page
    long = alice_client.post(
        reverse("outreach:preview"), {"contact": sam.pk, "body": "word " * 101}
    ).content.decode()
    assert "101 words" in long
    assert "101 words: a first request should stay under 100." in finding(long, "too-long")


@time_machine.travel(FRIDAY, tick=False)
def test_the_findings_beside_the_draft_point_at_the_words_at_fault(alice_client, sam):
    body = (
        "Dear Sam,\n\nPriya Shah suggested I get in touch. I'm looking for a position in "
        "climate risk. Would you have 15-20 minutes for a call?\n\nThank you,\nAlice"
    )
    page = alice_client.post(
        reverse("outreach:preview"),
        {"contact": sam.pk, "purpose": "request", "subject": "Quick question", "body": body},
    ).content.decode()
    jobs = finding(page, "mentions-jobs")
    assert '<span class="badge severity-problem">problem</span> Mentions jobs:' in jobs
    assert "<mark>position</mark>" in jobs
    assert '<span class="badge severity-suggestion">suggestion</span>' in finding(
        page, "subject-vague"
    )
    fixed = alice_client.post(
        reverse("outreach:preview"),
        {"contact": sam.pk, "purpose": "request", "subject": "Priya Shah suggested I write",
         "body": body.replace("a position in", "advice about")},
    ).content.decode()  # fmt: skip
    assert finding(fixed, "mentions-jobs") == ""
    assert "No problems found." in fixed


@time_machine.travel(FRIDAY, tick=False)
def test_the_stricter_rules_from_the_profile_apply(alice_client, alice, sam):
    body = (
        "Dear Sam,\n\nPriya Shah suggested I get in touch. I'd be grateful for 15-20 minutes "
        "of your advice.\n\nThank you,\nAlice"
    )
    data = {"contact": sam.pk, "purpose": "request", "subject": "Priya suggested I write",
            "body": body}  # fmt: skip
    page = alice_client.post(reverse("outreach:preview"), data).content.decode()
    assert finding(page, "ask-not-a-question") == ""
    assert "Aim for under 100 words; connection first" in page
    alice.profile.message_rules = "strict"
    alice.profile.save()
    page = alice_client.post(reverse("outreach:preview"), data).content.decode()
    assert "The request isn&#x27;t a question" in finding(page, "ask-not-a-question")
    assert "Aim for under 75 words; connection first" in page
    assert "ask for 15-20 minutes, as a question ending in “?”." in page
    assert "under 100 words" not in page
    compose = alice_client.get(reverse("outreach:compose", args=[sam.pk])).content.decode()
    assert "Aim for under 75 words" in compose


@pytest.mark.parametrize(
    ("channel", "needs_subject"),
    [("email", True), ("linkedin", False), ("phone", False), ("in_person", False),
     ("introduction", False)],
)  # fmt: skip
def test_only_an_email_needs_a_subject(alice_client, sam, channel, needs_subject):
    body = (
        "Dear Sam,\n\nPriya Shah suggested I get in touch. Would you have 15-20 minutes for a "
        "call?\n\nThank you,\nAlice"
    )
    data = {"contact": sam.pk, "purpose": "request", "subject": "", "body": body,
            "channel": channel}  # fmt: skip
    page = alice_client.post(reverse("outreach:preview"), data).content.decode()
    assert bool(finding(page, "subject-missing")) == needs_subject
    assert ("No problems found." in page) != needs_subject


@pytest.mark.parametrize(
    ("greeting", "severity"),
    [("Dear Mr. Lee,", ""), ("Dear Mr. Patel,", "problem"), ("Hi Sammy,", "suggestion")],
)
def test_the_greeting_is_checked_against_the_contacts_first_and_last_name(
    alice_client, sam, greeting, severity
):
    body = f"{greeting}\n\nPriya Shah suggested I write. Would you have 20 minutes for a call?"
    data = {"contact": sam.pk, "purpose": "request", "subject": "Priya suggested I write",
            "body": body}  # fmt: skip
    found = finding(alice_client.post(reverse("outreach:preview"), data).content.decode(),
                    "greeting-name")  # fmt: skip
    assert (f"severity-{severity}" in found) if severity else found == ""
    if severity == "problem":
        assert "but you&#x27;re writing to Sam Lee." in found


@time_machine.travel(FRIDAY, tick=False)
def test_a_follow_up_and_an_update_get_their_own_drafts(alice_client, sam):
    url = reverse("outreach:compose", args=[sam.pk])
    page = alice_client.get(url, {"purpose": "follow_up"}).content.decode()
    assert "Follow up with Sam Lee" in page
    assert "I wrote to you recently" in page
    alice_client.post(
        reverse("outreach:compose_mark", args=[sam.pk]),
        {"purpose": "follow_up", "subject": "Following up", "body": "Hello again",
         "sent_on": "2026-11-20", "channel": "linkedin"},
    )  # fmt: skip
    assert Message.objects.get().purpose == "follow_up"
    assert not FollowUp.objects.filter(kind="no_reply").exists()  # only requests wait for a reply
    page = alice_client.get(url, {"purpose": "update"}).content.decode()
    assert "Send Sam Lee an update" in page
    assert "<mark>[Write what happened]</mark>" in finding(page, "unfilled-field")


@time_machine.travel(FRIDAY, tick=False)
def test_sending_the_thank_you_settles_the_thank_you_follow_up(alice_client, alice, sam):
    conversation = Conversation.objects.create(
        owner=alice, contact=sam, scheduled_at=datetime(2026, 11, 19, 15, tzinfo=UTC)
    )
    conversations.add_takeaway(conversation, kind="advice", text="Join the CFA climate group.")
    conversation_changes.end(
        conversation, learned="A lot", still_unknown="", next_steps="",
        now=datetime(2026, 11, 19, 15, 30, tzinfo=UTC),
    )  # fmt: skip
    followup = FollowUp.objects.get(kind="thank_you")
    assert followup.done_at is None
    assert stage_on_page(alice_client, sam) == "Met"
    url = reverse("outreach:thank_you", args=[conversation.pk])
    assert (
        f'<a href="{url}">Write the thank-you</a>'
        in alice_client.get(sam.get_absolute_url()).content.decode()
    )
    page = alice_client.get(url).content.decode()
    assert "<h1>Thank Sam Lee</h1>" in page
    assert "Thank you, Sam" in page
    assert "You suggested I join the CFA climate group; I am going to do just that." in page
    assert "Send it within 24 hours" in page
    response = alice_client.post(
        reverse("outreach:thank_you_mark", args=[conversation.pk]),
        {"subject": "Thank you, Sam", "body": "Thank you for yesterday.", "sent_on": "2026-11-20",
         "channel": "email"},
        follow=True,
    )  # fmt: skip
    assert "Marked your thank-you to Sam Lee as sent." in response.content.decode()
    message = Message.objects.get()
    assert (message.purpose, message.conversation) == ("thank_you", conversation)
    followup.refresh_from_db()
    assert followup.done_at == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert stage_on_page(alice_client, sam) == "Thanked"
    page = alice_client.get(sam.get_absolute_url()).content.decode()
    assert "Conversation (held, video call)" in page
    assert f'<a href="{conversation.get_absolute_url()}">Open conversation</a>' in page
    assert "Thank-you sent (Email): “Thank you, Sam”" in page
    assert "Follow-up: send a thank-you, due by Fri 20 Nov 2026 15:30" in page
    assert "Done: you sent the thank-you on Fri 20 Nov." in page


def test_sent_at_on_today_is_now_and_on_another_day_is_that_day_at_this_time():
    import zoneinfo

    from coffeechat.pipeline.outreach.services import sent_at_on

    tz = zoneinfo.ZoneInfo("America/New_York")
    now = datetime(2026, 11, 21, 3, 30, tzinfo=UTC)  # still the 20th in New York
    assert sent_at_on(date(2026, 11, 20), tz, now) == now
    earlier = sent_at_on(date(2026, 11, 18), tz, now)
    assert earlier == datetime(2026, 11, 18, 22, 30, tzinfo=tz)
    assert earlier - timedelta(days=2) < now


def test_an_unfilled_profile_field_points_to_the_profile(alice_client, alice, sam):
    alice.profile.headline = ""
    alice.profile.save()
    # An older template writes the headline as a plain field, which stays visible when empty.
    old = make.built_in_template(alice, "cold_email")
    old.body = "Dear {{first_name}},\n\nI'm {{my_name}}, {{my_headline}}.\n\nBest,\n{{my_name}}"
    old.ties = ""
    old.save()
    MessageTemplate.objects.owned_by(alice).exclude(pk=old.pk).filter(
        situation="cold_email"
    ).delete()
    page = alice_client.get(reverse("outreach:compose", args=[sam.pk])).content.decode()
    assert "<mark>{{my_headline}}</mark>" in finding(page, "unfilled-field")
    assert "Your headline comes from" in page
    assert f'<a href="{reverse("accounts:profile")}">your profile</a>' in page
