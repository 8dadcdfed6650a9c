"""Merging two records of the same person into one, losing nothing.

Everything attached to the duplicate (messages, replies, conversations, follow-ups, people it
introduced, the referral it came from) moves to the kept contact. Its details fill the kept
contact's blanks; where both say something different, the kept contact's value stays and the
other is written into the notes ("Also known: email x@y"). The other record's LinkedIn URL and
e-mails are also kept as the contact's other addresses (network/addresses.py), so that
importing a file again recognises the person by them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from coffeechat.foundation.core.calendar_sequence import VersionedForCalendars
from coffeechat.method.importers import email_key, linkedin_key
from coffeechat.network.duplicates.addresses import addresses_to_keep
from coffeechat.network.duplicates.models import NotDuplicate
from coffeechat.network.people.models import Contact, HowKnown, OtherAddress
from coffeechat.pipeline.conversations.models import Referral
from coffeechat.pipeline.followups import plan as followup_plan

# Facts about the record rather than the person: filled when blank, never noted as conflicts.
RECORD_FACTS = {"id", "owner", "created_at", "updated_at", "notes", "source", "imported_at"}
QUIET_FIELDS = {"source", "imported_at"}
# A value that only says "nobody told us": "Cold" is the form's default for how you know them.
UNSET = {"how_known": HowKnown.COLD}
# How the confirmation page names what moves; other models pointing at contacts use their
# verbose name.
MOVE_LABELS = {
    "messages": ("message", "messages"),
    "replies": ("reply", "replies"),
    "conversations": ("conversation", "conversations"),
    "followups": ("follow-up", "follow-ups"),
    "introduced": ("person they introduced", "people they introduced"),
}


@dataclass
class MergePlan:
    """What merging `other` into `keep` will do, computed before anything is written."""

    keep: Contact
    other: Contact
    result: Contact  # an unsaved copy of `keep` with the merged details
    filled: list[str] = field(default_factory=list)  # labels of blanks filled from `other`
    also_known: list[str] = field(default_factory=list)  # lines added to the notes
    moves: list[tuple[int, str]] = field(default_factory=list)  # (count, label)
    # (kind, address) the kept contact will also be known by: see network/addresses.py
    other_addresses: list[tuple[str, str]] = field(default_factory=list)
    referral_moves: bool = False


def _person_fields() -> list[models.Field[Any, Any]]:
    return [f for f in Contact._meta.concrete_fields if f.name not in RECORD_FACTS - QUIET_FIELDS]


def _is_blank(contact: Contact, f: models.Field[Any, Any]) -> bool:
    value = getattr(contact, f.attname)
    return value in (None, "") or UNSET.get(f.name, object()) == value


def _label(f: models.Field[Any, Any]) -> str:
    name = str(f.verbose_name)
    # "How you know them" reads as "how you know them"; "LinkedIn URL" keeps its capitals.
    return name[0].lower() + name[1:] if name[1:] == name[1:].lower() else name


def _shown(contact: Contact, f: models.Field[Any, Any]) -> str:
    if f.choices:
        return str(getattr(contact, f"get_{f.name}_display")())
    if f.is_relation:
        return str(getattr(contact, f.name))
    return str(getattr(contact, f.attname))


def _same(f: models.Field[Any, Any], first: Any, second: Any) -> bool:
    """Equal, or the same address written differently (e-mail case, LinkedIn URL variants)."""
    if f.name == "email":
        return email_key(first) == email_key(second)
    if f.name == "linkedin_url" and (key := linkedin_key(first)):
        return key == linkedin_key(second)
    # Two addresses that are not LinkedIn profiles have no key: only the same text is the same.
    return bool(first == second)


def _merge_details(plan: MergePlan) -> None:
    keep, other, result = plan.keep, plan.other, plan.result
    ignore = {keep.pk, other.pk}  # once they are one person, nobody introduced themselves
    for f in _person_fields():
        if f.name == "introduced_by":
            if keep.introduced_by_id in ignore:
                result.introduced_by = None
            if other.introduced_by_id in ignore:
                continue
        if _is_blank(other, f) or _same(f, getattr(other, f.attname), getattr(result, f.attname)):
            continue
        if _is_blank(result, f):
            setattr(result, f.name, getattr(other, f.name))
            plan.filled.append(_label(f))
        elif f.name not in QUIET_FIELDS:
            plan.also_known.append(f"Also known: {_label(f)} {_shown(other, f)}")


def _referral_of_other(keep: Contact, other: Contact) -> tuple[bool, str]:
    """Whether other's referral moves, or (keep has its own) the line that remembers it."""

    theirs = Referral.objects.filter(contact=other).select_related("conversation__contact").first()
    if theirs is None:
        return False, ""
    if not Referral.objects.filter(contact=keep).exists():
        return True, ""
    # A contact has one referral (OneToOne): keep's stays, the other's is kept as a note.
    conversation = theirs.conversation
    when = timezone.localtime(conversation.scheduled_at).date()
    name_ok = "; you may use their name" if theirs.may_use_name else ""
    return False, (
        f"Also referred by {conversation.contact.full_name} "
        f"in your conversation on {when:%d %b %Y}{name_ok}"
    )


def _merged_notes(plan: MergePlan) -> str:
    keep, other = plan.keep, plan.other
    brought = "\n".join(
        part for part in (other.notes.strip(), "\n".join(f"- {line}" for line in plan.also_known))
        if part
    )  # fmt: skip
    if not brought:
        return keep.notes
    if not keep.notes.strip():
        return brought
    added = timezone.localtime(other.created_at).date() if other.created_at else None
    source = f"the merged record of {other.full_name}" + (
        f", added {added:%d %b %Y}" if added else ""
    )
    return f"{keep.notes.rstrip()}\n\n---\n\n*From {source}:*\n\n{brought}"


def _reverse_foreign_keys() -> list[models.ForeignKey[Any, Any]]:
    """Every many-to-one field pointing at Contact (messages, replies, ... introduced_by)."""
    fields = [
        rel.field
        for rel in Contact._meta.related_objects
        if rel.one_to_many
        and isinstance(rel.field, models.ForeignKey)  # as every one-to-many is
        and rel.related_model not in (NotDuplicate, OtherAddress)
    ]
    order = list(MOVE_LABELS)
    return sorted(fields, key=lambda f: _accessor_rank(f, order))


def _accessor_rank(f: models.ForeignKey[Any, Any], order: list[str]) -> tuple[int, str]:
    accessor = f.remote_field.get_accessor_name() or ""  # None only for hidden relations
    return (order.index(accessor) if accessor in order else len(order), accessor)


def _move_label(f: models.ForeignKey[Any, Any], count: int) -> str:
    accessor = f.remote_field.get_accessor_name()
    singular, plural = MOVE_LABELS.get(
        accessor, (f.model._meta.verbose_name, f.model._meta.verbose_name_plural)
    )
    return str(singular if count == 1 else plural)


def _attached_to(
    other: Contact, f: models.ForeignKey[Any, Any], keep: Contact
) -> models.QuerySet[Any]:
    attached = f.model._base_manager.filter(**{f.name: other})
    return attached.exclude(pk=keep.pk) if f.model is Contact else attached


def plan_merge(keep: Contact, other: Contact) -> MergePlan:
    """What `merge_contacts(keep, other)` would do, without writing anything."""
    if keep.owner_id != other.owner_id:
        raise ValueError("Only two contacts of the same user can be merged.")
    if keep.pk == other.pk:
        raise ValueError("A contact cannot be merged into itself.")
    result = Contact(**{f.attname: getattr(keep, f.attname) for f in Contact._meta.concrete_fields})
    result._state.adding = False
    plan = MergePlan(keep=keep, other=other, result=result)
    _merge_details(plan)
    plan.referral_moves, referral_line = _referral_of_other(keep, other)
    if referral_line:
        plan.also_known.append(referral_line)
    result.notes = _merged_notes(plan)
    plan.other_addresses = addresses_to_keep(result, keep, other)
    for f in _reverse_foreign_keys():
        if count := _attached_to(other, f, keep).count():
            plan.moves.append((count, _move_label(f, count)))
    if plan.referral_moves:
        plan.moves.append((1, "referral"))
    return plan


def _move_dismissals(keep: Contact, other: Contact) -> None:
    """Pairs marked "not the same person" with `other` now hold for `keep`."""
    rows = NotDuplicate.objects.filter(
        models.Q(contact_a=other) | models.Q(contact_b=other)
    ).values_list("contact_a_id", "contact_b_id")
    for a_id, b_id in list(rows):
        partner = b_id if a_id == other.pk else a_id
        if partner != keep.pk:
            low, high = NotDuplicate.ordered(keep.pk, partner)
            NotDuplicate.objects.get_or_create(
                owner=keep.owner, contact_a_id=low, contact_b_id=high
            )


@transaction.atomic
def merge_contacts(keep: Contact, other: Contact) -> Contact:
    """Merge `other` into `keep` and delete `other`; returns the kept contact, up to date.

    Both are read again inside the transaction, so the merge works from what is stored.
    """

    stored = Contact.objects.select_for_update().in_bulk([keep.pk, other.pk])
    if len(stored) != 2:
        raise ValueError("Both contacts must exist to be merged.")
    keep, other = stored[keep.pk], stored[other.pk]
    plan = plan_merge(keep, other)
    for f in _reverse_foreign_keys():
        moved: dict[str, Any] = {f.name: keep}
        if issubclass(f.model, VersionedForCalendars):
            # Its calendar event now names the kept person: a new version, or calendars keep
            # showing the old one (a bulk update skips the model's own save).
            moved["sequence"] = F("sequence") + 1
        _attached_to(other, f, keep).update(**moved)
    if plan.referral_moves:
        Referral.objects.filter(contact=other).update(contact=keep)
    _move_dismissals(keep, other)
    other.delete()  # its other addresses with it: plan.other_addresses has them
    plan.result.save()
    OtherAddress.objects.bulk_create(
        OtherAddress(owner_id=keep.owner_id, contact=plan.result, kind=kind, address=address)
        for kind, address in plan.other_addresses
    )
    # One history now: what it calls for is planned again (both records may have brought an
    # open keep-in-touch: one person gets one, with the notes of both).
    followup_plan.replan(plan.result)
    return plan.result
