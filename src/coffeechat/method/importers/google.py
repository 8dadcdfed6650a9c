"""Google Contacts CSV: the current export and the legacy ("Google CSV") one.

Current: `First Name,Middle Name,Last Name,...,Name Prefix,Name Suffix,Nickname,...,
Organization Name,Organization Title,...,Labels,E-mail 1 - Label,E-mail 1 - Value,...`.
Legacy: `Name,Given Name,Additional Name,Family Name,...,Name Prefix,Name Suffix,...,
Nickname,...,Group Membership,E-mail 1 - Type,E-mail 1 - Value,...,Organization 1 - Name,...`.
Repeated groups are numbered ("E-mail 2 - Value"); one cell can hold several values joined by
" ::: "; a label starting with "* " marks the primary value ("* Work") or a system group
("* myContacts").
"""

from __future__ import annotations

from coffeechat.method.importers.model import ImportedContact, ParseResult
from coffeechat.method.importers.tabular import Getter, Table, read_table
from coffeechat.method.importers.values import (
    all_of,
    clean,
    first_of,
    is_linkedin,
    join_location,
    linkedin_url,
    split_name,
)

EXPECTED = "a Google Contacts export"
ADVICE = "Export it from contacts.google.com: select the contacts, then Export > Google CSV."
_SYSTEM_GROUPS = {"mycontacts", "my contacts", "starred", "imported on"}


def parse_google(text: str, filename: str = "contacts.csv") -> ParseResult:
    table = read_table(
        text,
        filename,
        kind="google",
        required=("First Name", "Last Name"),
        alternatives=(("Given Name", "Family Name"), ("Name",)),
        expected=EXPECTED,
        advice=ADVICE,
    )
    groups = _Groups(table)
    result = ParseResult("google", filename)
    for line, cells in table.records:
        get = table.getter(cells)
        first, last = _name(get)
        emails = groups.values(get, "E-mail")
        websites = groups.values(get, "Website")
        contact = ImportedContact(
            line=line,
            first_name=first,
            last_name=last,
            honorific=first_of(get("Name Prefix")),
            middle_name=first_of(get("Middle Name") or get("Additional Name")),
            suffix=first_of(get("Name Suffix")),
            goes_by=first_of(get("Nickname")),
            email=emails[0] if emails else "",
            other_emails=tuple(emails[1:]),
            phone=next(iter(groups.values(get, "Phone")), ""),
            linkedin_url=next((linkedin_url(url) for url in websites if is_linkedin(url)), ""),
            organization=first_of(get("Organization Name") or get("Organization 1 - Name")),
            role=first_of(get("Organization Title") or get("Organization 1 - Title")),
            location=join_location(
                get("Address 1 - City"), get("Address 1 - Region"), get("Address 1 - Country")
            )
            or first_of(get("Location") or get("Organization 1 - Location")),
            notes=get("Notes"),
            referred_by=groups.referred_by(get),
            labels=_labels(get("Labels") or get("Group Membership")),
        )
        result.add(contact)
    return result


def _name(get: Getter) -> tuple[str, str]:
    first = get("First Name") or get("Given Name")
    last = get("Last Name") or get("Family Name")
    if first or last:
        return first, last
    return split_name(get("Name") or get("Nickname"))


def _labels(cell: str) -> tuple[str, ...]:
    labels = (label.removeprefix("*").strip() for label in all_of(cell))
    return tuple(label for label in labels if label and label.casefold() not in _SYSTEM_GROUPS)


class _Groups:
    """The numbered column groups of one header ("E-mail 1 - Value", "E-mail 2 - Value", ...)."""

    def __init__(self, table: Table) -> None:
        self.numbers: dict[str, list[int]] = {}
        for prefix in ("E-mail", "Phone", "Website", "Relation"):
            found = table.names(rf"{prefix} (\d+) - value")
            self.numbers[prefix] = sorted(int(name.split()[1]) for name in found)

    def values(self, get: Getter, prefix: str) -> list[str]:
        """Every value of the group, the primary ones ("* " label) first."""
        primary: list[str] = []
        others: list[str] = []
        for number in self.numbers[prefix]:
            values = all_of(get(f"{prefix} {number} - Value"))
            if not values:
                continue
            label = get(f"{prefix} {number} - Label") or get(f"{prefix} {number} - Type")
            (primary if label.startswith("*") else others).append(values[0])
            others.extend(values[1:])
        return primary + others

    def referred_by(self, get: Getter) -> str:
        """Google's relation type "Referred by" (current label: referred_by)."""
        for number in self.numbers["Relation"]:
            label = get(f"Relation {number} - Label") or get(f"Relation {number} - Type")
            kind = clean(label.removeprefix("*")).casefold().replace("_", " ")
            if kind == "referred by":
                return first_of(get(f"Relation {number} - Value"))
        return ""
