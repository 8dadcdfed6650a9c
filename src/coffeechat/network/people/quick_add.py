"""Adding a person in one line: a name, where they work (typed freely), how you know them.

The organization is matched however it is written ("Morningstar Inc." is the "Morningstar"
the user has) and created when new, as a known employer: knowing someone somewhere does not
make it a target. The full contact form stays for everything else.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction

from coffeechat.foundation.accounts.models import User
from coffeechat.method.importers.values import split_name
from coffeechat.network.people.models import Contact, HowKnown, Source
from coffeechat.network.research.models import Organization
from coffeechat.network.research.services import matching_organization, organization_named

NAME_LIMIT = 100  # Contact.first_name and last_name


class QuickAddForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=301,
        error_messages={"required": "Enter their name."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "Ana María López"}),
    )
    organization = forms.CharField(
        label="Organization",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "list": "quick-add-organizations"}),
    )
    how_known = forms.ChoiceField(
        label="How you know them", choices=HowKnown.choices, initial=HowKnown.COLD
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        first, last = split_name(name)
        if len(first) > NAME_LIMIT or len(last) > NAME_LIMIT:
            raise forms.ValidationError(f"Names are kept to {NAME_LIMIT} characters each.")
        return name

    def unsaved(self) -> Contact:
        """The contact as it would be saved, for the duplicate check: its organization is the
        stored one the name matches, or an unsaved one."""
        first, last = split_name(self.cleaned_data["name"])
        typed = " ".join(self.cleaned_data["organization"].split())
        organization = (
            (matching_organization(self.owner, typed) or Organization(name=typed))
            if typed
            else None
        )
        return Contact(
            owner=self.owner,
            first_name=first,
            last_name=last,
            organization=organization,
            how_known=self.cleaned_data["how_known"],
        )


@transaction.atomic
def quick_add(
    owner: User, *, name: str, organization: str = "", how_known: str = HowKnown.COLD,
    new_organization_is_target: bool = False,
) -> Contact:  # fmt: skip
    """Add a contact from one line; a new organization is a known employer unless asked."""
    first, last = split_name(" ".join(name.split()))
    return Contact.objects.create(
        owner=owner,
        first_name=first,
        last_name=last,
        organization=organization_named(owner, organization, target=new_organization_is_target),
        how_known=how_known,
        source=Source.MANUAL,
    )
