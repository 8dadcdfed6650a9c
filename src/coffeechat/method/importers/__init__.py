"""Reading the address books people bring: LinkedIn, Google, Outlook and vCard exports, and
Coffeechat's own contacts spreadsheet.

    result = parse("linkedin", data, "Connections.csv")   # bytes as uploaded
    result.rows       # ImportedContact, one per person, with the line it starts on
    result.skipped    # RowIssue(line, reason): rows that are no one (no name)
    result.problems   # RowIssue(line, reason): rows that are wrong (a malformed e-mail)

A file that cannot be read at all (empty, an image, the wrong kind of export) raises
ImportFileError with a message naming the file and what to do. Plain Python: no Django here.
"""

from __future__ import annotations

from collections.abc import Callable

from coffeechat.method.importers.coffeechat import parse_coffeechat
from coffeechat.method.importers.decoding import decode, without_nul
from coffeechat.method.importers.google import parse_google
from coffeechat.method.importers.linkedin import parse_linkedin
from coffeechat.method.importers.model import (
    KINDS,
    LIMITS,
    CutShortError,
    ImportedContact,
    ImportFileError,
    ParseResult,
    RowIssue,
)
from coffeechat.method.importers.outlook import parse_outlook
from coffeechat.method.importers.tabular import KIND_LABELS, entries, with_problems
from coffeechat.method.importers.truncation import find_cut
from coffeechat.method.importers.values import (
    email_key,
    linkedin_key,
    linkedin_url,
    name_key,
)
from coffeechat.method.importers.vcard import parse_vcard
from coffeechat.method.organizations import organization_key

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "LIMITS",
    "PARSERS",
    "CutShortError",
    "ImportFileError",
    "ImportedContact",
    "ParseResult",
    "RowIssue",
    "decode",
    "email_key",
    "entries",
    "linkedin_key",
    "linkedin_url",
    "name_key",
    "organization_key",
    "parse",
    "parse_coffeechat",
    "parse_google",
    "parse_linkedin",
    "parse_outlook",
    "parse_text",
    "parse_vcard",
    "with_problems",
]

PARSERS: dict[str, Callable[[str, str], ParseResult]] = {
    "linkedin": parse_linkedin,
    "google": parse_google,
    "outlook": parse_outlook,
    "vcard": parse_vcard,
    "coffeechat": parse_coffeechat,
}


def parse_text(kind: str, text: str, filename: str, *, complete_only: bool = False) -> ParseResult:
    """Read a decoded file. One that ends inside its last row or card (cut short) raises
    CutShortError, or with `complete_only` is read without that record, which is reported as
    skipped on its line."""
    if kind not in PARSERS:
        raise ValueError(f"unknown kind of import {kind!r}: one of {', '.join(KINDS)}")
    text = without_nul(text)
    _refuse_too_many(kind, text, filename)
    cut = find_cut(kind, text)
    if cut is None:
        return PARSERS[kind](text, filename)
    if not complete_only:
        raise CutShortError(
            f"{filename} ends in the middle of the {cut.what} that starts on line {cut.line}: "
            "the file looks cut short (a download or a copy that stopped early). Export it "
            f"again, or import the complete {cut.what}s only, leaving that one out.",
            line=cut.line,
        )
    if cut.what == "card" and "BEGIN:VCARD" not in text[: cut.offset].upper():
        raise ImportFileError(
            f"{filename} holds one card, which is cut short (no END:VCARD after line "
            f"{cut.line}): nothing complete to import. Export it again."
        )
    result = PARSERS[kind](text[: cut.offset], filename)
    result.skipped.append(
        RowIssue(cut.line, f"the file ends in the middle of this {cut.what}: left out")
    )
    return result


# The most people one file may bring: LinkedIn's own maximum is 30,000 connections. It bounds
# the work of one request (a vCard costs about half a millisecond per card to read).
MAX_RECORDS = 50_000


def _refuse_too_many(kind: str, text: str, filename: str) -> None:
    """Counted before reading (cheap: one pass in C), so a huge file costs nothing more."""
    what = "cards" if kind == "vcard" else "lines"
    count = text.upper().count("BEGIN:VCARD") if kind == "vcard" else text.count("\n")
    if count > MAX_RECORDS:
        raise ImportFileError(
            f"{filename} holds {count:,} {what}; Coffeechat imports up to {MAX_RECORDS:,} "
            "people at a time. Split it into smaller files and import them one after another."
        )


def parse(kind: str, data: bytes, filename: str, *, complete_only: bool = False) -> ParseResult:
    """Decode and read an uploaded file; ImportFileError if it cannot be read at all."""
    if kind not in PARSERS:
        raise ValueError(f"unknown kind of import {kind!r}: one of {', '.join(KINDS)}")
    return parse_text(kind, decode(data, filename), filename, complete_only=complete_only)
