from __future__ import annotations

from urllib.parse import urlsplit

from django import forms

from coffeechat.people.models import Contact, KeepInTouch
from coffeechat.research.models import Organization


def is_linkedin_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "linkedin.com" or host.endswith(".linkedin.com")


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "first_name", "last_name", "email", "phone", "linkedin_url", "organization", "role",
            "location", "education", "how_known", "introduced_by", "keep_in_touch", "notes",
        ]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "role": "Best of all: someone doing the work you want, one or two levels above "
            "where you would start.",
            "education": "Compare their path with yours: advice from a very different start "
            "needs adjusting.",
            "notes": "Markdown. What you know about them, what to ask, what they said.",
        }
        error_messages = {"first_name": {"required": "Enter at least a first name."}}

    def __init__(self, *args: object, owner: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        # Only the user's own organizations and contacts can be chosen.
        self.fields["organization"].queryset = Organization.objects.owned_by(owner).order_by("name")
        self.fields["introduced_by"].queryset = Contact.objects.owned_by(owner)
        # Left out (an older form, a script): keep what the contact has, or the default.
        self.fields["keep_in_touch"].required = False

    def clean_keep_in_touch(self) -> str:
        return self.cleaned_data["keep_in_touch"] or self.instance.keep_in_touch

    def clean_linkedin_url(self) -> str:
        url = self.cleaned_data["linkedin_url"]
        if url and not is_linkedin_url(url):
            raise forms.ValidationError(
                "That is not a LinkedIn address. Paste their profile URL, "
                "like https://www.linkedin.com/in/their-name."
            )
        return url

    def clean_introduced_by(self) -> Contact | None:
        introducer = self.cleaned_data["introduced_by"]
        if introducer and self.instance.pk and introducer.pk == self.instance.pk:
            raise forms.ValidationError("A contact cannot introduce themselves.")
        return introducer


class KeepInTouchForm(forms.Form):
    """The cadence alone, changed from the contact page."""

    keep_in_touch = forms.ChoiceField(
        label="Keep in touch", choices=KeepInTouch.choices, initial=KeepInTouch.QUARTERLY
    )
