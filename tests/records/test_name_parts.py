"""Every part of a name survives the way out and back in: the JSON export and restore (older
exports without the parts still restore), the vCard export (N with all five parts, NICKNAME)
and the contacts spreadsheet."""

from __future__ import annotations

import vobject

import factories as make
from coffeechat.edges.imports.services import import_file
from coffeechat.edges.records.restore import restore
from coffeechat.edges.records.tables import TABLES, table_text
from coffeechat.edges.records.vcards import vcard_text
from coffeechat.network.people.models import Contact
from records.helpers import export_document

PARTS = ("honorific", "first_name", "middle_name", "last_name", "suffix", "goes_by")


def parts_of(user: object) -> list[tuple[str, ...]]:
    contacts = Contact.objects.filter(owner=user).order_by("first_name")
    return [tuple(getattr(contact, name) for name in PARTS) for contact in contacts]


def add_people(owner: object) -> None:
    make.contact(
        owner,
        first_name="John",
        last_name="Public",
        honorific="Dr.",
        middle_name="Quinlan",
        suffix="III",
        goes_by="Johnny",
        email="john@public.example",
    )
    make.contact(owner, first_name="민준", last_name="김", goes_by="MJ", email="mj@kim.example")
    make.contact(owner, first_name="Sam", last_name="Lee", email="sam@lee.example")


EXPECTED = [
    ("Dr.", "John", "Quinlan", "Public", "III", "Johnny"),
    ("", "Sam", "", "Lee", "", ""),
    ("", "민준", "", "김", "", "MJ"),
]


def test_export_then_restore_keeps_every_part_of_every_name(alice, carol):
    add_people(alice)
    assert parts_of(alice) == EXPECTED

    restore(carol, export_document(alice))

    assert parts_of(carol) == EXPECTED


def test_an_export_from_before_the_name_parts_restores_them_empty(alice, carol):
    make.contact(alice, "Sam Lee")
    document = export_document(alice)
    for key in ("honorific", "middle_name", "suffix", "goes_by"):
        del document["contacts"][0][key]

    restore(carol, document)

    assert parts_of(carol) == [("", "Sam", "", "Lee", "", "")]


def test_the_vcard_export_writes_all_five_parts_of_n_and_the_nickname(alice):
    add_people(alice)
    cards = {card.uid.value: card for card in vobject.readComponents(vcard_text(alice))}
    john = Contact.objects.get(owner=alice, first_name="John")
    card = cards[f"coffeechat-contact-{john.pk}"]
    name = card.n.value
    assert (name.prefix, name.given, name.additional, name.family, name.suffix) == (
        "Dr.",
        "John",
        "Quinlan",
        "Public",
        "III",
    )
    assert card.nickname.value == "Johnny"
    assert card.fn.value == "Dr. John Quinlan Public III"
    kim = Contact.objects.get(owner=alice, last_name="김")
    assert cards[f"coffeechat-contact-{kim.pk}"].fn.value == "김민준"
    sam = Contact.objects.get(owner=alice, first_name="Sam")
    assert not hasattr(cards[f"coffeechat-contact-{sam.pk}"], "nickname")


def test_the_vcard_export_imports_into_another_account_with_every_part(alice, carol):
    add_people(alice)
    report = import_file(carol, "vcard", vcard_text(alice).encode(), "contacts.vcf")
    assert report.added == 3
    assert parts_of(carol) == EXPECTED


def test_the_contacts_spreadsheet_carries_every_part_into_another_account(alice, carol):
    add_people(alice)
    data = table_text(TABLES["contacts"], alice).encode()
    header = data.decode().lstrip("\ufeff").splitlines()[0]
    assert header.startswith("First Name,Last Name,Title,Middle Name,Suffix,Goes By,Email")

    report = import_file(carol, "coffeechat", data, "contacts.csv")

    assert report.added == 3
    assert parts_of(carol) == EXPECTED


def test_a_spreadsheet_from_before_the_name_parts_still_imports(carol):
    data = (
        b"First Name,Last Name,Email,Phone,LinkedIn URL,Organization,Role,Location,Education,"
        b"How Known,Introduced By,Notes,Added,Updated\r\n"
        b"Sam,Lee,sam@lee.example,,,,,,,Friend,,,,\r\n"
    )
    report = import_file(carol, "coffeechat", data, "contacts.csv")
    assert report.added == 1
    assert parts_of(carol) == [("", "Sam", "", "Lee", "", "")]
