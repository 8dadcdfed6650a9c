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

from .coffeechat import parse_coffeechat
from .decoding import decode, without_nul
from .google import parse_google
from .linkedin import parse_linkedin
from .model import (
    KINDS,
    LIMITS,
    ImportedContact,
    ImportFileError,
    ParseResult,
    RowIssue,
)
from .outlook import parse_outlook
from .tabular import KIND_LABELS
from .values import email_key, linkedin_key, linkedin_url, name_key, organization_key
from .vcard import parse_vcard

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
