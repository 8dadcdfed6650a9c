"""Step 2: the people in the user's network and who can introduce them to whom."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from coffeechat.foundation.core.models import OwnedModel, WebAddressField
from coffeechat.method.names import PersonName, shown_name
from coffeechat.network.research.models import Organization


class HowKnown(models.TextChoices):
    FRIEND = "friend", "Friend"
    FAMILY = "family", "Family"
    ALUMNI = "alumni", "Alumni"
    PROFESSOR = "professor", "Professor"
    FORMER_COLLEAGUE = "former_colleague", "Former colleague"
    LINKEDIN = "linkedin", "LinkedIn"
    REFERRAL = "referral", "Referral"
    COLD = "cold", "Cold (no connection yet)"


class Source(models.TextChoices):
    """Where a contact came from: typed in, imported from a file, a referral, a backup."""

    MANUAL = "manual", "Added by hand"
    LINKEDIN = "linkedin", "LinkedIn connections"
    GOOGLE = "google", "Google Contacts"
    OUTLOOK = "outlook", "Outlook contacts"
    VCARD = "vcard", "vCard file"
    REFERRAL = "referral", "Referral"
    RESTORE = "restore", "Restored from a backup"


class KeepInTouch(models.TextChoices):
    """How often to send a short update to someone you met, once the first update is sent."""

    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    TWICE_A_YEAR = "twice_a_year", "Twice a year"
    NEVER = "never", "Never"


def full_name(first_name: str, last_name: str) -> str:
    """How a person's name is shown, for lists that read names without a Contact instance."""
    return shown_name(first_name, last_name)


class Contact(OwnedModel):
    # The given and family names; the other parts of the name are optional (method/names.py).
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100, blank=True)
    honorific = models.CharField(
        "Title", max_length=40, blank=True, help_text="Dr., Professor, Ms.: for formal greetings."
    )
    middle_name = models.CharField(max_length=100, blank=True)
    suffix = models.CharField(max_length=40, blank=True, help_text="Jr., III, PhD")
    goes_by = models.CharField(
        "Goes by", max_length=100, blank=True, help_text="The name they use, if not the given one."
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    linkedin_url = WebAddressField("LinkedIn URL", blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="contacts"
    )
    role = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    education = models.CharField(max_length=300, blank=True)
    how_known = models.CharField(
        "How you know them", max_length=20, choices=HowKnown.choices, default=HowKnown.COLD
    )
    introduced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introduced",
        help_text="Who put you in touch, or who can.",
    )
    notes = models.TextField(blank=True, help_text="Markdown.")
    source = models.CharField(
        "Where they came from", max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    keep_in_touch = models.CharField(
        "Keep in touch",
        max_length=20,
        choices=KeepInTouch.choices,
        default=KeepInTouch.QUARTERLY,
        help_text="After the first update (about 4 weeks after you meet), how often to write.",
    )
    imported_at = models.DateTimeField(
        null=True, blank=True, help_text="When an import last added or changed them."
    )

    class Meta:
        ordering = ["first_name", "last_name"]
        indexes = [
            models.Index(fields=["owner", "first_name", "last_name"]),
            # The Contacts list sorts and filters by these, always within one owner's rows.
            models.Index(fields=["owner", "role"], name="contact_owner_role"),
            models.Index(fields=["owner", "how_known"], name="contact_owner_how_known"),
            models.Index(fields=["owner", "source"], name="contact_owner_source"),
            # The last change to anyone in the network in one lookup: Insights' cache version.
            models.Index(fields=["owner", "updated_at"], name="contact_owner_changed"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)

    @property
    def person_name(self) -> PersonName:
        return PersonName(
            given=self.first_name,
            family=self.last_name,
            middle=self.middle_name,
            honorific=self.honorific,
            suffix=self.suffix,
            goes_by=self.goes_by,
        )

    def get_absolute_url(self) -> str:
        return reverse("people:contact", args=[self.pk])


class OtherAddress(OwnedModel):
    """A LinkedIn URL or e-mail a contact is also known by.

    Merging two records of one person keeps one address of each kind on the contact; the other
    record's are kept here, so that imports and Find duplicates still recognise the person by
    them (the merged notes say "Also known: …" for people to read).
    """

    class Kind(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn URL"
        EMAIL = "email", "E-mail"

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="other_addresses")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    address = models.CharField(max_length=254)  # as written; compared by importers' keys

    class Meta:
        verbose_name = "other address"
        verbose_name_plural = "other addresses"
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "kind", "address"], name="other_address_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact}: {self.address}"
