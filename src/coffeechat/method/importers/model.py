"""What every importer returns: contacts read from a file, and the rows it could not use.

A row that is wrong (a malformed e-mail, a value too long to store) is a *problem*: the import
is refused unless the user chooses to go on without the bad rows. A row that cannot be a
contact but is not wrong either (LinkedIn hides the names of some connections) is *skipped*.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import NamedTuple

from coffeechat.method.importers.values import valid_email
from coffeechat.method.names import shown_name

KINDS = ("linkedin", "google", "outlook", "vcard", "coffeechat")

# The longest value each contact field stores (people.Contact; a test keeps them in step).
LIMITS = {
    "first_name": 100,
    "last_name": 100,
    "honorific": 40,
    "middle_name": 100,
    "suffix": 40,
    "goes_by": 100,
    "email": 254,
    "phone": 40,
    "linkedin_url": 200,
    "organization": 200,
    "role": 200,
    "location": 200,
    "education": 300,
}
_NAME_LIMIT = min(LIMITS["first_name"], LIMITS["last_name"])
_NAME_PART_LIMIT = min(LIMITS[name] for name in ("honorific", "middle_name", "suffix", "goes_by"))
_LIMIT = min(LIMITS[name] for name in ("linkedin_url", "organization", "role", "location"))
LABELS = {
    "first_name": "first name",
    "last_name": "last name",
    "honorific": "title (Dr., Ms.)",
    "middle_name": "middle name",
    "suffix": "name suffix",
    "goes_by": "nickname",
    "email": "e-mail",
    "phone": "phone number",
    "linkedin_url": "LinkedIn address",
    "organization": "organization",
    "role": "role",
    "location": "location",
    "education": "education",
}


class ImportFileError(Exception):
    """The whole file is unusable (empty, binary, the wrong kind): one message for the user."""


class CutShortError(ImportFileError):
    """The file ends inside its last row or card: it was cut short (see truncation.py)."""

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line


class RowIssue(NamedTuple):
    """A row left out of the import, with the line of the file it starts on."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(slots=True, kw_only=True)
class ImportedContact:
    """One person as a file describes them, cleaned (NFC, trimmed) but not yet matched."""

    line: int
    first_name: str
    last_name: str = ""
    # The other parts of the name where the file has them (method/names.py): "Dr.", "Quinlan",
    # "III" and the name they go by ("Johnny", a nickname).
    honorific: str = ""
    middle_name: str = ""
    suffix: str = ""
    goes_by: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    organization: str = ""
    role: str = ""
    location: str = ""
    education: str = ""
    notes: str = ""
    # How the user knows them, as people.HowKnown stores it ("friend"); "" when the file does
    # not say (only Coffeechat's own export does).
    how_known: str = ""
    referred_by: str = ""
    connected_on: date | None = None
    # Further addresses the file lists: not stored, but they recognize the person on re-import.
    other_emails: tuple[str, ...] = ()
    # Group names from the address book ("Friends", "Family"), to say how the user knows them.
    labels: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return shown_name(self.first_name, self.last_name)


@dataclass
class ParseResult:
    kind: str
    filename: str
    rows: list[ImportedContact] = field(default_factory=list)
    skipped: list[RowIssue] = field(default_factory=list)
    problems: list[RowIssue] = field(default_factory=list)

    def add(
        self, contact: ImportedContact, *, errors: Iterable[str] = (), why_no_name: str = ""
    ) -> None:
        """File the row as a contact, a problem or a skipped row.

        `errors` are what the parser itself found wrong (a date it cannot read); the limits and
        the e-mail are checked here. A row with no name at all is skipped, not refused.
        """
        if not contact.first_name:
            contact.first_name, contact.last_name = contact.last_name, ""
        if contact.goes_by.casefold() == contact.first_name.casefold():
            contact.goes_by = ""  # a nickname that is the given name says nothing more
        reasons = [*errors, *row_errors(contact)]
        if not contact.first_name:
            clue = contact.linkedin_url or contact.email or contact.organization
            reason = "no name" + (f" ({clue})" if clue else "")
            self.skipped.append(
                RowIssue(contact.line, f"{reason}; {why_no_name}" if why_no_name else reason)
            )
        elif reasons:
            self.problems.append(RowIssue(contact.line, "; ".join(reasons)))
        else:
            self.rows.append(contact)


def row_errors(contact: ImportedContact) -> list[str]:
    errors = []
    c = contact
    if c.email and not valid_email(c.email):
        errors.append(f"the e-mail '{c.email}' is not a valid address")
    # The quick test first: it passes for nearly every row of a 30,000-row file.
    if (
        len(c.phone) > LIMITS["phone"]
        or max(len(c.first_name), len(c.last_name)) > _NAME_LIMIT
        or max(len(c.honorific), len(c.middle_name), len(c.suffix), len(c.goes_by))
        > _NAME_PART_LIMIT
        or max(len(c.linkedin_url), len(c.organization), len(c.role), len(c.location)) > _LIMIT
        or len(c.email) > LIMITS["email"]
        or len(c.education) > LIMITS["education"]
    ):
        for name, limit in LIMITS.items():
            if len(getattr(c, name)) > limit:
                errors.append(f"the {LABELS[name]} is longer than {limit} characters")
    return errors


def result_to_json(result: ParseResult) -> bytes:
    """A parsed file as JSON, kept between the preview and the import so the file is read
    once per upload."""
    return json.dumps(
        {
            "kind": result.kind,
            "filename": result.filename,
            "rows": [asdict(row) for row in result.rows],
            "skipped": [list(issue) for issue in result.skipped],
            "problems": [list(issue) for issue in result.problems],
        },
        default=date.isoformat,
    ).encode()


def result_from_json(data: bytes) -> ParseResult:
    raw = json.loads(data)

    def contact(values: dict[str, object]) -> ImportedContact:
        connected = values.pop("connected_on")
        return ImportedContact(
            **values,  # type: ignore[arg-type]
            connected_on=date.fromisoformat(connected) if isinstance(connected, str) else None,
        )

    rows = []
    for values in raw["rows"]:
        values["other_emails"] = tuple(values["other_emails"])
        values["labels"] = tuple(values["labels"])
        rows.append(contact(values))
    return ParseResult(
        raw["kind"],
        raw["filename"],
        rows=rows,
        skipped=[RowIssue(*issue) for issue in raw["skipped"]],
        problems=[RowIssue(*issue) for issue in raw["problems"]],
    )
