"""Coffeechat's own contacts spreadsheet: "Your data > Contacts (CSV)", `coffeechat export
contacts.csv`, read back into another account (or the same one) exactly as it was written.

The export puts a quote in front of any cell a spreadsheet could take for a formula (see
method/spreadsheet.py); each cell gets its original value back here, not trimmed or otherwise
changed. Every column the export writes about a contact is kept, including education, how the
user knows them and who introduced them. "Added" and "Updated" describe the record in the old
account and are not read. A spreadsheet from before the parts of a name were kept (no Title,
Middle Name, Suffix or Goes By column) reads with those parts empty.
"""

from __future__ import annotations

from coffeechat.method.importers.model import ImportedContact, ParseResult
from coffeechat.method.importers.tabular import read_table
from coffeechat.method.importers.values import is_linkedin
from coffeechat.method.spreadsheet import unneutralise

EXPECTED = "a contacts spreadsheet from Coffeechat"
ADVICE = (
    "Download it from Your data > Contacts (CSV) in Coffeechat, or write it with "
    "`coffeechat export contacts.csv`."
)
# The columns read, as records/tables.py writes them (a test keeps the two in step).
COLUMNS = (
    "First Name", "Last Name", "Title", "Middle Name", "Suffix", "Goes By", "Email", "Phone",
    "LinkedIn URL", "Organization", "Role", "Location", "Education", "How Known",
    "Introduced By", "Notes",
)  # fmt: skip
NOT_READ = ("Added", "Updated")
# people.HowKnown, value -> label as the export writes it (a test keeps them in step).
HOW_KNOWN = {
    "friend": "Friend",
    "family": "Family",
    "alumni": "Alumni",
    "professor": "Professor",
    "former_colleague": "Former colleague",
    "linkedin": "LinkedIn",
    "referral": "Referral",
    "cold": "Cold (no connection yet)",
}
# A spreadsheet user may type the label or the stored value, in any case.
_HOW_KNOWN = {
    spelling.casefold(): value
    for value, label in HOW_KNOWN.items()
    for spelling in (label, value, value.replace("_", " "))
}


def parse_coffeechat(text: str, filename: str = "contacts.csv") -> ParseResult:
    table = read_table(
        text,
        filename,
        kind="coffeechat",
        required=("First Name", "Last Name"),
        expected=EXPECTED,
        advice=ADVICE,
    )
    result = ParseResult("coffeechat", filename)
    # Exact cells: the export wrote the stored values, spaces and all.
    pick = table.picker(*COLUMNS, exact=True)
    for line, cells in table.records:
        values = [unneutralise(value) if value else value for value in pick(cells)]
        first, last, title, middle, suffix, goes_by, *details = values
        email, phone, url, org, role, location, education, how, by, notes = details
        errors = []
        if url and not is_linkedin(url.strip()):
            errors.append(f"the LinkedIn URL '{url}' is not a LinkedIn address")
        how_known = _HOW_KNOWN.get(how.strip().casefold(), "")
        if how.strip() and not how_known:
            choices = ", ".join(HOW_KNOWN.values())
            errors.append(f"How Known '{how}' is not one of: {choices}")
        contact = ImportedContact(
            line=line,
            first_name=first,
            last_name=last,
            honorific=title,
            middle_name=middle,
            suffix=suffix,
            goes_by=goes_by,
            email=email,
            phone=phone,
            linkedin_url=url,
            organization=org,
            role=role,
            location=location,
            education=education,
            how_known=how_known,
            referred_by=by,
            notes=notes,
        )
        result.add(contact, errors=errors)
    return result
