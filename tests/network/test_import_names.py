"""Importing keeps the parts of a name: stored on the new contact, filled in on one already
there, never written over what the user typed, and all or nothing like every import."""

from __future__ import annotations

import factories as make
from coffeechat.edges.imports.plan import UPDATE
from coffeechat.edges.imports.services import import_file
from coffeechat.network.people.models import Contact

PUBLIC_CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Public;John;Quinlan;Dr.;III\r\n"
    "FN:Dr. John Q. Public\\, III\r\nNICKNAME:Johnny\r\nEMAIL:john@public.example\r\n"
    "END:VCARD\r\n"
)


def name_parts(contact: Contact) -> tuple[str, ...]:
    return (
        contact.honorific,
        contact.first_name,
        contact.middle_name,
        contact.last_name,
        contact.suffix,
        contact.goes_by,
    )


def test_a_vcard_import_stores_every_part_and_the_contact_page_shows_the_formal_name(
    alice, alice_client
):
    report = import_file(alice, "vcard", PUBLIC_CARD.encode(), "public.vcf")
    assert report.added == 1
    john = Contact.objects.get(owner=alice)
    assert name_parts(john) == ("Dr.", "John", "Quinlan", "Public", "III", "Johnny")
    page = alice_client.get(john.get_absolute_url()).content.decode()
    assert "Dr. John Quinlan Public III" in page
    assert "goes by Johnny" in page


def test_a_re_import_fills_the_missing_parts_and_keeps_what_the_user_typed(alice):
    john = make.contact(alice, "John Public", email="john@public.example", goes_by="Jack")
    report = import_file(alice, "vcard", PUBLIC_CARD.encode(), "public.vcf")
    assert (report.added, report.updated) == (0, 1)
    [action] = report.actions
    assert action.action == UPDATE
    assert "adds title, middle name, name suffix" in action.detail
    john.refresh_from_db()
    # "Jack" was typed by the user: the file's "Johnny" does not replace it.
    assert name_parts(john) == ("Dr.", "John", "Quinlan", "Public", "III", "Jack")

    again = import_file(alice, "vcard", PUBLIC_CARD.encode(), "public.vcf")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_an_import_with_a_bad_name_part_writes_nothing(alice):
    header = "Title,First Name,Middle Name,Last Name,Suffix,Nickname,E-mail Address"
    data = (
        f"{header}\r\n"
        "Dr.,John,Quinlan,Public,III,Johnny,john@public.example\r\n"
        f"Ms.,Ada,,Okafor,{'X' * 50},,ada@okafor.example\r\n"
    ).encode()
    report = import_file(alice, "outlook", data, "contacts.csv")
    assert report.refused
    assert [issue.line for issue in report.problems] == [3]
    assert not Contact.objects.filter(owner=alice).exists()

    kept = import_file(alice, "outlook", data, "contacts.csv", skip_bad_rows=True)
    assert kept.added == 1
    assert name_parts(Contact.objects.get(owner=alice))[0] == "Dr."


def test_a_korean_name_imported_from_a_vcard_is_listed_family_name_first(alice, alice_client):
    card = "BEGIN:VCARD\r\nVERSION:4.0\r\nN:김;민준;;;\r\nFN:김민준\r\nEND:VCARD\r\n"
    import_file(alice, "vcard", card.encode(), "kim.vcf")
    listing = alice_client.get("/contacts/").content.decode()
    assert "김민준" in listing
    assert "민준 김" not in listing
