from __future__ import annotations

from typing import Any, cast

from django import forms
from django.urls import reverse
from django.utils.html import format_html

from coffeechat.foundation.accounts.models import User
from coffeechat.network.research.models import Field, Organization
from coffeechat.network.research.services import matching_organization


class FieldForm(forms.ModelForm):
    class Meta:
        model = Field
        fields = ["name", "notes"]

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = Field.objects.owned_by(self.instance.owner).filter(name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"You already have a field called “{name}”.")
        return name


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name", "website", "field", "industry", "location", "motivation", "posting", "notes",
        ]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "motivation": "Gut feel, 0-3. Your list is sorted by motivation, then postings, "
            "then whether you know someone there.",
            "posting": "Does it have postings relevant to you right now?",
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        # Only the user's own fields can be chosen.
        cast(forms.ModelChoiceField, self.fields["field"]).queryset = Field.objects.owned_by(owner)

    def clean(self) -> dict[str, Any]:
        """Refuse a second record of an organization the user has ("Morningstar Inc." when
        "Morningstar" is there, or the same website)."""
        cleaned = super().clean() or {}
        name, website = cleaned.get("name") or "", cleaned.get("website") or ""
        if name:
            owner = self.instance.owner
            same = matching_organization(owner, name, website, exclude=self.instance.pk)
            if same is not None:
                raise forms.ValidationError(self._duplicate_message(same), code="duplicate")
        return cleaned

    def _duplicate_message(self, same: Organization) -> str:
        """Where to go instead: the one the user has, or (renaming) merging the two."""
        there = format_html('<a href="{}">{}</a>', same.get_absolute_url(), same.name)
        if self.instance.pk is None:
            return format_html("You already have {}: open it rather than adding it twice.", there)
        merge = reverse("network:organization_merge", args=[same.pk, self.instance.pk])
        return format_html(
            'You already have {}: <a href="{}">merge {} into it</a> rather than keep both.',
            there,
            merge,
            self.instance.name,
        )
