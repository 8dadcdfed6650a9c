from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, cast
from urllib.parse import urlsplit

from django import forms
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact, KeepInTouch
from coffeechat.network.research.models import Organization


def is_linkedin_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def contact_label(contact: Contact) -> str:
    """A contact as a picker lists them: "Priya Shah (Acme, Analyst)"."""
    organization = contact.organization.name if contact.organization is not None else ""
    details = ", ".join(part for part in (organization, contact.role) if part)
    return f"{contact.full_name} ({details})" if details else contact.full_name


def contact_labels(contacts: Iterable[Contact]) -> dict[int, str]:
    """Labels that tell every contact apart, even two Priya Shahs at Acme: where organization
    and role are not enough, the e-mail, else the day they were added."""
    contacts = list(contacts)
    labels = {contact.pk: contact_label(contact) for contact in contacts}
    seen = Counter(labels.values())
    for contact in contacts:
        if seen[labels[contact.pk]] > 1:
            extra = contact.email or f"added {contact.created_at:j M Y}"
            labels[contact.pk] = f"{labels[contact.pk]}, {extra}"
    return labels


class _ContactChoices(ModelChoiceIterator):
    def __iter__(self) -> Iterator[tuple[ModelChoiceIteratorValue | str, str]]:
        if self.field.empty_label is not None:
            yield ("", str(self.field.empty_label))
        contacts = list(self.queryset)  # one query; labels need all of them at once
        labels = contact_labels(contacts)
        for contact in contacts:
            value = ModelChoiceIteratorValue(self.field.prepare_value(contact), contact)
            yield (value, labels[contact.pk])


class ContactChoiceField(forms.ModelChoiceField):
    """A select of contacts in which people with the same name can be told apart."""

    iterator = _ContactChoices

    def label_from_instance(self, obj: Contact) -> str:
        return contact_label(obj)


# The parts of a name most people leave empty: behind "More name details" on the form.
NAME_DETAILS = ("honorific", "middle_name", "suffix", "goes_by")


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "first_name", "last_name", *NAME_DETAILS, "email", "phone", "linkedin_url",
            "organization", "role", "location", "education", "how_known", "introduced_by",
            "keep_in_touch", "notes",
        ]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs={"rows": 8})}
        field_classes = {"introduced_by": ContactChoiceField}
        help_texts = {
            "role": "Best of all: someone doing the work you want, one or two levels above "
            "where you would start.",
            "education": "Compare their path with yours: advice from a very different start "
            "needs adjusting.",
            "notes": "Markdown. What you know about them, what to ask, what they said.",
            "honorific": "Dr., Professor, Ms.: a formal message says “Dear Dr. Public”.",
            "suffix": "Jr., III, PhD",
            "goes_by": "What friends call them (Johnny for John): warm messages use it.",
        }
        error_messages = {"first_name": {"required": "Enter at least a first name."}}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        # Only the user's own organizations and contacts can be chosen.
        organizations = cast(forms.ModelChoiceField, self.fields["organization"])
        organizations.queryset = Organization.objects.owned_by(owner).order_by("name")
        introducers = cast(forms.ModelChoiceField, self.fields["introduced_by"])
        introducers.queryset = Contact.objects.owned_by(owner).select_related("organization")
        # Left out (an older form, a script): keep what the contact has, or the default.
        self.fields["keep_in_touch"].required = False

    def name_fields(self) -> list[forms.BoundField]:
        """Given and family name: always shown first."""
        return [self["first_name"], self["last_name"]]

    def name_detail_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in NAME_DETAILS]

    def other_fields(self) -> list[forms.BoundField]:
        shown = {"first_name", "last_name", *NAME_DETAILS}
        return [field for field in self.visible_fields() if field.name not in shown]

    def name_details_open(self) -> bool:
        """The disclosure opens by itself when any part is filled in, or has an error."""
        return any(
            str(field.value() or "").strip() or field.errors for field in self.name_detail_fields()
        )

    def clean_keep_in_touch(self) -> str:
        chosen: str = self.cleaned_data["keep_in_touch"]
        return chosen or self.instance.keep_in_touch

    def clean_linkedin_url(self) -> str:
        url: str = self.cleaned_data["linkedin_url"]
        if url and not is_linkedin_url(url):
            raise forms.ValidationError(
                "That is not a LinkedIn address. Paste their profile URL, "
                "like https://www.linkedin.com/in/their-name."
            )
        return url

    def clean_introduced_by(self) -> Contact | None:
        introducer: Contact | None = self.cleaned_data["introduced_by"]
        if introducer and self.instance.pk and introducer.pk == self.instance.pk:
            raise forms.ValidationError("A contact cannot introduce themselves.")
        return introducer


class KeepInTouchForm(forms.Form):
    """The cadence alone, changed from the contact page."""

    keep_in_touch = forms.ChoiceField(
        label="Keep in touch", choices=KeepInTouch.choices, initial=KeepInTouch.QUARTERLY
    )
