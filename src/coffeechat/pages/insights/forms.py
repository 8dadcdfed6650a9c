from __future__ import annotations

from django import forms

from coffeechat.foundation.accounts.models import Profile


class GoalForm(forms.ModelForm):
    """The weekly conversation goal, set right under the chart it is drawn on."""

    weekly_conversation_goal = forms.IntegerField(
        label="Conversations per week (goal)",
        min_value=0,
        max_value=50,
        help_text="A whole number from 0 to 50.",
    )

    class Meta:
        model = Profile
        fields = ["weekly_conversation_goal"]
