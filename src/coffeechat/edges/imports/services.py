"""Importing the user's network from LinkedIn, Google, Outlook and vCard files, and from
Coffeechat's own contacts spreadsheet.

    report = import_file(user, "linkedin", data, "Connections.csv", dry_run=True)
    report = import_contacts(user, "linkedin", parse("linkedin", data, "Connections.csv"))

All or nothing: with any bad row nothing is written and the report lists the problems by line,
unless skip_bad_rows=True, which leaves the bad rows out and lists them as skipped. Importing
the same file again changes nothing. See plan.py for how people are recognized and what an
import changes, bulk.py for how the rows are written quickly.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from coffeechat.edges.imports import bulk
from coffeechat.edges.imports.organizations import OrgRef
from coffeechat.edges.imports.plan import PROBLEM, SKIP, ImportPlan, Person, RowAction
from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.models import OwnedModel
from coffeechat.method.importers import (
    KINDS,
    ImportedContact,
    ParseResult,
    RowIssue,
    parse,
)
from coffeechat.network.people.models import Contact, Source
from coffeechat.network.research.models import Organization

__all__ = ["ImportReport", "RowAction", "import_contacts", "import_file"]

_NEW_FIELDS = (
    "first_name", "last_name", "honorific", "middle_name", "suffix", "goes_by", "email", "phone",
    "linkedin_url", "organization", "role", "location", "education", "notes", "how_known",
    "introduced_by",
)  # fmt: skip
# Where imported contacts came from, by kind of file (the kind itself unless said here).
# Coffeechat's own spreadsheet is a copy of records kept elsewhere: the closest existing
# Source; a Source of its own would need a migration of people.Contact.
_SOURCES = {"coffeechat": Source.RESTORE.value}


def _now() -> datetime:
    return timezone.now()


@dataclass
class ImportReport:
    """What an import did (or, for a dry run or a refused file, would do)."""

    kind: str
    filename: str = ""
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[RowIssue] = field(default_factory=list)  # (line, reason)
    problems: list[RowIssue] = field(default_factory=list)  # (line, reason): these refuse it
    new_organizations: int = 0
    # The organizations the import creates, as (key, name): known employers unless their key
    # is among the targets asked for; and (name in the file, stored name) for those matched.
    organizations_created: list[tuple[str, str]] = field(default_factory=list)
    organizations_matched: list[tuple[str, str]] = field(default_factory=list)
    dry_run: bool = False
    _plan: ImportPlan | None = field(default=None, repr=False, compare=False)
    _unread: list[RowAction] = field(default_factory=list, repr=False, compare=False)
    _actions: list[RowAction] | None = field(default=None, repr=False, compare=False)

    @property
    def actions(self) -> list[RowAction]:
        """What happens to each row, in file order, bad rows included (worked out when first
        asked for: a big file has tens of thousands)."""
        if self._actions is None:
            planned = self._plan.actions() if self._plan else []
            self._actions = sorted(planned + self._unread, key=lambda action: action.line)
        return self._actions

    @property
    def refused(self) -> bool:
        """Bad rows and no permission to leave them out: nothing was written."""
        return bool(self.problems)

    @property
    def written(self) -> bool:
        return not self.dry_run and not self.refused

    def summary(self) -> str:
        return (
            f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
            f"skipped {len(self.skipped)}"
        )


def import_file(
    owner: User,
    kind: str,
    data: bytes,
    filename: str,
    *,
    dry_run: bool = False,
    skip_bad_rows: bool = False,
    targets: Collection[str] = (),
    complete_only: bool = False,
) -> ImportReport:
    """Read an uploaded file and import it; ImportFileError if the file cannot be read
    (CutShortError if it ends inside a row, unless `complete_only`)."""
    parsed = parse(kind, data, filename, complete_only=complete_only)
    return import_contacts(
        owner, kind, parsed, dry_run=dry_run, skip_bad_rows=skip_bad_rows, targets=targets
    )


def import_contacts(
    owner: User,
    kind: str,
    rows: ParseResult | Iterable[ImportedContact],
    *,
    dry_run: bool = False,
    skip_bad_rows: bool = False,
    targets: Collection[str] = (),
) -> ImportReport:
    """Add the people in `rows` to the owner's contacts, or update the ones already there.

    `rows` is a parser's result (its skipped rows and problems are carried into the report)
    or plain ImportedContact rows. Nothing is written for a dry run or when problems remain.
    The organizations it creates are known employers, not targets, except those whose key
    (ImportReport.organizations_created) is in `targets`.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind of import {kind!r}: one of {', '.join(KINDS)}")
    report = ImportReport(kind=kind, dry_run=dry_run)
    if isinstance(rows, ParseResult):
        report.filename = rows.filename
        report.skipped, report.problems = list(rows.skipped), list(rows.problems)
        rows = rows.rows
    if skip_bad_rows:
        report.skipped = sorted(report.skipped + report.problems)
        report.problems = []
    if not report.written:
        _fill(report, _planned(owner, kind, rows))
        return report
    with transaction.atomic():
        plan = _planned(owner, kind, rows)
        _fill(report, plan)
        _write(plan, owner, _now(), frozenset(targets))
    return report


def _planned(owner: User, kind: str, rows: Iterable[ImportedContact]) -> ImportPlan:
    plan = ImportPlan(owner, kind)
    plan.add_rows(list(rows))
    return plan


def _fill(report: ImportReport, plan: ImportPlan) -> None:
    report._unread = [
        RowAction(issue.line, "", "", "", "", action, issue.reason)
        for issues, action in ((report.skipped, SKIP), (report.problems, PROBLEM))
        for issue in issues
    ]
    report.added = len(plan.new)
    report.updated = len(plan.updated)
    report.unchanged = len(plan.unchanged)
    created = plan.new_organizations()
    report.new_organizations = len(created)
    report.organizations_created = sorted(
        ((key, plan.organizations.new[key]) for key in created), key=lambda pair: pair[1].casefold()
    )
    report.organizations_matched = _matched_organizations(plan)
    report._plan = plan
    duplicates = [RowIssue(row.line, why) for row, _person, why in plan.outcomes if why]
    report.skipped = sorted(report.skipped + duplicates)


def _matched_organizations(plan: ImportPlan) -> list[tuple[str, str]]:
    """(name in the file, the stored organization's name) for each stored organization a
    written contact points at by its name."""
    refs = [person.org for person in plan.new]
    refs += [person.changes.get("organization") for person in plan.updated]
    refs += [person.org for person in plan.unchanged]
    names = plan.organizations
    pks = dict.fromkeys(ref for ref in refs if isinstance(ref, int) and ref in names.matched)
    pairs = [(names.matched[pk], names.name_by_pk[pk]) for pk in pks]
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def _write(plan: ImportPlan, owner: User, now: datetime, targets: frozenset[str]) -> None:
    organizations = _create_organizations(plan, owner, now, targets)

    def org_pk(ref: OrgRef) -> int | None:
        return organizations[ref] if isinstance(ref, str) else ref

    rows = [_new_row(person, org_pk) for person in plan.new]
    stamps = {"created_at": now, "updated_at": now, "imported_at": now}
    constants = {"owner": owner.pk, "source": _SOURCES.get(plan.kind, plan.kind), **stamps}
    bulk.insert_rows(Contact, _NEW_FIELDS, rows, constants=constants)
    # Introductions between people this import adds need their ids, known only now.
    pending = [p for p in plan.new if p.introducer and p.introducer.pk is None]
    if pending or any(p.introducer and p.introducer.pk is None for p in plan.updated):
        _learn_new_pks(plan, owner, now)
        links = [(p.introducer.pk, p.pk) for p in pending if p.introducer]
        bulk.update_rows(Contact, ["introduced_by"], links, owner_id=owner.pk)
    _update_existing(plan, owner, now, org_pk)


def _new_row(person: Person, org_pk: Callable[[OrgRef], int | None]) -> tuple[Any, ...]:
    introducer = person.introducer.pk if person.introducer else None
    return (
        person.first_name, person.last_name, person.honorific, person.middle_name, person.suffix,
        person.goes_by, person.email, person.phone, person.linkedin_url, org_pk(person.org),
        person.role, person.location, person.education, person.notes, person.how_known,
        introducer,
    )  # fmt: skip


def _create_organizations(
    plan: ImportPlan, owner: User, now: datetime, targets: frozenset[str]
) -> dict[str, int]:
    keys = plan.new_organizations()
    if not keys:
        return {}
    names = [(plan.organizations.new[key], key in targets) for key in keys]
    bulk.insert_rows(
        Organization,
        ["name", "is_target"],
        names,
        constants={"owner": owner.pk, "created_at": now, "updated_at": now},
    )
    pks = _pks_created(Organization, owner, now, len(keys))
    return dict(zip(keys, pks, strict=True))


def _learn_new_pks(plan: ImportPlan, owner: User, now: datetime) -> None:
    """Rows inserted in one statement get increasing ids: read them back in that order."""
    for person, pk in zip(plan.new, _pks_created(Contact, owner, now, len(plan.new)), strict=True):
        person.pk = pk


def _pks_created(model: type[OwnedModel], owner: User, now: datetime, count: int) -> list[int]:
    pks = list(
        model.objects.owned_by(owner)
        .filter(created_at=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(pks) != count:  # only a clash in the same microsecond could do this
        raise RuntimeError(f"expected {count} new {model.__name__} rows, found {len(pks)}")
    return pks


def _update_existing(
    plan: ImportPlan, owner: User, now: datetime, org_pk: Callable[[OrgRef], int | None]
) -> None:
    """One UPDATE statement per set of changed fields (a handful of sets at most)."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    stamp = bulk.db_value(Contact, "updated_at", now)
    for person in plan.updated:
        fields = tuple(sorted(person.changes))
        values = tuple(_db_change(name, person.changes[name], org_pk) for name in fields)
        groups.setdefault(fields, []).append((*values, stamp, stamp, person.pk))
    for fields, rows in groups.items():
        bulk.update_rows(Contact, [*fields, "updated_at", "imported_at"], rows, owner_id=owner.pk)


def _db_change(name: str, value: Any, org_pk: Callable[[OrgRef], int | None]) -> object:
    if name == "organization":
        return org_pk(value)
    if name == "introduced_by":
        return value.pk if isinstance(value, Person) else value
    return value
