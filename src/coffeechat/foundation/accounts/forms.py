from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from coffeechat.foundation.accounts.models import Profile, User
from coffeechat.method.business_days import UnknownRegion, public_holidays


class LoginForm(AuthenticationForm):
    """Django's login form, taking the account's e-mail address as well as its username."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username or e-mail"
        self.error_messages["invalid_login"] = (
            "That username or e-mail address and password do not match. The username and "
            "the password are case-sensitive."
        )


class OwnerSetupForm(forms.Form):
    username = forms.CharField(max_length=150)
    email = forms.EmailField(required=False)
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters.",
    )
    password_again = forms.CharField(
        label="Password (again)", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError("That username is taken.")
        return username

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        password = data.get("password")
        if password and password != data.get("password_again"):
            self.add_error("password_again", "The two passwords differ.")
        elif password:
            try:
                validate_password(password, user=User(username=data.get("username", "")))
            except ValidationError as error:
                self.add_error("password", error)
        return data


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class ProfileForm(forms.ModelForm):
    # Kept on the user, not the profile; asked here because the digest goes to it.
    email = forms.EmailField(
        label="Your e-mail address",
        required=False,
        help_text="Where your morning digest goes, and where replies to your messages come back.",
    )
    time_zone = forms.ChoiceField(choices=time_zone_choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].initial = self.instance.user.email
        # The address comes first: it is who you are, the rest is how you present yourself.
        self.order_fields(["full_name", "email"])

    def save(self, commit: bool = True) -> Profile:
        profile: Profile = super().save(commit=commit)
        user = profile.user
        if "email" in self.data and user.email != self.cleaned_data["email"]:
            user.email = self.cleaned_data["email"]
            if commit:
                user.save(update_fields=["email"])
        return profile

    class Meta:
        model = Profile
        fields = [
            "full_name",
            "headline",
            "school",
            "fields_of_interest",
            "elevator_pitch",
            "background_summary",
            "time_zone",
            "country",
            "region",
            "message_rules",
            "digest_enabled",
            "digest_hour",
            "weekly_conversation_goal",
        ]
        widgets = {
            "elevator_pitch": forms.Textarea(attrs={"rows": 4}),
            "background_summary": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_country(self) -> str:
        country: str = self.cleaned_data["country"]
        return country.strip().upper()

    def clean_region(self) -> str:
        region: str = self.cleaned_data["region"]
        return region.strip().upper()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        country, region = data.get("country"), data.get("region", "")
        if country:
            try:
                public_holidays(country, region)
            except UnknownRegion as error:
                self.add_error("region" if region else "country", str(error))
        return data
