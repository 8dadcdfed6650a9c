"""Merging two records of one person: everything of both is kept, the duplicate is deleted."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import factories as make
from coffeechat.network.duplicates.finder import likely_duplicates, mark_not_duplicate
from coffeechat.network.people.models import Contact, HowKnown, Source
from coffeechat.pipeline.conversations.models import Conversation, Referral
from coffeechat.pipeline.followups import plan as followup_plan
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Reply
from coffeechat.pipeline.services.merge import merge_contacts, plan_merge

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


@pytest.fixture
def green_bank(alice):
    return make.organization(alice, "Green Bank")


@pytest.fixture
def priya(alice, green_bank):
    return make.contact(
        alice,
        "Priya Shah",
        email="priya@greenbank.example",
        org=green_bank,
        role="Senior analyst",
        how_known=HowKnown.ALUMNI,
    )


@pytest.fixture
def priya_again(alice):
    """The same person, added again later with other details."""
    return make.contact(
        alice,
        "Priya Shah",
        email="PRIYA@greenbank.example",
        phone="+44 20 7946 0000",
        linkedin_url="https://www.linkedin.com/in/priya-shah",
        location="London",
    )


def history(contact: Contact, *, label: str) -> None:
    """A message, a reply, a conversation and a follow-up with this contact."""
    owner = contact.owner
    Message.objects.create(owner=owner, contact=contact, body=f"Hello {label}", sent_at=MONDAY)
    Reply.objects.create(owner=owner, contact=contact, received_on=date(2026, 11, 17))
    conversation = Conversation.objects.create(owner=owner, contact=contact, scheduled_at=MONDAY)
    FollowUp.objects.create(
        owner=owner, contact=contact, conversation=conversation, kind="thank_you",
        due_on=date(2026, 11, 17), note=label,
    )  # fmt: skip


def counts(owner) -> dict[str, int]:
    return {
        model.__name__: model.objects.filter(owner=owner).count()
        for model in (Message, Reply, Conversation, FollowUp)
    }


def test_every_message_reply_conversation_and_followup_of_both_is_kept(alice, priya, priya_again):
    history(priya, label="first")
    history(priya_again, label="second")
    before = counts(alice)

    kept = merge_contacts(priya, priya_again)

    assert kept.pk == priya.pk
    after = counts(alice)
    assert (
        {k: after[k] for k in ("Message", "Reply", "Conversation")}
        == {k: before[k] for k in ("Message", "Reply", "Conversation")}
        == {"Message": 2, "Reply": 2, "Conversation": 2}
    )
    assert sorted(kept.messages.values_list("body", flat=True)) == ["Hello first", "Hello second"]
    assert kept.replies.count() == kept.conversations.count() == 2
    # Follow-ups are what the one merged history calls for: planning again changes nothing.
    planned = sorted(kept.followups.values_list("kind", "due_on", "done_at"))
    followup_plan.replan(kept)
    assert sorted(kept.followups.values_list("kind", "due_on", "done_at")) == planned
    assert FollowUp.objects.filter(owner=alice).count() == kept.followups.count()
    assert not Contact.objects.filter(pk=priya_again.pk).exists()


def test_people_the_duplicate_introduced_are_now_introduced_by_the_kept_contact(
    alice, priya, priya_again
):
    sam = make.contact(alice, "Sam", introduced_by=priya_again)
    kim = make.contact(alice, "Kim", introduced_by=priya)

    merge_contacts(priya, priya_again)

    assert set(priya.introduced.all()) == {sam, kim}


def test_an_introduction_between_the_two_does_not_become_an_introduction_of_oneself(alice, priya):
    kim = make.contact(alice, "Kim Ode")
    introduced = make.contact(alice, "Priya Shah", introduced_by=priya)
    priya.introduced_by = kim
    priya.save()

    kept = merge_contacts(introduced, priya)

    assert kept.introduced_by == kim
    assert "Also known: introduced by" not in kept.notes


def test_a_referral_of_the_duplicate_moves_to_the_kept_contact(alice, priya, priya_again):
    kim = make.contact(alice, "Kim")
    chat = Conversation.objects.create(owner=alice, contact=kim, scheduled_at=MONDAY)
    Referral.objects.create(conversation=chat, contact=priya_again, may_use_name=True)

    merge_contacts(priya, priya_again)

    assert Referral.objects.get().contact == priya
    assert chat.referrals.get().may_use_name


def test_when_both_were_referred_the_kept_referral_stays_and_the_other_is_noted(
    alice, priya, priya_again
):
    kim = make.contact(alice, "Kim Ode")
    tom = make.contact(alice, "Tom Reed")
    with_kim = Conversation.objects.create(owner=alice, contact=kim, scheduled_at=MONDAY)
    with_tom = Conversation.objects.create(owner=alice, contact=tom, scheduled_at=MONDAY)
    Referral.objects.create(conversation=with_kim, contact=priya)
    Referral.objects.create(conversation=with_tom, contact=priya_again, may_use_name=True)

    kept = merge_contacts(priya, priya_again)

    assert Referral.objects.get().conversation == with_kim
    assert "Also referred by Tom Reed in your conversation on 16 Nov 2026" in kept.notes
    assert "you may use their name" in kept.notes


def test_blank_details_are_filled_from_the_duplicate(priya, priya_again):
    kept = merge_contacts(priya, priya_again)

    assert kept.phone == "+44 20 7946 0000"
    assert kept.linkedin_url == "https://www.linkedin.com/in/priya-shah"
    assert kept.location == "London"
    assert kept.role == "Senior analyst"  # the kept contact's own details stay


def test_the_same_email_in_another_case_is_not_a_conflict(priya, priya_again):
    kept = merge_contacts(priya, priya_again)

    assert kept.email == "priya@greenbank.example"
    assert "Also known" not in kept.notes


def test_different_details_stay_and_the_duplicates_are_written_into_the_notes(
    alice, priya, priya_again
):
    acme = make.organization(alice, "Acme Climate")
    priya_again.email = "priya.shah@acme.example"
    priya_again.role = "Analyst"
    priya_again.organization = acme
    priya_again.how_known = HowKnown.LINKEDIN
    priya_again.save()

    kept = merge_contacts(priya, priya_again)

    assert (kept.email, kept.role, kept.organization.name) == (
        "priya@greenbank.example",
        "Senior analyst",
        "Green Bank",
    )
    assert kept.how_known == HowKnown.ALUMNI
    for line in (
        "Also known: email priya.shah@acme.example",
        "Also known: role Analyst",
        "Also known: organization Acme Climate",
        "Also known: how you know them LinkedIn",
    ):
        assert line in kept.notes


def test_two_web_addresses_that_are_not_linkedin_profiles_are_both_kept(priya, priya_again):
    priya.linkedin_url = "https://priya.example/about"
    priya.save()
    priya_again.linkedin_url = "https://greenbank.example/team/priya"
    priya_again.save()

    kept = merge_contacts(priya, priya_again)

    assert kept.linkedin_url == "https://priya.example/about"
    assert "Also known: LinkedIn URL https://greenbank.example/team/priya" in kept.notes


def test_the_duplicates_other_linkedin_url_and_email_are_kept_as_addresses_of_the_contact(
    priya, priya_again
):
    priya.linkedin_url = "https://www.linkedin.com/in/priya-s-old"
    priya.save()
    priya_again.email = "priya.shah@acme.example"
    priya_again.save()

    plan = plan_merge(priya, priya_again)
    kept = merge_contacts(priya, priya_again)

    expected = [
        ("linkedin", "https://www.linkedin.com/in/priya-shah"),
        ("email", "priya.shah@acme.example"),
    ]
    assert plan.other_addresses == expected
    assert list(kept.other_addresses.order_by("pk").values_list("kind", "address")) == expected
    assert {a.owner for a in kept.other_addresses.all()} == {priya.owner}
    assert "Also known: LinkedIn URL https://www.linkedin.com/in/priya-shah" in kept.notes


def test_a_cold_contact_learns_how_you_know_them_from_the_duplicate(priya, priya_again):
    priya.how_known = HowKnown.COLD  # the form's default: nobody said otherwise
    priya.save()
    priya_again.how_known = HowKnown.FRIEND
    priya_again.save()

    assert merge_contacts(priya, priya_again).how_known == HowKnown.FRIEND


def test_notes_of_both_are_kept_with_a_separator_and_their_source(priya, priya_again):
    priya.notes = "Met at the Leeds careers fair."
    priya.save()
    priya_again.notes = "Works on green bonds."
    priya_again.role = "Analyst"
    priya_again.save()

    notes = merge_contacts(priya, priya_again).notes

    assert notes.startswith("Met at the Leeds careers fair.\n\n---\n\n*From the merged record of")
    assert "Priya Shah, added" in notes
    assert notes.endswith("Works on green bonds.\n- Also known: role Analyst")


def test_the_duplicates_notes_are_moved_as_they_are_when_the_kept_contact_has_none(
    priya, priya_again
):
    priya_again.notes = "Works on green bonds."
    priya_again.save()

    assert merge_contacts(priya, priya_again).notes == "Works on green bonds."


def test_contacts_of_two_users_cannot_be_merged(alice, bob, priya):
    bobs = make.contact(bob, "Priya Shah")
    Message.objects.create(owner=bob, contact=bobs, body="Bob's", sent_at=MONDAY)

    with pytest.raises(ValueError):
        merge_contacts(priya, bobs)
    with pytest.raises(ValueError):
        merge_contacts(bobs, priya)

    assert Contact.objects.filter(pk__in=[priya.pk, bobs.pk]).count() == 2
    assert Message.objects.get().contact == bobs


def test_a_contact_cannot_be_merged_into_itself(priya):
    with pytest.raises(ValueError):
        merge_contacts(priya, priya)
    assert Contact.objects.filter(pk=priya.pk).exists()


def test_people_marked_different_from_the_duplicate_stay_different_from_the_kept_contact(
    alice, priya, priya_again
):
    other_priya = make.contact(alice, "Priya Shah", email="priya@greenbank.example")
    mark_not_duplicate(owner=alice, first=priya_again, second=other_priya)
    mark_not_duplicate(owner=alice, first=priya, second=other_priya)
    mark_not_duplicate(owner=alice, first=priya, second=priya_again)

    merge_contacts(priya, priya_again)

    assert likely_duplicates(alice) == []


def test_the_plan_says_what_moves_and_writes_nothing(alice, priya, priya_again):
    history(priya_again, label="second")
    make.contact(alice, "Sam", introduced_by=priya_again)

    plan = plan_merge(priya, priya_again)

    assert plan.moves == [
        (1, "message"),
        (1, "reply"),
        (1, "conversation"),
        (1, "follow-up"),
        (1, "person they introduced"),
    ]
    assert plan.filled == ["phone", "LinkedIn URL", "location"]
    assert plan.result.phone == "+44 20 7946 0000"
    priya.refresh_from_db()
    assert priya.phone == ""
    assert Contact.objects.filter(pk=priya_again.pk).exists()


def test_where_a_record_came_from_is_not_noted_as_a_difference(priya, priya_again):
    priya_again.source = Source.LINKEDIN
    priya_again.imported_at = MONDAY
    priya_again.save()

    kept = merge_contacts(priya, priya_again)

    assert kept.source == Source.MANUAL  # the kept record's own origin
    assert kept.imported_at == MONDAY  # blank on the kept record: filled
    assert "Also known" not in kept.notes


def test_a_moved_conversation_is_a_new_version_for_subscribed_calendars(alice, priya, priya_again):
    chat = make.conversation(priya_again, at=MONDAY)
    before = Conversation.objects.get(pk=chat.pk).sequence

    merge_contacts(priya, priya_again)

    moved = Conversation.objects.get(pk=chat.pk)
    assert moved.contact_id == priya.pk
    assert moved.sequence == before + 1  # calendars replace the event that named the duplicate
