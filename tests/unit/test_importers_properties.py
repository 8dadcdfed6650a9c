"""Whatever people are called, what the export programs write is what the parsers read back,
through the decoding step, in each encoding the programs save in."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from typing import NamedTuple

import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.method.importers import ImportFileError, parse, parse_vcard
from coffeechat.method.importers.coffeechat import HOW_KNOWN
from coffeechat.method.spreadsheet import neutralise_row


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
    "First Name,Last Name,Email,LinkedIn URL,How Known,Introduced By,Notes\n",
    "'=1+1",
    "Cold (no connection yet)",
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
# How people save a CSV file: UTF-8 (LinkedIn, Google), UTF-8 with the byte order mark Excel
# writes ("CSV UTF-8"), UTF-16 ("Unicode Text"). Every test goes through the decoding step.
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16"])
# Addresses the contact form takes too (the parsers refuse the others as problems).
_WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
EMAIL = st.builds(
    "{}{}{}@{}.{}".format,
    _WORD,
    st.sampled_from(["", ".", "_", "+", "-"]),
    _WORD,
    st.lists(_WORD, min_size=1, max_size=3).map(".".join),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6),
)
# A profile's name in its address, Unicode included ("zoë-müller-4b1a"), and the spellings of
# that address people's exports hold; each is stored as https://www.linkedin.com/in/<slug>.
SLUG = st.text(
    st.characters(whitelist_categories=("Ll", "Lo", "Nd"), whitelist_characters="-_"),
    min_size=1,
    max_size=30,
).filter(lambda slug: _is_clean(slug) and not slug.startswith("-"))
PROFILE_SPELLINGS = [
    "https://www.linkedin.com/in/{}",
    "https://www.linkedin.com/in/{}/",
    "http://uk.linkedin.com/in/{}?trk=people-guest",
    "www.linkedin.com/in/{}",
    "linkedin.com/in/{}#about",
]
PROFILE = st.tuples(SLUG, st.sampled_from(PROFILE_SPELLINGS))


class Person(NamedTuple):
    first: str
    last: str
    organization: str
    role: str
    emails: list[str]
    profile: tuple[str, str] | None  # (slug, how the export spells the address)

    @property
    def url(self) -> str:
        return self.profile[1].format(self.profile[0]) if self.profile else ""

    @property
    def stored_url(self) -> str:
        return f"https://www.linkedin.com/in/{self.profile[0]}" if self.profile else ""

    def read_as(self, *, emails: int = 1) -> tuple:
        """What a parser should make of this person, keeping `emails` of the addresses."""
        kept = self.emails[:emails]
        return (
            self.first, self.last, self.organization, self.role,
            kept[0] if kept else "", tuple(kept[1:]), self.stored_url,
        )  # fmt: skip


PERSON = st.builds(
    Person,
    text(100, min_size=1).filter(bool),  # first name
    text(100),  # last name
    text(200),  # organization
    text(200),  # role
    st.lists(EMAIL, max_size=3, unique=True),
    st.none() | PROFILE,
)
PEOPLE = st.lists(PERSON, min_size=1, max_size=8)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def write_csv(header: list[str], rows: list[list[str]], encoding: str) -> tuple[bytes, list[int]]:
    """The file (as csv.writer quotes it, in `encoding`) and the line each row starts on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    lines = []
    for row in rows:
        lines.append(len(_LINE_BREAK.findall(out.getvalue())) + 1)
        writer.writerow(row)
    return out.getvalue().encode(encoding), lines


def read_back(result) -> list[tuple]:
    assert result.problems == [], result.problems
    assert result.skipped == [], result.skipped
    return [
        (r.first_name, r.last_name, r.organization, r.role, r.email, r.other_emails,
         r.linkedin_url)
        for r in result.rows
    ]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(PEOPLE, ENCODINGS)
def test_linkedin_rows_read_back_as_written(people, encoding):
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
              "Connected On"]  # fmt: skip
    rows = [
        [p.first, p.last, p.url, next(iter(p.emails), ""), p.organization, p.role, "18 Jun 2025"]
        for p in people
    ]
    data, lines = write_csv(header, rows, encoding)
    result = parse("linkedin", data, "Connections.csv")
    assert read_back(result) == [p.read_as() for p in people]
    assert [row.line for row in result.rows] == lines


def _no_separator(people: list[Person]) -> bool:
    return all(":::" not in "".join((p.first, p.last, p.organization, p.role)) for p in people)


@settings(max_examples=150, deadline=None)
@given(PEOPLE.filter(_no_separator), ENCODINGS, st.randoms(use_true_random=False))
def test_google_rows_read_back_as_written_with_several_values_in_a_cell(people, encoding, random):
    header = ["First Name", "Middle Name", "Last Name", "Organization Name",
              "Organization Title", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
              "Website 1 - Label", "Website 1 - Value"]  # fmt: skip
    rows = []
    for p in people:
        # Google joins a field's values with " ::: "; the first organization is the current one.
        organization = f"{p.organization} ::: Old Employer Ltd" if p.organization else ""
        websites = ["https://example.org/blog", *([p.url] if p.url else [])]
        random.shuffle(websites)
        rows.append([
            p.first, "", p.last, organization, p.role, "* myContacts ::: Friends", "Work",
            " ::: ".join(p.emails), "", " ::: ".join(websites),
        ])  # fmt: skip
    data, lines = write_csv(header, rows, encoding)
    result = parse("google", data, "contacts.csv")
    assert read_back(result) == [p.read_as(emails=3) for p in people]
    assert [row.line for row in result.rows] == lines
    assert {row.labels for row in result.rows} == {("Friends",)}


@settings(max_examples=150, deadline=None)
@given(PEOPLE, ENCODINGS)
def test_outlook_rows_read_back_as_written(people, encoding):
    header = ["First Name", "Middle Name", "Last Name", "Title", "E-mail Address", "Company",
              "Job Title", "E-mail 2 Address", "Web Page", "Referred By"]  # fmt: skip
    rows = [
        [p.first, "", p.last, "Dr.", next(iter(p.emails), ""), p.organization, p.role,
         p.emails[1] if len(p.emails) > 1 else "", p.url, ""]
        for p in people
    ]  # fmt: skip
    data, lines = write_csv(header, rows, encoding)
    result = parse("outlook", data, "contacts.csv")
    assert read_back(result) == [p.read_as(emails=2) for p in people]
    assert [row.line for row in result.rows] == lines


# Anything at all, as it is stored: spaces at either end, formulas, quotes, line breaks.
ANY_VALUE = st.text(CHARACTERS.filter(lambda c: c != "\ufeff") | st.sampled_from("\t\r =+-@'"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "First Name": ANY_VALUE.filter(lambda v: v != "").map(lambda v: v[:100]),
                "Last Name": ANY_VALUE.map(lambda v: v[:100]),
                "Email": st.just("") | EMAIL | EMAIL.map("-{}".format) | EMAIL.map("+{}".format),
                "LinkedIn URL": st.just("") | PROFILE.map(lambda p: p[1].format(p[0])),
                "Organization": ANY_VALUE.map(lambda v: v[:200]),
                "Notes": ANY_VALUE,
                "How Known": st.sampled_from(["", "Friend", "Cold (no connection yet)"]),
                "Introduced By": ANY_VALUE.map(lambda v: v[:100]),
            }
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["utf-8-sig", "utf-8", "utf-16"]),
)
def test_coffeechats_own_export_reads_back_every_value_exactly(contacts, encoding):
    header = ["First Name", "Last Name", "Email", "LinkedIn URL", "Organization", "Notes",
              "How Known", "Introduced By", "Added"]  # fmt: skip
    rows = [neutralise_row([*(c[name] for name in header[:-1]), "2025-06-18 09:30"])
            for c in contacts]  # fmt: skip
    data, lines = write_csv(header, rows, encoding)
    result = parse("coffeechat", data, "coffeechat-contacts.csv")
    assert result.problems == [] and result.skipped == []
    assert [
        {
            "First Name": r.first_name, "Last Name": r.last_name, "Email": r.email,
            "LinkedIn URL": r.linkedin_url, "Organization": r.organization, "Notes": r.notes,
            "How Known": HOW_KNOWN.get(r.how_known, ""), "Introduced By": r.referred_by,
        }
        for r in result.rows
    ] == contacts  # fmt: skip
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
    assert [row[:4] for row in read_back(result)] == people


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["linkedin", "google", "outlook", "vcard", "coffeechat"]),
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
