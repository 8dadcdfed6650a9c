"""Bulk actions on the people ticked in the Contacts list: only ever the user's own."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message

BULK = reverse("people:bulk")


def people(owner, *names: str) -> list[Contact]:
    return [make.contact(owner, name) for name in names]


def test_it_sets_how_you_know_the_selected_people_and_goes_back_to_the_same_page(
    alice_client, alice
):
    ann, bo, _cy = people(alice, "Ann Able", "Bo Brown", "Cy Cole")
    back = reverse("people:contacts") + "?sort=-name&page=1"
    response = alice_client.post(
        BULK,
        {"contact": [ann.pk, bo.pk], "action": "how_known", "how_known": "alumni", "next": back},
    )
    assert response.status_code == 302 and response.url == back
    known = dict(Contact.objects.values_list("first_name", "how_known"))
    assert known == {"Ann": "alumni", "Bo": "alumni", "Cy": "cold"}
    page = unescape(alice_client.get(back).content.decode())
    assert "How you know them: Alumni, for 2 people." in page


def test_setting_keep_in_touch_moves_each_ones_next_update(alice_client, alice):
    ann, bo = people(alice, "Ann Able", "Bo Brown")
    for person in (ann, bo):
        make.held(person, at=timezone.now() - timedelta(days=3))
    alice_client.post(
        BULK, {"contact": [ann.pk, bo.pk], "action": "keep_in_touch", "keep_in_touch": "never"}
    )
    assert set(Contact.objects.values_list("keep_in_touch", flat=True)) == {"never"}
    assert not FollowUp.objects.open().filter(kind="keep_in_touch").exists()


def test_delete_first_asks_naming_a_few_and_the_count_then_deletes_on_confirmation(
    alice_client, alice
):
    chosen = people(alice, *(f"P{index} Doe" for index in range(7)))
    make.request_sent(chosen[0])
    ids = [person.pk for person in chosen]
    asked = alice_client.post(BULK, {"contact": ids, "action": "delete"})
    page = unescape(asked.content.decode())
    assert asked.status_code == 200
    assert "Delete 7 people?" in page
    assert "P0 Doe" in page and "P4 Doe" in page and "and 2 more" in page
    assert Contact.objects.count() == 7  # nothing deleted yet
    done = alice_client.post(BULK, {"contact": ids, "action": "delete_confirmed"}, follow=True)
    assert Contact.objects.count() == 0 and Message.objects.count() == 0
    assert "Deleted 7 people." in unescape(done.content.decode())


def test_another_users_contacts_are_ignored_in_a_selection(alice_client, alice, bob):
    (ann,) = people(alice, "Ann Able")
    (bobs,) = people(bob, "Bo Brown")
    alice_client.post(BULK, {"contact": [ann.pk, bobs.pk], "action": "delete_confirmed"})
    assert list(Contact.objects.values_list("first_name", flat=True)) == ["Bo"]


def test_a_selection_of_only_another_users_contacts_is_a_404(alice_client, bob):
    (bobs,) = people(bob, "Bo Brown")
    for action in ("delete", "delete_confirmed", "how_known"):
        response = alice_client.post(
            BULK, {"contact": [bobs.pk], "action": action, "how_known": "friend"}
        )
        assert response.status_code == 404
    assert Contact.objects.get().how_known == "cold"


def test_nothing_selected_says_so(alice_client, alice):
    people(alice, "Ann Able")
    done = alice_client.post(BULK, {"action": "delete"}, follow=True)
    assert "Select at least one person first." in unescape(done.content.decode())
    assert Contact.objects.count() == 1


def test_a_bulk_action_needs_the_csrf_token_and_a_post(alice, alice_client):
    (ann,) = people(alice, "Ann Able")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(
        alice, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    response = strict.post(BULK, {"contact": [ann.pk], "action": "delete_confirmed"})
    assert response.status_code == 403
    assert alice_client.get(BULK).status_code == 405
    assert Contact.objects.count() == 1


def test_a_next_address_off_the_site_is_not_followed(alice_client, alice):
    (ann,) = people(alice, "Ann Able")
    response = alice_client.post(
        BULK,
        {
            "contact": [ann.pk],
            "action": "how_known",
            "how_known": "friend",
            "next": "https://evil.example/",
        },
    )
    assert response.url == reverse("people:contacts")


def test_their_organizations_go_on_and_off_the_target_list(alice_client, alice, bob):
    from coffeechat.network.research.models import Organization

    northwind = make.organization(alice, "Northwind", is_target=False)
    greenbank = make.organization(alice, "Greenbank", is_target=False)
    ann = make.contact(alice, "Ann Able", organization=northwind)
    bo = make.contact(alice, "Bo Brown", organization=greenbank)
    cy = make.contact(alice, "Cy Cole")  # nowhere: nothing to add
    bobs = make.organization(bob, "Bob's Employer", is_target=False)
    bobs_person = make.contact(bob, "Dee Dunn", organization=bobs)
    ids = [ann.pk, bo.pk, cy.pk, bobs_person.pk]

    alice_client.post(BULK, {"contact": ids, "action": "make_targets"})
    page = unescape(alice_client.get(reverse("people:contacts")).content.decode())
    assert "Now on your target list: Greenbank, Northwind." in page
    targets = dict(Organization.objects.values_list("name", "is_target"))
    assert targets == {"Northwind": True, "Greenbank": True, "Bob's Employer": False}

    alice_client.post(BULK, {"contact": [ann.pk], "action": "not_targets"})
    page = unescape(alice_client.get(reverse("people:contacts")).content.decode())
    assert "Taken off your target list (kept as known employers): Northwind." in page
    assert not Organization.objects.get(name="Northwind").is_target
    assert Organization.objects.get(name="Greenbank").is_target
