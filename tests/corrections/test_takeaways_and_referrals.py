"""Advice, resources and referrals noted in a conversation can be corrected or deleted."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact
from coffeechat.pages.insights.queries import insight_facts
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.conversations.models import Referral, Takeaway
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import conversation_changes
from corrections.conftest import feed_events, send, text


@pytest.fixture
def advice(held_with_kim) -> Takeaway:
    return held_with_kim.takeaways.get(kind="advice")


@pytest.fixture
def resource(held_with_kim) -> Takeaway:
    return held_with_kim.takeaways.get(kind="resource")


@pytest.fixture
def referral(held_with_kim) -> Referral:
    return held_with_kim.referrals.select_related("contact").get()


def url(name: str, obj: object) -> str:
    return reverse(f"conversations:{name}", args=[obj.pk])


def loop_notes(kim: Contact) -> list[str]:
    loops = FollowUp.objects.filter(contact=kim, kind=Kind.CLOSE_THE_LOOP, done_at=None)
    return list(loops.values_list("note", flat=True))


def titles(user: object) -> list[str]:
    return [item.title for item in today_items(user)]


# Advice and resources


def test_advice_and_resources_show_on_the_givers_timeline_with_their_corrections(
    alice_client, kim, advice, resource
):
    page = alice_client.get(kim.get_absolute_url()).content.decode()

    assert "Advice: “Join the CFA climate group”" in text(page)
    assert "Resource: “The Green Finance podcast”" in text(page)
    for takeaway in (advice, resource):
        assert f'href="{url("takeaway_edit", takeaway)}"' in page
        assert f'href="{url("takeaway_delete", takeaway)}"' in page


def test_the_text_of_advice_is_corrected(alice_client, advice, kim):
    response = alice_client.post(url("takeaway_edit", advice), {"text": "Join the CFA society"})

    assert response.url == kim.get_absolute_url() + "#timeline"
    advice.refresh_from_db()
    assert advice.text == "Join the CFA society"


def test_an_empty_text_is_refused(alice_client, advice):
    response = alice_client.post(url("takeaway_edit", advice), {"text": "  "})

    assert "Write the takeaway, or delete it instead." in text(response.content.decode())
    advice.refresh_from_db()
    assert advice.text == "Join the CFA climate group"


def test_ticking_advice_as_acted_on_owes_its_giver_news(alice, alice_client, advice, kim):
    alice_client.post(url("takeaway_edit", advice), {"text": advice.text, "acted_on": "on"})

    advice.refresh_from_db()
    assert advice.acted_on_at == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert loop_notes(kim) == [
        "You acted on Kim's advice: “Join the CFA climate group”. Tell Kim what came of it."
    ]


def test_correcting_acted_on_advice_rewrites_the_news_owed_and_the_calendar_sees_it(
    alice, alice_client, advice, kim
):
    conversation_changes.set_acted_on(advice, True)
    [before] = [e for e in feed_events(alice) if "Close the loop" in e["SUMMARY"]]

    alice_client.post(
        url("takeaway_edit", advice), {"text": "Join the CFA society", "acted_on": "on"}
    )

    assert loop_notes(kim) == [
        "You acted on Kim's advice: “Join the CFA society”. Tell Kim what came of it."
    ]
    [after] = [e for e in feed_events(alice) if "Close the loop" in e["SUMMARY"]]
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_unticking_advice_withdraws_the_news_owed(alice, alice_client, advice, kim):
    conversation_changes.set_acted_on(advice, True)

    alice_client.post(url("takeaway_edit", advice), {"text": advice.text})

    advice.refresh_from_db()
    assert advice.acted_on_at is None
    assert loop_notes(kim) == []


def test_a_resource_is_never_acted_on(alice_client, resource):
    page = alice_client.get(url("takeaway_edit", resource)).content.decode()
    alice_client.post(url("takeaway_edit", resource), {"text": "The podcast", "acted_on": "on"})

    assert 'name="acted_on"' not in page
    resource.refresh_from_db()
    assert (resource.text, resource.acted_on_at) == ("The podcast", None)


def test_deleting_advice_asks_first(alice_client, advice):
    page = text(alice_client.get(url("takeaway_delete", advice)).content.decode())

    assert "Delete advice “Join the CFA climate group”?" in page
    assert "It leaves your conversation with Kim Ode on Tue 17 Nov 2026" in page
    assert Takeaway.objects.filter(pk=advice.pk).exists()


def test_deleting_acted_on_advice_takes_its_news_off_today(alice, alice_client, advice, kim):
    conversation_changes.set_acted_on(advice, True)
    assert "Close the loop with Kim Ode" in titles(alice)

    response = alice_client.post(url("takeaway_delete", advice))

    assert response.url == kim.get_absolute_url() + "#timeline"
    assert not Takeaway.objects.filter(pk=advice.pk).exists()
    assert "Close the loop with Kim Ode" not in titles(alice)
    page = text(alice_client.get(kim.get_absolute_url()).content.decode())
    assert "Advice: “Join the CFA" not in page


# Referrals


def test_a_referral_shows_on_the_referrers_timeline(alice_client, kim, referral):
    page = alice_client.get(kim.get_absolute_url()).content.decode()

    assert "Referral: Sam Lee" in text(page)
    assert f'<a href="{referral.contact.get_absolute_url()}">Open contact</a>' in page
    assert f'href="{url("referral_edit", referral)}"' in page
    assert f'href="{url("referral_delete", referral)}"' in page


def test_a_referrals_name_is_corrected(alice, alice_client, kim, referral):
    response = alice_client.post(
        url("referral_edit", referral),
        {"first_name": "Samira", "last_name": "Lee", "may_use_name": "on"},
    )

    assert response.url == kim.get_absolute_url() + "#timeline"
    referral.refresh_from_db()
    referral.contact.refresh_from_db()
    assert referral.contact.full_name == "Samira Lee"
    assert referral.may_use_name
    assert "Contact referral Samira Lee" in titles(alice)


def test_a_referral_needs_a_first_name(alice_client, referral):
    response = alice_client.post(url("referral_edit", referral), {"first_name": ""})

    assert "Give at least their first name." in text(response.content.decode())


def test_deleting_a_referral_with_nothing_else_recorded_offers_to_delete_the_person(
    alice, alice_client, referral
):
    sam = referral.contact
    confirm = text(alice_client.get(url("referral_delete", referral)).content.decode())

    response = alice_client.post(url("referral_delete", referral), follow=True)

    assert "Delete referral “Sam Lee”?" in confirm
    assert "Nothing else is recorded with Sam Lee: the next page offers to delete them" in confirm
    assert response.redirect_chain == [(reverse("people:contact_delete", args=[sam.pk]), 302)]
    assert "Delete contact “Sam Lee”?" in text(response.content.decode())
    assert not Referral.objects.filter(pk=referral.pk).exists()
    assert Contact.objects.filter(pk=sam.pk).exists()  # until that second confirmation
    assert insight_facts(alice).referrals_in_held == 0

    alice_client.post(reverse("people:contact_delete", args=[sam.pk]))

    assert not Contact.objects.filter(pk=sam.pk).exists()
    assert "Contact referral Sam Lee" not in titles(alice)


def test_deleting_a_referral_keeps_a_person_with_their_own_history(alice_client, kim, referral):
    sam = referral.contact
    send(sam, "request", datetime(2026, 11, 18, 9, 0, tzinfo=UTC))
    confirm = text(alice_client.get(url("referral_delete", referral)).content.decode())

    response = alice_client.post(url("referral_delete", referral))

    assert "Sam Lee stays in your contacts with everything recorded with them." in confirm
    assert response.url == kim.get_absolute_url() + "#timeline"
    assert Contact.objects.filter(pk=sam.pk).exists()
    assert sam.messages.count() == 1


# Only the owner


@pytest.mark.parametrize("name", ["takeaway_edit", "takeaway_delete"])
def test_another_users_takeaway_is_not_found(bob_client, advice, name):
    assert bob_client.get(url(name, advice)).status_code == 404
    assert bob_client.post(url(name, advice), {"text": "Mine now"}).status_code == 404

    advice.refresh_from_db()
    assert advice.text == "Join the CFA climate group"


@pytest.mark.parametrize("name", ["referral_edit", "referral_delete"])
def test_another_users_referral_is_not_found(bob_client, referral, name):
    assert bob_client.get(url(name, referral)).status_code == 404
    assert bob_client.post(url(name, referral), {"first_name": "Bo"}).status_code == 404

    assert Referral.objects.filter(pk=referral.pk).exists()
    referral.contact.refresh_from_db()
    assert referral.contact.first_name == "Sam"
