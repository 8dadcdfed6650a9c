"""What the user told us about their network that no contact record says by itself."""

from __future__ import annotations

from django.db import models

from coffeechat.foundation.core.models import OwnedModel
from coffeechat.network.people.models import Contact


class NotDuplicate(OwnedModel):
    """Two contacts the user said are not the same person, so they are not suggested again.

    The pair is stored once, the lower id first (see `ordered`).
    """

    contact_a = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")
    contact_b = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "pair marked as different people"
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "contact_a", "contact_b"], name="not_duplicate_pair_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(contact_a__lt=models.F("contact_b")),
                name="not_duplicate_pair_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contact_a} is not {self.contact_b}"

    @staticmethod
    def ordered(a_id: int, b_id: int) -> tuple[int, int]:
        return (a_id, b_id) if a_id < b_id else (b_id, a_id)
