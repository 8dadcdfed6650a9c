"""Reading exported CSV files: find the header by its column names, wherever it starts.

Columns are always looked up by name, never by position: LinkedIn puts a note above the header
and has added and dropped columns over the years, and people reorder columns in spreadsheets.
Line numbers are those of the file (1-based) where each record starts, so a value with a line
break inside it does not shift the numbers of the rows after it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from unicodedata import normalize

from coffeechat.method.importers.model import ImportFileError
from coffeechat.method.importers.values import clean

if TYPE_CHECKING:
    from _csv import Reader  # what csv.reader() returns, with its line_num

csv.field_size_limit(10 * 1024 * 1024)  # a long Notes cell must not stop the import

# How each kind of export is recognized, to tell the user which one they gave us.
KIND_LABELS = {
    "linkedin": "LinkedIn",
    "google": "Google Contacts",
    "outlook": "Outlook",
    "vcard": "vCard",
    "coffeechat": "Coffeechat",
}


def entries(count: int, kind: str) -> str:
    """ "1 card", "2 rows": what one entry of this kind of file is called, counted."""
    unit = "card" if kind == "vcard" else "row"
    return f"{count} {unit}{'' if count == 1 else 's'}"


def with_problems(count: int, kind: str, filename: str = "") -> str:
    """ "1 row has problems", "2 cards of contacts.vcf have problems"."""
    of = f" of {filename}" if filename else ""
    return f"{entries(count, kind)}{of} {'has' if count == 1 else 'have'} problems"


# Column sets only one kind of export has. Google's current export writes only the columns
# its contacts use, so any one of several sets will do.
_SIGNATURES = {
    "linkedin": ({"first name", "position"}, {"first name", "connected on"}),
    "google": (
        {"labels"},
        {"e-mail 1 - value"},
        {"organization name"},
        {"given name", "family name"},
        {"group membership"},
    ),
    "outlook": ({"e-mail address"}, {"job title"}, {"business phone"}, {"referred by"}),
    # Coffeechat's own contacts.csv (records/tables.py): without this, the LinkedIn importer
    # would take it and drop every column it does not know.
    "coffeechat": ({"how known"}, {"introduced by"}, {"linkedin url", "education"}),
}
# Coffeechat's other spreadsheets hold no contacts: each has columns no contacts file has.
_OTHER_COFFEECHAT_TABLES = (
    ({"name", "website", "motivation", "postings"}, "organizations"),
    ({"contact", "scheduled", "what you learned"}, "conversations"),
)
_HEADER_SEARCH = 50  # records to look through for the header (LinkedIn's note is above it)


@dataclass
class Table:
    columns: dict[str, int]  # casefolded column name -> position of its first occurrence
    records: Iterator[tuple[int, list[str]]]  # (line, cells) of each non-empty record

    def has(self, name: str) -> bool:
        return name.casefold() in self.columns

    def names(self, pattern: str) -> list[str]:
        """Columns whose (casefolded) name matches a regular expression, in file order."""
        compiled = re.compile(pattern, re.IGNORECASE)
        found = [name for name in self.columns if compiled.fullmatch(name)]
        return sorted(found, key=self.columns.__getitem__)

    def getter(self, cells: list[str]) -> Getter:
        return Getter(self.columns, cells)

    def picker(self, *names: str, exact: bool = False) -> Callable[[list[str]], list[str]]:
        """A function from a record to the cleaned cells of `names` ("" where missing): the
        fast way to read big files with few columns (LinkedIn's). `exact` leaves the cells as
        they are, for a file whose every character is the user's (Coffeechat's own)."""
        width = max(self.columns.values(), default=-1) + 1
        indices = [self.columns.get(name.casefold(), width) for name in names]
        padding = [""] * (width + 1)

        def pick(cells: list[str]) -> list[str]:
            if len(cells) <= width:
                cells = cells + padding[len(cells) :]
            if exact:
                return [cells[index] for index in indices]
            values = [cells[index].strip() for index in indices]
            if "".join(values).isascii():  # most rows: nothing to normalize
                return values
            return [value if value.isascii() else normalize("NFC", value) for value in values]

        return pick


class Getter:
    """One record's cells by column name; a missing column or cell reads as ""."""

    __slots__ = ("cells", "columns")

    def __init__(self, columns: dict[str, int], cells: list[str]) -> None:
        self.columns = columns
        self.cells = cells

    def __call__(self, name: str) -> str:
        index = self.columns.get(name.casefold())
        if index is None or index >= len(self.cells):
            return ""
        return clean(self.cells[index])


def read_table(
    text: str,
    filename: str,
    *,
    kind: str,
    required: tuple[str, ...],
    alternatives: tuple[tuple[str, ...], ...] = (),
    expected: str,
    advice: str,
) -> Table:
    """The records under the header that has the `required` columns (or an alternative set).

    Raises ImportFileError naming the missing column, or the kind of export it looks like.
    """
    _refuse_vcard(text, filename, kind)
    header_sets = (required, *alternatives)
    table = None
    for delimiter in (",", ";", "\t"):
        table = _find_header(text, filename, delimiter, header_sets)
        if table is not None:
            break
    header = list(table.columns) if table else _first_record(text)
    _refuse_other_coffeechat_table(header, filename)
    other = _looks_like(header, kind)
    if other:
        raise ImportFileError(
            f"{filename} is not {expected}: it looks like an export from "
            f"{KIND_LABELS[other]}. Choose “{KIND_LABELS[other]}” as the kind of file, or "
            "choose another file."
        )
    if table is not None:
        return table
    present = {name.casefold() for name in header}
    missing = next((name for name in required if name.casefold() not in present), required[0])
    raise ImportFileError(f"{filename} has no '{missing}' column: is it {expected}? {advice}")


def guess_kind(text: str, expected: str) -> str | None:
    """The kind of CSV export the text looks like, when it is not the `expected` kind."""
    return _looks_like(_first_record(text), expected)


def _refuse_vcard(text: str, filename: str, kind: str) -> None:
    if text.lstrip("\ufeff \t\r\n")[:11].upper() == "BEGIN:VCARD":
        raise ImportFileError(
            f"{filename} is a vCard file, not a CSV export from {KIND_LABELS[kind]}: choose "
            "“vCard” as the kind of file."
        )


def _refuse_other_coffeechat_table(header: list[str], filename: str) -> None:
    present = {name.casefold() for name in header}
    for columns, table in _OTHER_COFFEECHAT_TABLES:
        if columns <= present:
            raise ImportFileError(
                f"{filename} is Coffeechat's {table} spreadsheet, which has no contacts in it. "
                "Choose the contacts spreadsheet (Your data > Contacts (CSV)) as a "
                "“Coffeechat” file."
            )


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of every record, blank ones included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _read(reader, "the file", skip_blank=False)


def _read(reader: Reader, filename: str, *, skip_blank: bool) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num + 1
    try:
        for cells in reader:
            if not skip_blank or "".join(cells).strip():
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            f"{filename} cannot be read as CSV from line {line} on ({error}). Export it again, "
            "or open it in a spreadsheet and save it as CSV (UTF-8)."
        ) from None


def _find_header(
    text: str, filename: str, delimiter: str, header_sets: tuple[tuple[str, ...], ...]
) -> Table | None:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for _count, (_line, cells) in zip(
        range(_HEADER_SEARCH), _read(reader, filename, skip_blank=False), strict=False
    ):
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            columns.setdefault(clean(cell).lstrip("\ufeff").casefold(), index)
        if any(all(name.casefold() in columns for name in names) for names in header_sets):
            # The same reader goes on with the rows under the header, blank ones passed over.
            return Table(columns, _read(reader, filename, skip_blank=True))
    return None


def _first_record(text: str) -> list[str]:
    """The first line that looks like a header, for guessing what the file is."""
    for delimiter in (",", ";", "\t"):
        try:
            records = _records(text, delimiter)
            for _count, (_line, cells) in zip(range(_HEADER_SEARCH), records, strict=False):
                if len(cells) > 2:
                    return [clean(cell) for cell in cells]
        except ImportFileError:
            continue
    return []


def _looks_like(header: list[str], kind: str) -> str | None:
    """Another kind of export the header belongs to, unless it also fits the expected kind."""
    present = {name.casefold() for name in header}

    def fits(which: str) -> bool:
        return any(signature <= present for signature in _SIGNATURES[which])

    if kind in _SIGNATURES and fits(kind):
        return None
    return next((other for other in _SIGNATURES if other != kind and fits(other)), None)
