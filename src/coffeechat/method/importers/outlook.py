"""Outlook's contacts CSV (desktop Outlook's "Comma Separated Values", and Outlook.com's).

`First Name,Middle Name,Last Name,...,E-mail Address,...,Company,Job Title,...,Referred By,...`.
"Title" is Mr/Ms, not the job. Contacts synced from Exchange may carry an internal address
("/o=ExchangeLabs/...", E-mail Type "EX") instead of an e-mail: it is not one, so it is passed
over rather than refused. Categories are separated by ";".
"""

from __future__ import annotations

from coffeechat.method.importers.model import ImportedContact, ParseResult
from coffeechat.method.importers.tabular import Getter, read_table
from coffeechat.method.importers.values import is_linkedin, join_location, linkedin_url, split_name

EXPECTED = "an Outlook contacts export"
ADVICE = (
    "In Outlook choose File > Open & Export > Import/Export > Export to a file > Comma "
    "Separated Values; on outlook.com, People > Manage > Export contacts."
)
_EMAILS = (
    ("E-mail Address", "E-mail Type"),
    ("E-mail 2 Address", "E-mail 2 Type"),
    ("E-mail 3 Address", "E-mail 3 Type"),
)
_PHONES = ("Mobile Phone", "Business Phone", "Primary Phone", "Home Phone", "Other Phone")
_WEB = ("Web Page", "Personal Web Page", "Business Web Page")


def parse_outlook(text: str, filename: str = "contacts.csv") -> ParseResult:
    table = read_table(
        text,
        filename,
        kind="outlook",
        required=("First Name", "Last Name"),
        expected=EXPECTED,
        advice=ADVICE,
    )
    result = ParseResult("outlook", filename)
    for line, cells in table.records:
        get = table.getter(cells)
        emails = _emails(get)
        first, last = get("First Name"), get("Last Name")
        if not (first or last):
            first, last = split_name(get("Display Name") or get("Nickname"))
        contact = ImportedContact(
            line=line,
            first_name=first,
            last_name=last,
            # "Title" is the honorific (Mr., Dr.); the job is "Job Title".
            honorific=get("Title"),
            middle_name=get("Middle Name"),
            suffix=get("Suffix"),
            goes_by=get("Nickname"),
            email=emails[0] if emails else "",
            other_emails=tuple(emails[1:]),
            phone=next((get(name) for name in _PHONES if get(name)), ""),
            linkedin_url=_linkedin(get),
            organization=get("Company"),
            role=get("Job Title"),
            location=_location(get),
            notes=get("Notes"),
            referred_by=get("Referred By"),
            labels=tuple(part.strip() for part in get("Categories").split(";") if part.strip()),
        )
        result.add(contact)
    return result


def _emails(get: Getter) -> list[str]:
    found = []
    for address_column, type_column in _EMAILS:
        address = get(address_column)
        if address and get(type_column).upper() != "EX" and not address.startswith("/"):
            found.append(address)
    return found


def _linkedin(get: Getter) -> str:
    return next((linkedin_url(get(name)) for name in _WEB if is_linkedin(get(name))), "")


def _location(get: Getter) -> str:
    for place in ("Business", "Home", "Other"):
        location = join_location(
            get(f"{place} City"), get(f"{place} State"), get(f"{place} Country/Region")
        )
        if location:
            return location
    return get("Location")
