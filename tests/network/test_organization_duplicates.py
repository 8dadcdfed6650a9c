"""Organizations entered twice: offered side by side, merged on confirmation, nothing lost."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.research.models import Organization


def test_near_duplicate_organizations_are_offered_side_by_side(alice_client, alice, bob):
    make.organization(alice, "Deloitte")
    make.organization(alice, "Deloite LLP", is_target=False)
    make.organization(alice, "Accenture")
    make.organization(bob, "Deloitte")
    page = alice_client.get(reverse("network:organization_duplicates")).content.decode()
    assert 'aria-label="Deloitte and Deloite LLP"' in page
    assert "Accenture" not in page
    assert page.count('class="card duplicate-pair"') == 1


def test_merging_asks_first_then_moves_contacts_and_keeps_both_notes(alice_client, alice):
    keep = make.organization(alice, "Deloitte", notes="Audit and consulting.", is_target=False)
    other = make.organization(
        alice, "Deloite", notes="Kim says the Chicago office hires in spring.",
        website="https://deloitte.example", is_target=True,
    )  # fmt: skip
    make.contact(alice, "Kim Lee", org=other)
    url = reverse("network:organization_merge", args=[keep.pk, other.pk])
    page = alice_client.get(url).content.decode()
    assert "1 contact moves to Deloitte" in page
    assert Organization.objects.filter(pk=other.pk).exists()  # nothing before confirming

    response = alice_client.post(url, follow=True)
    assert "Merged Deloite into Deloitte." in response.content.decode()
    keep.refresh_from_db()
    assert not Organization.objects.filter(pk=other.pk).exists()
    assert keep.contacts.get().first_name == "Kim"
    assert "Audit and consulting." in keep.notes
    assert "Kim says the Chicago office hires in spring." in keep.notes
    assert keep.website == "https://deloitte.example"
    assert keep.is_target is True


def test_another_users_organization_cannot_be_merged(alice_client, alice, bob):
    mine = make.organization(alice, "Deloitte")
    bobs = make.organization(bob, "Deloitte")
    for args in ([mine.pk, bobs.pk], [bobs.pk, mine.pk]):
        url = reverse("network:organization_merge", args=args)
        assert alice_client.post(url).status_code == 404
    assert Organization.objects.filter(pk=bobs.pk).exists()


def test_a_pair_marked_different_is_not_offered_again(alice_client, alice):
    deloitte = make.organization(alice, "Deloitte")
    deloite = make.organization(alice, "Deloite")
    url = reverse("network:organizations_different", args=[deloite.pk, deloitte.pk])
    response = alice_client.post(url, follow=True)
    page = response.content.decode()
    assert "Noted: Deloite and Deloitte are different organizations." in page
    assert "No likely duplicate organizations." in page
    assert Organization.objects.filter(owner=alice).count() == 2


def test_another_users_organizations_cannot_be_marked_different(alice_client, alice, bob):
    mine = make.organization(alice, "Deloitte")
    bobs = make.organization(bob, "Deloite")
    url = reverse("network:organizations_different", args=[mine.pk, bobs.pk])
    assert alice_client.post(url).status_code == 404
