"""The forms that correct what a conversation yielded: a referral's name, a takeaway."""

from __future__ import annotations

from typing import Any

from django import forms

from coffeechat.pipeline.conversations.models import Takeaway


class ReferralCorrectionForm(forms.Form):
    first_name = forms.CharField(
        max_length=100, error_messages={"required": "Give at least their first name."}
    )
    last_name = forms.CharField(max_length=100, required=False)
    may_use_name = forms.BooleanField(label="May you mention who suggested them?", required=False)


class TakeawayCorrectionForm(forms.Form):
    text = forms.CharField(
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "Write the takeaway, or delete it instead."},
    )
    acted_on = forms.BooleanField(label="I acted on this advice", required=False)

    def __init__(self, *args: Any, takeaway: Takeaway, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"text": takeaway.text, "acted_on": takeaway.acted_on_at is not None}
        )
        super().__init__(*args, **kwargs)
        self.fields["text"].label = takeaway.get_kind_display()
        if takeaway.kind != Takeaway.Kind.ADVICE:
            del self.fields["acted_on"]  # only advice is acted on (and owes its giver news)

    def correction(self) -> dict[str, Any]:
        """The cleaned values as corrections.edit_takeaway takes them."""
        return {"text": self.cleaned_data["text"], "acted_on": self.cleaned_data.get("acted_on")}
