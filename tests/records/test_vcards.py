"""vCard 3.0 export of contacts: what vobject (and so an address book) reads back."""

from __future__ import annotations

import vobject
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as make
from coffeechat.edges.records.vcards import vcard_text
from coffeechat.method.importers import parse_vcard
from coffeechat.network.people.models import Contact
from records.richdata import fill_account


def cards(text: str) -> list:
    return list(vobject.readComponents(text))


def test_a_contact_comes_back_with_every_detail(alice):
    acme = make.organization(alice, "Acme; Climate, Ltd")
    make.contact(
        alice,
        first_name="Zoë 李",
        last_name="Ørsted, Jr",
        email="zoe@acme.example",
        phone="+44 20 7946 0000",
        linkedin_url="https://www.linkedin.com/in/zoe",
        org=acme,
        role="Senior analyst",
        notes="Met at the fair.\nLikes \\ backslashes; commas, too. " + "long " * 30,
    )

    (card,) = cards(vcard_text(alice))

    assert card.version.value == "3.0"
    assert card.fn.value == "Zoë 李 Ørsted, Jr"
    assert (card.n.value.given, card.n.value.family) == ("Zoë 李", "Ørsted, Jr")
    assert card.org.value == ["Acme; Climate, Ltd"]
    assert card.title.value == "Senior analyst"
    assert card.email.value == "zoe@acme.example"
    assert card.email.type_param == "INTERNET"
    assert card.tel.value == "+44 20 7946 0000"
    assert card.url.value == "https://www.linkedin.com/in/zoe"
    assert card.note.value == "Met at the fair.\nLikes \\ backslashes; commas, too. " + "long " * 30


def test_empty_details_are_left_out_and_a_nameless_contact_still_has_a_name(alice):
    make.contact(alice, first_name="", email="someone@example.org")

    (card,) = cards(vcard_text(alice))

    assert card.fn.value == "someone@example.org"
    assert not hasattr(card, "org")
    assert not hasattr(card, "tel")
    assert not hasattr(card, "note")
    assert not hasattr(card, "adr")


def test_every_contact_of_a_rich_account_is_a_card_and_only_the_users_own(alice, bob):
    fill_account(alice, contacts=30)
    make.contact(bob, first_name="Bob's friend")

    parsed = cards(vcard_text(alice))

    assert len(parsed) == 30
    expected = Contact.objects.filter(owner=alice).order_by("first_name", "last_name", "pk")
    assert [card.note.value for card in parsed] == [
        contact.notes.replace("\r\n", "\n").replace("\r", "\n") for contact in expected
    ]
    assert "Bob's friend" not in vcard_text(alice)


def test_the_number_of_queries_does_not_grow_with_the_contacts(alice, bob):
    fill_account(alice, contacts=3, seed=1)
    fill_account(bob, contacts=40, seed=2)

    def queries(user: object) -> int:
        with CaptureQueriesContext(connection) as captured:
            vcard_text(user)
        return len(captured)

    assert queries(bob) == queries(alice)


def test_the_location_goes_out_as_an_address_the_import_reads_back_as_written(alice):
    written = ["Pittsburgh, PA", "London", "Seoul, South Korea", "Brooklyn, New York, USA"]
    for number, location in enumerate(written):
        make.contact(alice, first_name=f"P{number}", last_name="Lee", location=location)

    text = vcard_text(alice)

    first = cards(text)[0]
    assert (first.adr.value.city, first.adr.value.region) == ("Pittsburgh", "PA")
    assert [row.location for row in parse_vcard(text).rows] == written
