"""Whatever people are called, what the export programs write is what the parsers read back."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.method.importers import (
    ImportFileError,
    parse,
    parse_google,
    parse_linkedin,
    parse_outlook,
    parse_vcard,
)


def _is_clean(text: str) -> bool:
    """Already as the parsers leave a value: trimmed and composed."""
    return text == text.strip() and unicodedata.normalize("NFC", text) == text


# Any letters, marks, digits, punctuation and symbols (quotes and commas included), spaces and
# line breaks; no control characters, no lone surrogates.
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\"',;:")


def text(max_size: int, *, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.text(CHARACTERS, min_size=min_size, max_size=max_size).filter(_is_clean)


# Pieces of real exports, shuffled into files that are almost right.
FRAGMENTS = [
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    "First Name,Middle Name,Last Name,E-mail 1 - Value,Labels,Relation 1 - Label\n",
    "First Name,Last Name,E-mail Address,Job Title,Referred By\n",
    "Given Name,Family Name,Group Membership\n",
    "Notes:\n",
    '"a quoted\nnote',
    '"',
    ",",
    ";",
    "\n",
    "\r\n",
    "Sam,Lee,",
    "bob@",
    "18 Jun 2025",
    "1/8/18, 6:14 PM",
    " ::: ",
    "* myContacts",
    "https://www.linkedin.com/in/x",
    "BEGIN:VCARD\n",
    "END:VCARD\n",
    "VERSION:3.0\n",
    "VERSION:2.1\n",
    "N:Lee;Sam;;;\n",
    "FN:Sam Lee\n",
    "ORG:Acme\\, Inc;Unit\n",
    "EMAIL;TYPE=PREF:sam@example.org\n",
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=x-unknown:caf=E9=\n",
    " folded\n",
    "PHOTO;ENCODING=BASE64:AAAA\n",
    "ADR:;;;City;;;Country\n",
    "CATEGORIES:Friends\n",
    "item1.URL:linkedin.com/in/y\n",
    "TEL;VALUE=uri:tel:+1\n",
    "N:\n",
    ":\n",
    "\x00",
]
PERSON = st.tuples(
    text(100, min_size=1).filter(bool),  # first name
    text(100),  # last name
    text(200),  # organization
    text(200),  # role
)
PEOPLE = st.lists(PERSON, min_size=1, max_size=8)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def write_csv(header: list[str], rows: list[list[str]]) -> tuple[str, list[int]]:
    """The CSV text (as csv.writer quotes it) and the line each row starts on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    lines = []
    for row in rows:
        lines.append(len(_LINE_BREAK.findall(out.getvalue())) + 1)
        writer.writerow(row)
    return out.getvalue(), lines


def read_back(result) -> list[tuple[str, str, str, str]]:
    assert result.problems == [], result.problems
    assert result.skipped == [], result.skipped
    return [(r.first_name, r.last_name, r.organization, r.role) for r in result.rows]


@settings(max_examples=150, deadline=None)
@given(PEOPLE)
def test_linkedin_rows_read_back_as_written(people):
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
              "Connected On"]  # fmt: skip
    rows = [[first, last, "", "", org, role, "18 Jun 2025"] for first, last, org, role in people]
    text_, lines = write_csv(header, rows)
    result = parse_linkedin(text_)
    assert read_back(result) == people
    assert [row.line for row in result.rows] == lines


@settings(max_examples=150, deadline=None)
@given(PEOPLE.filter(lambda people: all(":::" not in "".join(p) for p in people)))
def test_google_rows_read_back_as_written(people):
    header = ["First Name", "Middle Name", "Last Name", "Organization Name",
              "Organization Title", "Labels", "E-mail 1 - Label", "E-mail 1 - Value"]  # fmt: skip
    rows = [
        [first, "", last, org, role, "* myContacts", "", ""] for first, last, org, role in people
    ]
    text_, lines = write_csv(header, rows)
    result = parse_google(text_)
    assert read_back(result) == people
    assert [row.line for row in result.rows] == lines


@settings(max_examples=150, deadline=None)
@given(PEOPLE)
def test_outlook_rows_read_back_as_written(people):
    header = ["First Name", "Middle Name", "Last Name", "Title", "E-mail Address", "Company",
              "Job Title", "Referred By"]  # fmt: skip
    rows = [[first, "", last, "Dr.", "", org, role, ""] for first, last, org, role in people]
    text_, lines = write_csv(header, rows)
    result = parse_outlook(text_)
    assert read_back(result) == people
    assert [row.line for row in result.rows] == lines


VCARD_TEXT = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n")


def vcard_text(max_size: int, *, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.text(VCARD_TEXT, min_size=min_size, max_size=max_size).filter(_is_clean)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(vcard_text(100, min_size=1), vcard_text(100), vcard_text(200), vcard_text(200)),
        min_size=1,
        max_size=5,
    )
)
def test_vcards_written_by_vobject_read_back(people):
    cards = []
    for first, last, org, role in people:
        card = vobject.vCard()
        card.add("n").value = vobject.vcard.Name(family=last, given=first)
        card.add("fn").value = f"{first} {last}".strip()
        if org:
            card.add("org").value = [org]
        if role:
            card.add("title").value = role
        cards.append(card.serialize())
    result = parse_vcard("".join(cards))
    assert read_back(result) == people


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["linkedin", "google", "outlook", "vcard"]),
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(str.encode),
        st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(
            lambda parts: "".join(parts).encode()
        ),
    ),
)
def test_any_file_is_read_or_refused_with_a_message_never_a_crash(kind, data):
    try:
        result = parse(kind, data, "upload.csv")
    except ImportFileError as error:
        assert str(error).startswith("upload.csv ")
    else:
        assert all(row.first_name for row in result.rows)
