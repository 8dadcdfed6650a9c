"""LinkedIn's Connections.csv, current and older.

Current exports start with a "Notes:" line and a quoted paragraph about missing e-mails, then
`First Name,Last Name,URL,Email Address,Company,Position,Connected On` with dates like
"18 Jun 2025". Older ones have no note and no URL column, and dates like "1/8/18, 6:14 PM".
Most e-mails are empty (people choose whether to share them); some connections have no name.
"""

from __future__ import annotations

from coffeechat.method.importers.model import ImportedContact, ParseResult
from coffeechat.method.importers.tabular import read_table
from coffeechat.method.importers.values import is_linkedin, linkedin_url, parse_date

EXPECTED = "LinkedIn's Connections.csv"
ADVICE = (
    "Export it from Settings > Data privacy > Get a copy of your data, choosing "
    "Connections; LinkedIn e-mails a link to a ZIP file with Connections.csv inside."
)
WHY_NO_NAME = "LinkedIn leaves out the names of some connections"


def parse_linkedin(text: str, filename: str = "Connections.csv") -> ParseResult:
    table = read_table(
        text,
        filename,
        kind="linkedin",
        required=("First Name", "Last Name"),
        expected=EXPECTED,
        advice=ADVICE,
    )
    result = ParseResult("linkedin", filename)
    pick = table.picker(
        "First Name", "Last Name", "URL", "Profile URL", "Email Address", "E-mail Address",
        "Company", "Position", "Connected On",
    )  # fmt: skip
    for line, cells in table.records:
        first, last, url, profile_url, email, e_mail, company, position, connected = pick(cells)
        url = url or profile_url
        errors = []
        if url and not is_linkedin(url):
            errors.append(f"the profile address '{url}' is not a LinkedIn address")
        connected_on = parse_date(connected) if connected else None
        if connected and connected_on is None:
            errors.append(f"the date '{connected}' in Connected On is not a date like 18 Jun 2025")
        contact = ImportedContact(
            line=line,
            first_name=first,
            last_name=last,
            email=email or e_mail,
            linkedin_url=linkedin_url(url),
            organization=company,
            role=position,
            connected_on=connected_on,
        )
        result.add(contact, errors=errors, why_no_name=WHY_NO_NAME)
    return result
