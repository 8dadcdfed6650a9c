"""The parsers read each kind of export as its program writes it, and refuse the wrong file
with a message that names it and says what to do."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from coffeechat.method.importers import (
    ImportFileError,
    decode,
    linkedin_key,
    linkedin_url,
    parse,
    parse_linkedin,
    parse_vcard,
    with_problems,
)
from coffeechat.method.importers.values import parse_date, split_location, valid_email

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"


def read(kind: str, name: str):
    return parse(kind, (FIXTURES / name).read_bytes(), name)


def names(result) -> list[str]:
    return [row.full_name for row in result.rows]


# LinkedIn


def test_a_current_linkedin_export_is_read_below_its_notes():
    result = read("linkedin", "linkedin_connections.csv")
    assert names(result) == [
        "Priya Shah", "Zoë Müller", "José Ñuñez", "Siobhán O'Connor", "李小龍", "Marcus Webb",
    ]  # fmt: skip
    priya = result.rows[0]
    assert priya.line == 5
    assert priya.organization == "Green Bank"
    assert priya.role == "Senior Analyst"
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-shah-4b1a2c"
    assert priya.connected_on == date(2025, 6, 18)
    assert result.rows[1].organization == "Climate Partners, Inc."
    assert result.rows[2].email == "jose.nunez@example.es"
    assert result.problems == []


def test_a_linkedin_connection_without_a_name_is_skipped_with_the_reason():
    result = read("linkedin", "linkedin_connections.csv")
    [(line, reason)] = result.skipped
    assert line == 8
    assert reason.startswith("no name (https://www.linkedin.com/in/ACoAABc3xYwBq1Z)")
    assert "LinkedIn leaves out the names" in reason


def test_a_trailing_slash_is_dropped_from_the_profile_address():
    result = read("linkedin", "linkedin_connections.csv")
    assert result.rows[-1].linkedin_url == "https://www.linkedin.com/in/marcus-webb"


def test_an_older_linkedin_export_has_no_notes_no_url_and_us_dates():
    result = read("linkedin", "linkedin_old.csv")
    assert names(result) == ["Aisha Bello", "Tom Novak", "Émilie Durand"]
    assert [row.connected_on for row in result.rows] == [
        date(2018, 1, 8), date(2017, 12, 24), date(2016, 3, 15),
    ]  # fmt: skip
    assert result.rows[0].linkedin_url == ""
    assert result.rows[0].line == 2


def test_columns_are_found_by_name_in_any_order():
    text = "Position,Connected On,Company,Last Name,First Name\nAnalyst,18 Jun 2025,Acme,Lee,Sam\n"
    [row] = parse_linkedin(text).rows
    assert (row.first_name, row.last_name, row.organization, row.role) == (
        "Sam", "Lee", "Acme", "Analyst",
    )  # fmt: skip


def test_bad_rows_are_problems_with_their_line_and_what_is_wrong():
    result = read("linkedin", "linkedin_with_problems.csv")
    assert [str(problem) for problem in result.problems] == [
        "line 6: the e-mail 'bob@' is not a valid address",
        "line 8: the profile address 'https://example.com/dana' is not a LinkedIn address",
    ]
    assert names(result) == ["Priya Shah", "Lena Fischer"]


def test_a_date_that_is_not_one_is_a_problem():
    text = "First Name,Last Name,Company,Position,Connected On\nSam,Lee,Acme,Analyst,someday\n"
    [problem] = parse_linkedin(text).problems
    assert problem == (2, "the date 'someday' in Connected On is not a date like 18 Jun 2025")


def test_a_value_too_long_to_store_is_a_problem():
    text = f"First Name,Last Name,Company,Position\nSam,Lee,{'A' * 201},Analyst\n"
    [problem] = parse_linkedin(text).problems
    assert problem.reason == "the organization is longer than 200 characters"


def test_a_quoted_value_with_line_breaks_does_not_shift_later_line_numbers():
    text = (
        'First Name,Last Name,Company,Position\n"Sam\nSamuel",Lee,Acme,Analyst\n'
        "Ana,Ruiz,Acme,Engineer\nBob,Stone,Acme,Bad\n"
    )
    result = parse_linkedin(text)
    assert [row.line for row in result.rows] == [2, 4, 5]


def test_blank_rows_are_passed_over_silently():
    text = "First Name,Last Name,Company,Position\n,,,\n\nSam,Lee,Acme,Analyst\n"
    result = parse_linkedin(text)
    assert names(result) == ["Sam Lee"]
    assert result.skipped == []


def test_a_semicolon_separated_file_is_read_too():
    [row] = parse_linkedin("First Name;Last Name;Company;Position\nSam;Lee;Acme, Inc;CFO\n").rows
    assert row.organization == "Acme, Inc"


# Google


def test_the_current_google_export_takes_the_primary_email_and_first_values():
    result = read("google", "google_contacts.csv")
    hannah = result.rows[0]
    assert hannah.full_name == "Hannah Osei"
    assert hannah.email == "hannah.osei@greenbank.example"
    assert hannah.other_emails == ("hannah@home.example", "h.osei@old.example")
    assert hannah.phone == "+44 7700 900123"
    assert hannah.linkedin_url == "https://www.linkedin.com/in/hannah-osei"
    assert hannah.location == "London, UK"
    assert hannah.labels == ("Friends",)
    assert 'ask about the climate bond desk"' in hannah.notes


def test_google_labels_drop_the_system_groups():
    result = read("google", "google_contacts.csv")
    assert [row.labels for row in result.rows] == [("Friends",), ("Family",), ("Coworkers",), ()]


def test_googles_referred_by_relation_is_read():
    mei = read("google", "google_contacts.csv").rows[2]
    assert (mei.full_name, mei.referred_by) == ("Mei Chen", "Hannah Osei")


def test_a_google_contact_with_only_an_email_is_skipped():
    assert read("google", "google_contacts.csv").skipped == [
        (8, "no name (newsletter@example.com)")
    ]


def test_the_legacy_google_export_is_read_too():
    result = read("google", "google_legacy.csv")
    grace, ngozi, asa = result.rows
    assert (grace.full_name, grace.organization, grace.role) == (
        "Grace Hopper", "US Navy", "Rear Admiral",
    )  # fmt: skip
    assert grace.other_emails == ("grace.hopper@yale.example",)
    assert grace.labels == ("Friends",)
    assert ngozi.full_name == "Ngozi Okafor"  # from "Name" when the parts are empty
    assert (asa.organization, asa.role) == ("Nordic Wind", "CFO")
    assert asa.linkedin_url == "https://www.linkedin.com/in/asa-lindqvist"


# Outlook


def test_outlook_reads_job_title_not_the_honorific_and_referred_by():
    sarah, david, laura, tim = read("outlook", "outlook_contacts.csv").rows
    assert (sarah.role, sarah.organization) == ("Director of Sustainability", "Contoso")
    assert sarah.location == "Redmond, WA, United States"
    assert sarah.linkedin_url == "https://www.linkedin.com/in/sarah-johnson-contoso"
    assert david.referred_by == "Sarah Johnson"
    assert laura.labels == ("Business", "Alumni")
    assert tim.location == "Seattle"


def test_an_exchange_internal_address_is_passed_over_for_the_next_email():
    david = read("outlook", "outlook_contacts.csv").rows[1]
    assert david.email == "david.park@fabrikam.example"


def test_a_latin1_outlook_file_is_decoded_as_windows_western():
    francois, jurgen = read("outlook", "outlook_latin1.csv").rows
    assert francois.full_name == "François Lefèvre"
    assert francois.organization == "Société Générale d'Énergie"
    assert francois.notes == "Café à 8 h — très sympa"
    assert jurgen.referred_by == "François Lefèvre"


# vCard


def test_a_vcard_3_file_with_many_cards_is_read_card_by_card():
    result = read("vcard", "contacts_v3.vcf")
    bruce, _zoe, jose = result.rows
    assert (bruce.full_name, bruce.line) == ("Bruce Lee", 1)
    assert bruce.organization == "Golden Harvest, Ltd."
    assert bruce.role == "Actor, director and martial artist"  # a folded line
    assert bruce.email == "bruce.lee@goldenharvest.example"  # the preferred one first
    assert bruce.other_emails == ("bruce@home.example",)
    assert bruce.location == "Hong Kong, China"
    assert bruce.notes == 'Philosophy: "be water"\nLikes tea; hates coffee, mostly.\nPath: C:\\dojo'
    assert bruce.labels == ("Friends", "Film")
    assert bruce.linkedin_url == "https://www.linkedin.com/in/bruce-lee-hk"
    assert jose.linkedin_url == "https://www.linkedin.com/in/jose-nunez-madrid"
    assert jose.full_name == "José Ñuñez"


def test_vcard_21_quoted_printable_with_soft_line_breaks_is_decoded():
    zoe = read("vcard", "contacts_v3.vcf").rows[1]
    assert zoe.full_name == "Zoë Müller"
    assert zoe.organization == "Grüne Energie für alle München GmbH"
    assert zoe.notes == "Erste Zeile\nZweite Zeile mit einem sehr langen Text, der umbrochen wird."


def test_a_card_with_a_photo_is_read_without_it():
    assert "photo" not in repr(read("vcard", "contacts_v3.vcf").rows[0]).lower()


def test_a_card_with_no_name_is_skipped_and_a_bad_email_is_a_problem():
    result = read("vcard", "contacts_v3.vcf")
    assert result.skipped == [(55, "no name (info@example.com)")]
    assert result.problems == [(61, "the e-mail 'anna@' is not a valid address")]


def test_a_vcard_4_file_uses_pref_numbers_and_uri_phones():
    amara, soren = read("vcard", "contacts_v4.vcf").rows
    assert amara.email == "amara@example.ng"
    assert amara.phone == "+234-803-555-0199"
    assert amara.organization == "Lagos Energy"
    assert amara.location == "Lagos, Lagos State, Nigeria"
    assert (soren.full_name, soren.organization) == ("Søren Kierkegaard", "Københavns Universitet")
    assert soren.labels == ("Alumni",)


def test_a_broken_card_is_a_problem_on_its_line_and_the_others_are_read():
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nN:Lee;Sam;;;\nFN:Sam Lee\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nthis line is no property\nEND:VCARD\n"
    )
    result = parse_vcard(text)
    assert names(result) == ["Sam Lee"]
    [problem] = result.problems
    assert problem.line == 6
    assert problem.reason.startswith("this card cannot be read")


def test_a_card_cut_short_at_the_end_of_the_file_is_still_read():
    assert names(parse_vcard("BEGIN:VCARD\nVERSION:3.0\nFN:Sam Lee\n")) == ["Sam Lee"]


# Decoding and the wrong file


def test_a_utf16_file_with_a_byte_order_mark_reads_like_the_utf8_one():
    utf16 = read("linkedin", "linkedin_utf16.csv")
    utf8 = read("linkedin", "linkedin_connections.csv")
    assert utf16.rows == utf8.rows


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_column():
    data = "\ufeffFirst Name,Last Name,Company,Position\nZoë,Müller,Acme,CFO\n".encode()
    assert names(parse("linkedin", data, "Connections.csv")) == ["Zoë Müller"]


def test_utf16_without_a_byte_order_mark_is_recognized():
    data = "First Name,Last Name,Company,Position\nZoë,Müller,Acme,CFO\n".encode("utf-16-le")
    assert names(parse("linkedin", data, "Connections.csv")) == ["Zoë Müller"]


def test_decomposed_accents_are_composed():
    data = "First Name,Last Name,Company,Position\nZoe\u0308,Lee,Acme,CFO\n".encode()
    [row] = parse("linkedin", data, "Connections.csv").rows
    assert row.first_name == "Zoë"


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        (
            "empty.csv",
            "linkedin",
            "empty.csv is empty. Export your contacts again and choose the downloaded file.",
        ),
        (
            "not_contacts.png",
            "vcard",
            "not_contacts.png is a PNG image, not a contacts export. "
            "Choose the exported CSV or .vcf file.",
        ),
        (
            "contacts_v3.vcf",
            "linkedin",
            "contacts_v3.vcf is a vCard file, not a CSV export from LinkedIn: "
            "choose “vCard” as the kind of file.",
        ),
        (
            "google_contacts.csv",
            "outlook",
            "google_contacts.csv is not an Outlook contacts export: it looks like an export "
            "from Google Contacts. Choose “Google Contacts” as the kind of file, or choose "
            "another file.",
        ),
        (
            "outlook_contacts.csv",
            "linkedin",
            "outlook_contacts.csv is not LinkedIn's Connections.csv: it looks like an export "
            "from Outlook. Choose “Outlook” as the kind of file, or choose another file.",
        ),
        (
            "linkedin_connections.csv",
            "vcard",
            "linkedin_connections.csv is not a vCard file: it looks like a CSV export from "
            "LinkedIn. Choose “LinkedIn” as the kind of file.",
        ),
    ],
)
def test_the_wrong_file_gets_a_message_naming_it(name, kind, message):
    with pytest.raises(ImportFileError) as refused:
        read(kind, name)
    assert str(refused.value) == message


def test_a_csv_without_the_columns_says_which_is_missing_and_how_to_export():
    with pytest.raises(ImportFileError) as refused:
        parse("linkedin", b"Name,Phone\nSam,123\n", "Connections.csv")
    assert str(refused.value).startswith(
        "Connections.csv has no 'First Name' column: is it LinkedIn's Connections.csv? "
        "Export it from Settings > Data privacy > Get a copy of your data"
    )


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"PK\x03\x04rest-of-a-zip", "is a ZIP archive (or an Excel workbook)"),
        (b"%PDF-1.7\n", "is a PDF document"),
        (bytes(range(256)) * 4, "is not a text file"),
    ],
)
def test_binary_files_are_refused_with_what_they_are(data, what):
    with pytest.raises(ImportFileError) as refused:
        decode(data, "upload.csv")
    assert str(refused.value).startswith(f"upload.csv {what}")


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown kind"):
        parse("myspace", b"x", "x.csv")


# Values


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/priya-shah",
        "http://linkedin.com/in/priya-shah/",
        "https://uk.linkedin.com/in/Priya-Shah?trk=people",
        "linkedin.com/in/priya-shah",
        "HTTPS://WWW.LINKEDIN.COM/IN/PRIYA-SHAH/",
    ],
)
def test_every_spelling_of_a_profile_address_has_one_key(url):
    assert linkedin_key(url) == "/in/priya-shah"


def test_percent_encoded_and_plain_accents_give_the_same_key():
    assert linkedin_key("https://www.linkedin.com/in/zo%C3%AB-m") == linkedin_key(
        "linkedin.com/in/Zoë-M"
    )


def test_a_profile_address_is_stored_in_one_form():
    assert linkedin_url("http://uk.linkedin.com/in/sam-lee/?trk=x") == (
        "https://www.linkedin.com/in/sam-lee"
    )
    assert linkedin_url("https://example.com/sam") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 Jun 2025", date(2025, 6, 18)),
        ("03 Mar 2025", date(2025, 3, 3)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("12/24/2017", date(2017, 12, 24)),
        ("2025-06-18", date(2025, 6, 18)),
        ("31 Feb 2025", None),
        ("yesterday", None),
    ],
)
def test_dates_as_exports_write_them(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("priya@greenbank.example", True),
        ("first.last+tag@sub.example.co.uk", True),
        ("josé@correo.españa.es", False),  # Django refuses a non-ASCII user part too
        ("jose@españa.es", True),
        ("bob@", False),
        ("@example.com", False),
        ("bob@localhost", False),
        ("bob smith@example.com", False),
    ],
)
def test_email_addresses_are_checked_like_the_contact_form_does(address, valid):
    assert valid_email(address) is valid


def test_the_importers_import_without_django():
    script = (
        "import sys, coffeechat.method.importers\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_stray_nul_character_is_dropped_not_stored():
    data = b"First Name,Last Name,Company,Position\n" + b"Sam,Lee,Acme,CFO\n" * 60
    data += b"An\x00a,Ruiz,Acme,CFO\n"
    assert parse("linkedin", data, "Connections.csv").rows[-1].first_name == "Ana"


def test_problems_are_counted_in_the_entries_of_the_file_with_the_verb_agreeing():
    assert with_problems(1, "linkedin") == "1 row has problems"
    assert with_problems(2, "google", "g.csv") == "2 rows of g.csv have problems"
    assert with_problems(1, "vcard", "contacts_v3.vcf") == "1 card of contacts_v3.vcf has problems"
    assert with_problems(3, "vcard") == "3 cards have problems"


def test_a_location_splits_into_the_city_region_and_country_of_an_address():
    assert split_location("Pittsburgh, PA") == ("Pittsburgh", "PA", "")
    assert split_location(" London ") == ("London", "", "")
    assert split_location("Brooklyn, New York, USA") == ("Brooklyn", "New York", "USA")
    assert split_location("") == ("", "", "")
