"""Contacts as vCard 3.0 (RFC 2426), for an address book or a phone: written with vobject."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

import vobject

from coffeechat.foundation.accounts.models import User
from coffeechat.method.importers.values import split_location
from coffeechat.network.people.models import Contact

CHUNK = 2000


def _display_name(contact: Contact) -> str:
    # FN is required: someone imported without a name still needs one in an address book. It is
    # the name as written in full ("Dr. John Quinlan Public III"); N holds each part.
    return contact.person_name.formal or contact.email or contact.role or "(no name)"


def _one_kind_of_line_break(text: str) -> str:
    # vCard has one way to write a line break (\n); a lone \r would otherwise become one anyway.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def contact_card(contact: Contact) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("uid").value = f"coffeechat-contact-{contact.pk}"
    card.add("n").value = vobject.vcard.Name(
        family=contact.last_name,
        given=contact.first_name,
        additional=contact.middle_name,
        prefix=contact.honorific,
        suffix=contact.suffix,
    )
    card.add("fn").value = _display_name(contact)
    if contact.goes_by:
        card.add("nickname").value = contact.goes_by
    if contact.organization:
        card.add("org").value = [contact.organization.name]
    if contact.role:
        card.add("title").value = contact.role
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.phone:
        card.add("tel").value = contact.phone
    if contact.location.strip():
        # The import reads an address's city, region and country into Location; the rest of
        # an address Coffeechat does not keep.
        city, region, country = split_location(contact.location)
        card.add("adr").value = vobject.vcard.Address(city=city, region=region, country=country)
    if contact.linkedin_url:
        card.add("url").value = contact.linkedin_url
    if contact.notes:
        card.add("note").value = _one_kind_of_line_break(contact.notes)
    card.add("rev").value = f"{contact.updated_at.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
    return card


def vcards(user: User) -> Iterator[str]:
    """One vCard per contact of the user's, in name order."""
    contacts = (
        Contact.objects.owned_by(user)
        .select_related("organization")
        .order_by("first_name", "last_name", "pk")
    )
    for contact in contacts.iterator(CHUNK):
        yield contact_card(contact).serialize()


def vcard_text(user: User) -> str:
    return "".join(vcards(user))
