"""Files cut short: a download or a copy that stopped mid-way ends inside a quoted CSV field or
inside a vCard (no END:VCARD). Read as they are, the last row comes out garbled ("LastX
unterminated quote,https://x" as a last name) or half a card becomes a person, so such a file
is refused, naming the line, unless the user asks for the complete rows only.

Both checks are linear and cheap where the file is whole: a CSV with an even number of quote
characters cannot end inside quotes, and only a file whose last BEGIN:VCARD is unmatched is
looked at further.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

_CARD_MARKER = re.compile(r"^[ \t]*(BEGIN|END):VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Cut:
    """Where the complete part of a file ends: the last record starts at `offset`, on `line`."""

    line: int
    offset: int
    what: str  # "row" or "card"


def find_cut(kind: str, text: str) -> Cut | None:
    """The unfinished last record of a file, or None when the file ends where a record does."""
    return _vcard_cut(text) if kind == "vcard" else _csv_cut(text)


def _line_of(text: str, offset: int) -> int:
    """The 1-based line at `offset`, counting \\r\\n, \\n and \\r line ends as csv does."""
    before = text[:offset]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


def _vcard_cut(text: str) -> Cut | None:
    depth, opened = 0, 0
    for marker in _CARD_MARKER.finditer(text):
        if marker.group(1).upper() == "BEGIN":
            if depth == 0:
                opened = marker.start()
            depth += 1
        elif depth:
            depth -= 1
    if depth == 0:
        return None
    # Where the unfinished card's BEGIN line starts (the regex may have matched leading blanks).
    start = max(text.rfind("\n", 0, opened), text.rfind("\r", 0, opened)) + 1
    return Cut(_line_of(text, start), start, "card")


def _csv_cut(text: str) -> Cut | None:
    if text.count('"') % 2 == 0:
        return None  # every quote that opens a field is closed (or doubled)
    # Find where the last record starts, then read it alone, strictly: only a field still open
    # at the end of the file makes csv say "unexpected end of data".
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    offsets = [0]
    for physical in io.StringIO(text, newline=""):
        offsets.append(offsets[-1] + len(physical))
    last_start = 1
    try:
        line = 1
        for _cells in reader:
            last_start = line
            line = reader.line_num + 1
    except csv.Error:
        return None  # unreadable for another reason: the parser says so itself
    offset = offsets[last_start - 1]
    tail = csv.reader(io.StringIO(text[offset:], newline=""), strict=True)
    try:
        for _cells in tail:
            pass
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            return Cut(last_start, offset, "row")
    return None


def _delimiter(text: str) -> str:
    """The separator the first line uses most (LinkedIn and Google write commas; some
    spreadsheets in Europe semicolons)."""
    first = text[: text.find("\n")] if "\n" in text else text
    return max((",", ";", "\t"), key=first.count)
