"""Step 1: fields of interest and target organizations."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from coffeechat.foundation.core.models import OwnedModel, WebAddressField


class Field(OwnedModel):
    name = models.CharField(max_length=200)
    notes = models.TextField(blank=True, help_text="Markdown.")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="field_name_unique_per_owner")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("research:field", args=[self.pk])


class Motivation(models.IntegerChoices):
    UNKNOWN = 0, "0 - don't know enough yet"
    LOW = 1, "1 - some interest"
    MEDIUM = 2, "2 - keen"
    HIGH = 3, "3 - dream employer"


class Posting(models.IntegerChoices):
    NONE = 1, "1 - no relevant postings"
    SOME = 2, "2 - some postings"
    RELEVANT = 3, "3 - relevant postings"


class Organization(OwnedModel):
    """An organization: a target (prioritized the LAMP way: Motivation, then Posting, then
    Advocacy) or only a known employer, where someone in the user's network works."""

    name = models.CharField(max_length=200)
    website = WebAddressField(blank=True)
    field = models.ForeignKey(
        Field, on_delete=models.SET_NULL, null=True, blank=True, related_name="organizations"
    )
    industry = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    motivation = models.PositiveSmallIntegerField(
        choices=Motivation.choices, default=Motivation.UNKNOWN
    )
    posting = models.PositiveSmallIntegerField(choices=Posting.choices, default=Posting.NONE)
    notes = models.TextField(blank=True, help_text="Research notes, Markdown.")
    # Done with it for now (everyone asked, or not a fit after all): it leaves the top 5 and
    # Next moves, and stays on the list.
    finished_on = models.DateField(null=True, blank=True)
    # On the target list (LAMP, Next moves) or only a known employer: one that came with an
    # imported contact is not a target until the user makes it one.
    is_target = models.BooleanField(default=True)

    class Meta:
        ordering = ["-motivation", "-posting", "name"]
        indexes = [
            models.Index(fields=["owner", "name"]),
            models.Index(
                fields=["owner", "is_target", "-motivation", "-posting", "name"],
                name="research_org_targets_lamp",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("research:organization", args=[self.pk])


class DifferentOrganizations(OwnedModel):
    """Two organizations the user said are not the same, so they are not offered for merging
    again. Stored once, the lower id first (see `ordered`)."""

    organization_a = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    organization_b = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "pair marked as different organizations"
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "organization_a", "organization_b"],
                name="different_organizations_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(organization_a__lt=models.F("organization_b")),
                name="different_organizations_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_a} is not {self.organization_b}"

    @staticmethod
    def ordered(a_id: int, b_id: int) -> tuple[int, int]:
        return (a_id, b_id) if a_id < b_id else (b_id, a_id)
