"""The contact form keeps the given and family name first and the other parts of a name behind
"More name details", which opens by itself once any is filled; the contact page shows the
formal name and the name they go by."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact


def form_data(**overrides: object) -> dict[str, object]:
    return {"first_name": "John", "last_name": "Public", "how_known": "cold", **overrides}


def details_tag(page: str) -> str:
    match = re.search(r"<details class=\"name-details\"[^>]*>", page)
    assert match, "no More name details disclosure"
    return match.group(0)


def test_the_new_contact_form_puts_the_name_first_and_the_details_behind_a_closed_disclosure(
    alice_client,
):
    page = alice_client.get(reverse("people:contact_new")).content.decode()
    assert "open" not in details_tag(page)
    assert "<summary>More name details</summary>" in page
    order = [
        page.index('name="first_name"'),
        page.index('name="last_name"'),
        page.index("More name details"),
        page.index('name="honorific"'),
        page.index('name="middle_name"'),
        page.index('name="suffix"'),
        page.index('name="goes_by"'),
        page.index('name="email"'),
    ]
    assert order == sorted(order)
    for label in ("Title", "Middle name", "Suffix", "Goes by"):
        assert f">{label}</label>" in page


def test_adding_someone_with_every_part_shows_them_on_their_page(alice_client, alice):
    response = alice_client.post(
        reverse("people:contact_new"),
        form_data(honorific="Dr.", middle_name="Quinlan", suffix="III", goes_by="Johnny"),
    )
    john = Contact.objects.get(owner=alice)
    assert response.status_code == 302
    page = alice_client.get(john.get_absolute_url()).content.decode()
    assert re.search(r"<h1>Dr\. John Quinlan Public III ", page)
    assert '<p class="goes-by">goes by Johnny</p>' in page
    # Lists keep given and family name.
    listing = alice_client.get(reverse("people:contacts")).content.decode()
    assert "John Public" in listing
    assert "Dr. John" not in listing


def test_the_edit_form_opens_the_details_when_any_is_filled(alice_client, alice):
    plain = make.contact(alice, "Sam Lee")
    called = make.contact(alice, "William Ng", goes_by="Bill")
    plain_page = alice_client.get(reverse("people:contact_edit", args=[plain.pk])).content
    called_page = alice_client.get(reverse("people:contact_edit", args=[called.pk])).content
    assert " open" not in details_tag(plain_page.decode())
    assert " open" in details_tag(called_page.decode())


def test_autosave_saves_the_name_they_go_by_and_refuses_a_title_too_long(alice_client, alice):
    john = make.contact(alice, "John Public")
    url = reverse("people:contact_edit", args=[john.pk])
    response = alice_client.post(url, form_data(goes_by="Johnny"), HTTP_HX_REQUEST="true")
    assert "Saved" in response.content.decode()
    john.refresh_from_db()
    assert john.goes_by == "Johnny"

    response = alice_client.post(url, form_data(honorific="D" * 41), HTTP_HX_REQUEST="true")
    assert "Title: Ensure this value has at most 40 characters" in response.content.decode()
    john.refresh_from_db()
    assert (john.honorific, john.goes_by) == ("", "Johnny")


@pytest.mark.parametrize("name", ["contact", "contact_edit"])
def test_another_users_contact_is_still_a_404(bob_client, alice, name):
    john = make.contact(alice, "John Public", goes_by="Johnny")
    url = reverse(f"people:{name}", args=[john.pk])
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url, form_data(goes_by="Hacked")).status_code == 404
    john.refresh_from_db()
    assert john.goes_by == "Johnny"
