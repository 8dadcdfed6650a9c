"""Every importer keeps the parts of a name the file has: the title, given, middle and family
names, the suffix and the name they go by, with the columns each program really writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.method.importers import parse, parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"


def parts(row) -> tuple[str, str, str, str, str, str]:
    return (
        row.honorific,
        row.first_name,
        row.middle_name,
        row.last_name,
        row.suffix,
        row.goes_by,
    )


PUBLIC = ("Dr.", "John", "Quinlan", "Public", "III", "Johnny")


def card(*lines: str, version: str = "3.0") -> str:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])


def test_the_vcard_from_the_issue_keeps_every_part_of_the_name():
    text = card(
        "N:Public;John;Quinlan;Dr.;III",
        "FN:Dr. John Q. Public\\, III",
        "NICKNAME:Johnny",
    )
    [row] = parse_text("vcard", text, "public.vcf").rows
    assert parts(row) == PUBLIC
    assert row.full_name == "John Public"


def test_a_vcard_4_with_several_values_in_a_part_keeps_them_all_and_the_preferred_nickname():
    text = card(
        "N:Okafor;Ada;Ngozi,Chioma;Prof.;PhD,FRS",
        "FN:Ada Okafor",
        "NICKNAME;PREF=2:Ngo",
        "NICKNAME;PREF=1:Dee",
        version="4.0",
    )
    [row] = parse_text("vcard", text, "ada.vcf").rows
    assert parts(row) == ("Prof.", "Ada", "Ngozi Chioma", "Okafor", "PhD FRS", "Dee")


@pytest.mark.parametrize(
    ("lines", "given", "family", "shown"),
    [
        # Korean: N gives the family name 김 and the given name 민준; shown family first.
        (("N:김;민준;;;", "FN:김민준"), "민준", "김", "김민준"),
        # FN alone, written with a space: family name first, never split Western-style.
        (("FN:김 민준",), "민준", "김", "김민준"),
        # FN alone without a space: kept whole, exactly as written.
        (("FN:王小明",), "王小明", "", "王小明"),
        (("N:王;小明;;;", "FN:王小明"), "小明", "王", "王小明"),
        (("FN:王 小明",), "小明", "王", "王小明"),
    ],
)
def test_korean_and_chinese_names_keep_their_order_and_script(lines, given, family, shown):
    [row] = parse_text("vcard", card(*lines), "people.vcf").rows
    assert (row.first_name, row.last_name, row.full_name) == (given, family, shown)


def test_a_western_fn_alone_is_split_at_the_last_space():
    [row] = parse_text("vcard", card("FN:Mary Ann Lee"), "mary.vcf").rows
    assert (row.first_name, row.last_name) == ("Mary Ann", "Lee")


def test_a_nickname_that_is_the_given_name_is_not_kept_as_the_name_they_go_by():
    [row] = parse_text("vcard", card("N:Lee;Sam;;;", "NICKNAME:sam"), "sam.vcf").rows
    assert row.goes_by == ""


OUTLOOK_HEADER = (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
    "E-mail Address,E-mail Type,Nickname,Referred By"
)


def test_outlook_reads_title_middle_name_suffix_and_nickname():
    text = (
        f"{OUTLOOK_HEADER}\r\n"
        "Dr.,John,Quinlan,Public,III,Contoso,Research,Director,john@contoso.example,SMTP,"
        "Johnny,\r\n"
    )
    [row] = parse_text("outlook", text, "contacts.csv").rows
    assert parts(row) == PUBLIC
    assert row.role == "Director"  # the job stays the role, Title is the honorific


GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value"
)


def test_google_reads_name_prefix_middle_name_name_suffix_and_nickname():
    text = (
        f"{GOOGLE_HEADER}\n"
        "John,Quinlan,Public,,,,Dr.,III,Johnny,,Contoso,Director,* myContacts,* Work,"
        "john@contoso.example\n"
    )
    [row] = parse_text("google", text, "contacts.csv").rows
    assert parts(row) == PUBLIC


def test_googles_legacy_export_reads_additional_name_as_the_middle_name():
    text = (
        "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
        "Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
        "Group Membership,E-mail 1 - Type,E-mail 1 - Value\n"
        "John Public,John,Quinlan,Public,,,,,Dr.,III,JQP,Johnny,* myContacts,* Work,"
        "john@contoso.example\n"
    )
    [row] = parse_text("google", text, "contacts.csv").rows
    assert parts(row) == PUBLIC


def test_linkedin_has_only_first_and_last_names():
    text = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "John,Public,https://www.linkedin.com/in/jqp,,Contoso,Director,18 Jun 2025\n"
    )
    [row] = parse_text("linkedin", text, "Connections.csv").rows
    assert parts(row) == ("", "John", "", "Public", "", "")


def test_a_name_part_too_long_to_store_is_a_problem_on_its_line():
    text = f"{OUTLOOK_HEADER}\r\n,John,,Public,{'X' * 41},,,,,,,\r\n"
    result = parse_text("outlook", text, "contacts.csv")
    assert not result.rows
    [problem] = result.problems
    assert problem.line == 2
    assert "name suffix is longer than 40 characters" in problem.reason


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("outlook", "outlook_contacts.csv", ("Ms.", "Sarah", "", "Johnson", "", "")),
        ("google", "google_contacts.csv", ("", "Rafael", "José", "García", "", "")),
        ("google", "google_contacts.csv", ("", "Oluwaseun", "", "Adeyemi", "", "Seun")),
        ("vcard", "contacts_v4.vcf", ("Dr.", "Amara", "", "Nwosu", "", "")),
    ],
)
def test_the_sample_exports_bring_their_name_parts(kind, name, expected):
    result = parse(kind, (FIXTURES / name).read_bytes(), name)
    assert expected in [parts(row) for row in result.rows]
