"""Reading the target list: organizations in priority order, with what the user knows there."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from coffeechat.research.models import Organization

# How many organizations the method says to work on first.
WORK_FIRST = 5


def organizations_by_priority(user: object, search: str = "") -> QuerySet[Organization]:
    """LAMP order: Motivation, then Posting, then Advocacy (someone you know there)."""
    from coffeechat.people.models import Contact, HowKnown

    known_there = Contact.objects.filter(organization=OuterRef("pk")).exclude(
        how_known=HowKnown.COLD
    )
    organizations = (
        Organization.objects.owned_by(user)
        .select_related("field")
        .annotate(advocacy=Exists(known_there), contact_count=Count("contacts", distinct=True))
        .order_by("-motivation", "-posting", "-advocacy", "name")
    )
    if search:
        organizations = organizations.filter(
            Q(name__icontains=search)
            | Q(industry__icontains=search)
            | Q(location__icontains=search)
        )
    return organizations
