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
    ImportedContact,
    ImportFileError,
    ParseResult,
    RowIssue,
)
from coffeechat.method.importers.outlook import parse_outlook
from coffeechat.method.importers.tabular import KIND_LABELS
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
    "ImportFileError",
    "ImportedContact",
    "ParseResult",
    "RowIssue",
    "decode",
    "email_key",
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
]

PARSERS: dict[str, Callable[[str, str], ParseResult]] = {
    "linkedin": parse_linkedin,
    "google": parse_google,
    "outlook": parse_outlook,
    "vcard": parse_vcard,
    "coffeechat": parse_coffeechat,
}


def parse_text(kind: str, text: str, filename: str) -> ParseResult:
    if kind not in PARSERS:
        raise ValueError(f"unknown kind of import {kind!r}: one of {', '.join(KINDS)}")
    return PARSERS[kind](without_nul(text), filename)


def parse(kind: str, data: bytes, filename: str) -> ParseResult:
    """Decode and read an uploaded file; ImportFileError if it cannot be read at all."""
    if kind not in PARSERS:
        raise ValueError(f"unknown kind of import {kind!r}: one of {', '.join(KINDS)}")
    return PARSERS[kind](decode(data, filename), filename)
