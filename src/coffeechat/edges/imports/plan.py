"""Deciding what an import does to the user's contacts, before anything is written.

Who is who: the LinkedIn profile address is the surest key, then any e-mail, then the exact
same name at the same organization (unless their LinkedIn profiles or e-mails differ, which
makes them two people). A contact's other addresses (kept when two records were merged, see
addresses.py) recognise them too. The user's contacts, their other addresses and organizations
are read in three queries; the rest happens in memory, so a file of 30,000 connections plans
in well under a second.

What an import changes on someone already there: blank fields are filled (the parts of a name
too: title, middle name, suffix, the name they go by); role and organization follow the file
(people change jobs, and the file is newer); "how you know them" is set only while it is still
the default "Cold"; names and notes the user wrote are kept.
"How you know them" comes from the file where it says (Coffeechat's own export), else from
the kind of file (LinkedIn) or the address book's groups ("Friends").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coffeechat.edges.imports.organizations import Organizations, OrgRef
from coffeechat.foundation.accounts.models import User
from coffeechat.method.importers import (
    LIMITS,
    ImportedContact,
    email_key,
    linkedin_key,
    name_key,
)
from coffeechat.method.importers.values import split_name
from coffeechat.network.duplicates.addresses import known_addresses
from coffeechat.network.people.models import Contact, HowKnown, full_name

ADD, UPDATE, UNCHANGED, SKIP, PROBLEM = "add", "update", "unchanged", "skip", "problem"
ACTION_LABELS = {
    ADD: "Add",
    UPDATE: "Update",
    UNCHANGED: "Unchanged",
    SKIP: "Skip",
    PROBLEM: "Problem",
}
_NONE: frozenset[str] = frozenset()
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FILLED = (
    "honorific", "middle_name", "suffix", "goes_by",
    "email", "phone", "linkedin_url", "location", "education",
)  # fmt: skip
# Address-book groups that say plainly how the user knows someone.
LABEL_RELATIONS = {
    "friends": HowKnown.FRIEND,
    "friend": HowKnown.FRIEND,
    "family": HowKnown.FAMILY,
    "alumni": HowKnown.ALUMNI,
    "professors": HowKnown.PROFESSOR,
    "professor": HowKnown.PROFESSOR,
}
# Plain strings: looking members up on the choices class costs time 30,000 times over.
_COLD, _LINKEDIN, _REFERRAL = str(HowKnown.COLD), str(HowKnown.LINKEDIN), str(HowKnown.REFERRAL)
CHANGE_LABELS = {
    "honorific": "title",
    "middle_name": "middle name",
    "suffix": "name suffix",
    "goes_by": "the name they go by",
    "email": "e-mail",
    "phone": "phone",
    "linkedin_url": "LinkedIn address",
    "location": "location",
    "education": "education",
    "notes": "notes",
    "how_known": "how you know them",
}
_EXISTING = (
    "pk", "first_name", "last_name", "email", "phone", "linkedin_url", "organization_id",
    "role", "location", "notes", "how_known", "education", "honorific", "middle_name", "suffix",
    "goes_by", "introduced_by_id",
)  # fmt: skip


class Person:
    """Someone the import deals with: a stored contact (pk) or one the file adds (no pk yet)."""

    __slots__ = (
        "changes", "education", "email", "emails", "first_name", "goes_by", "honorific",
        "how_known", "introduced_by_id", "introducer", "last_name", "line", "linkedin",
        "linkedin_url", "location", "middle_name", "notes", "org", "other_linkedin", "phone",
        "pk", "role", "stored", "suffix",
    )  # fmt: skip

    def __init__(
        self, first_name: str, last_name: str, email: str, phone: str, linkedin_url: str,
        org: OrgRef, role: str, location: str, notes: str, how_known: str,
        education: str = "", honorific: str = "", middle_name: str = "", suffix: str = "",
        goes_by: str = "", *, pk: int | None = None, introduced_by_id: int | None = None,
    ) -> None:  # fmt: skip
        self.first_name = first_name
        self.last_name = last_name
        self.email = email
        self.phone = phone
        self.linkedin_url = linkedin_url
        self.org = org  # see Organizations
        self.role = role
        self.location = location
        self.notes = notes
        self.how_known = how_known
        self.education = education
        self.honorific = honorific
        self.middle_name = middle_name
        self.suffix = suffix
        self.goes_by = goes_by
        self.pk = pk
        self.introduced_by_id = introduced_by_id
        self.stored = pk is not None  # already a contact (pk is learned later for new ones)
        self.line: int | None = None  # the first line of the file that is this person
        self.introducer: Person | None = None  # when the import sets who introduced them
        # Field name -> new value: text, an organization (OrgRef) or the introducer (Person).
        self.changes: dict[str, Any] = {}
        self.linkedin = ""  # keys: see ImportPlan._find
        self.emails: frozenset[str] = _NONE  # every e-mail, other addresses included
        self.other_linkedin: frozenset[str] = _NONE  # LinkedIn keys of other addresses

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)


@dataclass(slots=True)
class RowAction:
    """What happens to one row of the file, as the preview lists it."""

    line: int
    name: str
    organization: str
    role: str
    email: str
    action: str  # ADD, UPDATE, UNCHANGED, SKIP or PROBLEM
    detail: str = ""

    @property
    def label(self) -> str:
        return ACTION_LABELS[self.action]


class ImportPlan:
    """Everything an import will do, computed from the rows and the owner's stored contacts."""

    def __init__(self, owner: User, kind: str) -> None:
        self.kind = kind
        self.organizations = Organizations(owner)
        self.existing: list[Person] = []
        self.new: list[Person] = []
        self.by_linkedin: dict[str, Person] = {}
        self.by_email: dict[str, Person] = {}
        self.by_name_at: dict[tuple[str, str], Person] = {}
        self.by_name: dict[str, Person] = {}  # stored contacts, for "Referred By"
        self.in_file: dict[str, Person] = {}  # people of this file by name, for "Referred By"
        self.outcomes: list[tuple[ImportedContact, Person, str]] = []  # (row, person, skip why)
        self.referrers: list[tuple[ImportedContact, Person]] = []  # added for "Referred By"
        self._load(owner)

    def _load(self, owner: User) -> None:
        rows = Contact.objects.owned_by(owner).order_by("pk").values_list(*_EXISTING)
        known = known_addresses(owner)
        for pk, *values, introduced_by_id in rows:
            person = Person(*values, pk=pk, introduced_by_id=introduced_by_id)
            person.linkedin = linkedin_key(person.linkedin_url) if person.linkedin_url else ""
            person.emails = frozenset([email_key(person.email)]) if person.email else _NONE
            self.existing.append(person)
            name = name_key(person.full_name)
            self._index(
                person, person.linkedin, person.emails, (name, self.organizations.key(person.org))
            )
            self.by_name.setdefault(name, person)
        # Indexed after every contact's own addresses: an address that is one contact's own and
        # another's other address stands for the contact whose own it is.
        by_pk = {person.pk: person for person in self.existing} if known else {}
        for pk, keys in known.linkedin.items():
            if found := by_pk.get(pk):
                found.other_linkedin = frozenset(keys)
                for key in keys:
                    self.by_linkedin.setdefault(key, found)
        for pk, keys in known.emails.items():
            if found := by_pk.get(pk):
                found.emails |= keys
                for key in keys:
                    self.by_email.setdefault(key, found)

    def _index(
        self, person: Person, linkedin: str, emails: frozenset[str], name_at: tuple[str, str]
    ) -> None:
        if linkedin:
            self.by_linkedin.setdefault(linkedin, person)
        for email in emails:
            self.by_email.setdefault(email, person)
        self.by_name_at.setdefault(name_at, person)

    # Reading the file's rows.

    def add_rows(self, rows: list[ImportedContact]) -> None:
        for row in rows:
            self._take(row)
        for row, person, skipped in self.outcomes:
            if row.referred_by and not skipped:
                self._link_referrer(row, person)

    def _take(self, row: ImportedContact) -> None:
        linkedin = linkedin_key(row.linkedin_url) if row.linkedin_url else ""
        if row.other_emails:
            emails = frozenset(email_key(e) for e in (row.email, *row.other_emails) if e)
        else:
            emails = frozenset([email_key(row.email)]) if row.email else _NONE
        org = self.organizations.ref(row.organization)
        name_at = (name_key(row.full_name), self.organizations.key(org))
        person = self._find(linkedin, emails, name_at)
        if person is not None and person.line is not None:
            self.outcomes.append((row, person, f"the same person as line {person.line}"))
            return
        if person is None:
            person = self._new_person(row, org)
            person.linkedin, person.emails = linkedin, emails
        else:
            self._update(person, row, org)
        person.line = row.line
        self.outcomes.append((row, person, ""))
        self._index(person, linkedin, emails, name_at)
        self.in_file.setdefault(name_at[0], person)

    def _find(
        self, linkedin: str, emails: frozenset[str], name_at: tuple[str, str]
    ) -> Person | None:
        if linkedin and (person := self.by_linkedin.get(linkedin)):
            return person
        for email in emails:
            person = self.by_email.get(email)
            if person and not _other_profile(person, linkedin):
                return person
        person = self.by_name_at.get(name_at)
        if person and not _other_profile(person, linkedin) and not _other_email(person, emails):
            return person
        return None

    def _new_person(self, row: ImportedContact, org: OrgRef) -> Person:
        person = Person(
            row.first_name, row.last_name, row.email, row.phone, row.linkedin_url, org,
            row.role, row.location, self._notes(row), self._how_known(row), row.education,
            row.honorific, row.middle_name, row.suffix, row.goes_by,
        )  # fmt: skip
        self.new.append(person)
        return person

    def _update(self, person: Person, row: ImportedContact, org: OrgRef) -> None:
        changes = person.changes
        for name in FILLED:
            value = getattr(row, name)
            if value and not getattr(person, name):
                changes[name] = value
        notes = self._notes(row)
        if notes and not person.notes:
            changes["notes"] = notes
        if row.role and row.role != person.role:
            changes["role"] = row.role
        if org is not None and self.organizations.key(org) != self.organizations.key(person.org):
            changes["organization"] = org
        how_known = self._how_known(row)
        if how_known != _COLD and person.how_known == _COLD:
            changes["how_known"] = how_known

    def _link_referrer(self, row: ImportedContact, person: Person) -> None:
        """'Referred By' names someone in this file, else a stored contact, else a new one."""
        key = name_key(row.referred_by)
        referrer = self.in_file.get(key) or self.by_name.get(key) or self._new_referrer(row)
        if referrer is None or referrer is person:
            return
        if not person.stored:
            person.introducer = person.introducer or referrer
            if person.how_known == _COLD and not row.how_known:  # unless the file says
                person.how_known = _REFERRAL
        elif person.introduced_by_id is None and "introduced_by" not in person.changes:
            person.changes["introduced_by"] = referrer
            person.introducer = referrer

    def _new_referrer(self, row: ImportedContact) -> Person | None:
        first, last = split_name(row.referred_by)
        if len(first) > LIMITS["first_name"] or len(last) > LIMITS["last_name"]:
            return None  # not a name: no link rather than a refused file
        referrer = Person(first, last, "", "", "", None, "", "", "", _COLD)
        referrer.line = row.line
        self.new.append(referrer)
        self.referrers.append((row, referrer))
        self.in_file[name_key(referrer.full_name)] = referrer
        return referrer

    def _notes(self, row: ImportedContact) -> str:
        if self.kind != "linkedin" or row.connected_on is None:
            return row.notes
        day = row.connected_on
        connected = f"Connected on LinkedIn on {day.day} {_MONTHS[day.month - 1]} {day.year}."
        return f"{row.notes}\n\n{connected}" if row.notes else connected

    def _how_known(self, row: ImportedContact) -> str:
        if row.how_known:
            return row.how_known
        if self.kind == "linkedin":
            return _LINKEDIN
        for label in row.labels:
            if relation := LABEL_RELATIONS.get(label.casefold()):
                return relation
        return _COLD

    # What the plan amounts to.

    @property
    def updated(self) -> list[Person]:
        return [person for person in self.existing if person.line is not None and person.changes]

    @property
    def unchanged(self) -> list[Person]:
        return [p for p in self.existing if p.line is not None and not p.changes]

    def new_organizations(self) -> list[str]:
        """Keys of the organizations to create: those a written contact points at."""
        refs = [person.org for person in self.new]
        refs += [person.changes.get("organization") for person in self.updated]
        return list(dict.fromkeys(ref for ref in refs if isinstance(ref, str)))

    def actions(self) -> list[RowAction]:
        actions = [self._action(row, person, skipped) for row, person, skipped in self.outcomes]
        actions += [
            RowAction(row.line, referrer.full_name, "", "", "", ADD, f"introduced {row.full_name}")
            for row, referrer in self.referrers
        ]
        return sorted(actions, key=lambda action: action.line)

    def _action(self, row: ImportedContact, person: Person, skipped: str) -> RowAction:
        org = row.organization
        if skipped:
            return RowAction(row.line, row.full_name, org, row.role, row.email, SKIP, skipped)
        if not person.stored:
            detail = f"introduced by {person.introducer.full_name}" if person.introducer else ""
            return RowAction(row.line, row.full_name, org, row.role, row.email, ADD, detail)
        action = UPDATE if person.changes else UNCHANGED
        return RowAction(
            row.line, row.full_name, org, row.role, row.email, action, self._describe(person)
        )

    def _describe(self, person: Person) -> str:
        changes = person.changes
        parts = []
        if "role" in changes:
            parts.append(f"role: {person.role or '(none)'} → {changes['role']}")
        if "organization" in changes:
            before = self.organizations.name(person.org) or "(none)"
            parts.append(
                f"organization: {before} → {self.organizations.name(changes['organization'])}"
            )
        filled = [label for name, label in CHANGE_LABELS.items() if name in changes]
        if filled:
            parts.append("adds " + ", ".join(filled))
        if "introduced_by" in changes:
            parts.append(f"introduced by {changes['introduced_by'].full_name}")
        return "; ".join(parts)


def _other_profile(person: Person, linkedin: str) -> bool:
    return bool(
        linkedin
        and person.linkedin
        and person.linkedin != linkedin
        and linkedin not in person.other_linkedin
    )


def _other_email(person: Person, emails: frozenset[str]) -> bool:
    return bool(emails and person.emails and not person.emails & emails)
