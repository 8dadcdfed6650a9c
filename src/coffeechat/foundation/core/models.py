"""What every user-owned record shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Self, TypeVar

from django import forms
from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from coffeechat.foundation.accounts.models import User

_M = TypeVar("_M", bound=models.Model)


# URLField is generic in the stubs only: URLField[str, str] would fail at run time.
class WebAddressField(models.URLField):  # type: ignore[type-arg]
    """A URL field whose form accepts a bare domain ("greenbank.example") as https://.

    The input is plain text (with a URL keyboard on phones): the browser's own URL check
    would refuse the bare domain before the server could complete it.
    """

    # Django's URLField.formfield takes only keywords; the stubs give it Field's positionals.
    def formfield(self, **kwargs: Any) -> forms.Field | None:  # type: ignore[override]
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"})
        )
        return super().formfield(**kwargs)


class OwnedQuerySet(models.QuerySet[_M]):
    def owned_by(self, user: User) -> Self:
        return self.filter(owner=user)


OwnedManager = models.Manager.from_queryset(OwnedQuerySet)


class OwnedModel(models.Model):
    """A record that belongs to exactly one user; every query goes through `owned_by`."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[OwnedManager[Self]] = OwnedManager()

    class Meta:
        abstract = True
