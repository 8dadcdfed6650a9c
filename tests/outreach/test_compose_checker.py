"""The compose page passes the checker what it knows about the person: how you know them
(tie), the names they are called by, and the last messages already sent to them."""

from __future__ import annotations

from datetime import date

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pipeline.outreach.check import SENT_BEFORE, known_names, sent_before
from coffeechat.pipeline.outreach.models import MessageTemplate

FRIDAY = "2026-11-20 10:00 +00:00"
STRANGER_NOTE = (
    "Hi Grace,\n\nI came across your work at Acme Climate. I'm Alice, exploring climate "
    "finance. Would you have 15-20 minutes for a call in the coming weeks?\n\nThank you,\nAlice"
)
REQUEST = (
    "Dear Grace,\n\nPriya Shah suggested I get in touch with you. I'm Alice Martin, a "
    "final-year economics student exploring climate finance. Would you have 15-20 minutes for "
    "a short call in the next few weeks, whenever suits you?\n\nThank you,\nAlice"
)


def finding(page: str, rule: str) -> str:
    """The text of the checker's finding for `rule` beside the draft ("" if there is none)."""
    marker = f'data-rule="{rule}">'
    return page.split(marker)[1].split("</li>")[0] if marker in page else ""


def preview(client, contact, body: str, subject: str = "Priya Shah suggested I get in touch"):
    data = {"contact": contact.pk, "purpose": "request", "subject": subject, "body": body}
    return client.post(reverse("outreach:preview"), data).content.decode()


@time_machine.travel(FRIDAY, tick=False)
def test_writing_to_a_friend_as_to_a_stranger_is_flagged_beside_the_draft(alice_client, alice):
    friend = make.contact(alice, "Grace Hopper", email="g@x.example", how_known=HowKnown.FRIEND)
    cold = make.contact(alice, "Grace Kelly", email="k@x.example", how_known=HowKnown.COLD)

    found = finding(preview(alice_client, friend, STRANGER_NOTE), "tie-stranger")
    assert '<span class="badge severity-problem">problem</span>' in found
    assert "is how you write to a stranger, and this is a friend" in found
    assert "<mark>came across your work at Acme Climate</mark>" in found
    assert finding(preview(alice_client, cold, STRANGER_NOTE), "tie-stranger") == ""


@time_machine.travel(FRIDAY, tick=False)
def test_the_default_linkedin_note_to_a_former_colleague_reads_as_to_someone_known(
    alice_client, alice, acme
):
    colleague = make.contact(
        alice, "Grace Hopper", org=acme, linkedin_url="https://www.linkedin.com/in/grace",
        how_known=HowKnown.FORMER_COLLEAGUE,
    )  # fmt: skip
    page = alice_client.get(reverse("outreach:compose", args=[colleague.pk])).content.decode()

    # The note picked for a former colleague does not discover their work, so nothing to flag;
    # written as to a stranger, it would be.
    assert "came across your work" not in page
    assert finding(page, "tie-stranger") == ""
    stranger = "Hi Grace, I came across your work at Acme Climate. Would you have 15 minutes?"
    assert "and this is a former colleague" in finding(
        preview(alice_client, colleague, stranger), "tie-stranger"
    )


@time_machine.travel(FRIDAY, tick=False)
def test_a_draft_nearly_identical_to_a_message_already_sent_is_flagged(alice_client, alice):
    grace = make.contact(alice, "Grace Hopper", email="g@x.example", how_known=HowKnown.REFERRAL)
    make.request_sent(grace, body=REQUEST, on=date(2026, 11, 10))

    again = REQUEST.replace("next few weeks", "coming weeks")
    found = finding(preview(alice_client, grace, again), "same-as-sent")
    assert "Nearly the same as a message you already sent them (9" in found
    # Only messages to this person count: the same text to someone else is not a repeat.
    ann = make.contact(alice, "Ann Lee", email="a@x.example", how_known=HowKnown.REFERRAL)
    assert finding(preview(alice_client, ann, again.replace("Grace", "Ann")), "same-as-sent") == ""


def test_only_the_last_few_messages_are_read_newest_first(alice, db):
    grace = make.contact(alice, "Grace Hopper")
    for day in range(1, 9):
        make.sent(grace, body=f"Message {day}", on=date(2026, 11, day))
    make.sent(make.contact(alice, "Ann Lee"), body="Not hers")

    assert sent_before(grace) == tuple(f"Message {day}" for day in range(8, 8 - SENT_BEFORE, -1))


def test_another_users_messages_never_reach_the_checker(alice, bob, db):
    grace = make.contact(alice, "Grace Hopper")
    make.sent(grace, body="Alice's")
    # A message of Bob's recorded against Alice's contact would be a bug elsewhere; the
    # query is scoped to the owner all the same.
    make.sent(grace, body="Bob's").__class__.objects.filter(body="Bob's").update(owner=bob)

    assert sent_before(grace) == ("Alice's",)


@time_machine.travel(FRIDAY, tick=False)
def test_the_compose_page_and_its_preview_read_the_same_queries_for_a_short_or_long_history(
    alice_client, alice
):
    grace = make.contact(alice, "Grace Hopper", email="g@x.example", how_known=HowKnown.FRIEND)
    template = MessageTemplate.objects.owned_by(alice).filter(situation="cold_email").first()

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as page:
            alice_client.get(reverse("outreach:compose", args=[grace.pk]))
        with CaptureQueriesContext(connection) as check:
            alice_client.post(
                reverse("outreach:preview"),
                {"contact": grace.pk, "template": template.pk, "body": REQUEST, "subject": "Hi"},
            )
        return len(page), len(check)

    make.sent(grace, body=REQUEST)
    one = count()
    for day in range(1, 13):
        make.sent(grace, body=f"Message {day}", on=date(2026, 11, day))
    assert count() == one


def test_the_names_passed_for_the_greeting_are_the_given_name_never_the_family_name(alice, db):
    grace = make.contact(alice, "Grace Hopper")

    assert "Grace" in known_names(grace)
    assert "Hopper" not in known_names(grace)


@time_machine.travel(FRIDAY, tick=False)
def test_the_headline_counts_the_suggestions_below_it(alice_client, alice):
    cold = make.contact(alice, "Grace Kelly", email="k@x.example", how_known=HowKnown.COLD)
    vague = preview(alice_client, cold, REQUEST, subject="Quick question")
    assert finding(vague, "subject-vague")
    assert "No problems found; 1 suggestion below." in vague
    clean = preview(alice_client, cold, REQUEST)
    assert '<p class="ok">No problems found.</p>' in clean


@time_machine.travel(FRIDAY, tick=False)
def test_a_korean_name_is_greeted_in_full_and_a_romanized_greeting_is_not_wrong(
    alice_client, alice
):
    minjun = make.contact(
        alice, first_name="민준", last_name="김", email="minjun@naver.example", how_known="cold"
    )
    page = alice_client.get(reverse("outreach:compose", args=[minjun.pk])).content.decode()
    assert "Dear 김민준," in page and "Dear 민준," not in page
    minjun.honorific = "Mr."
    minjun.save()
    page = alice_client.get(reverse("outreach:compose", args=[minjun.pk])).content.decode()
    assert "Dear Mr. 김민준," in page and "Dear Mr. 김," not in page
    found = preview(alice_client, minjun, REQUEST.replace("Dear Grace,", "Dear Mr. Kim,"))
    assert finding(found, "greeting-name") == ""
    found = preview(alice_client, minjun, REQUEST.replace("Dear Grace,", "Dear 이서연,"))
    assert "you&#x27;re writing to 김민준" in finding(found, "greeting-name")
