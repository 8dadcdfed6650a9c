"""Every autosaving form answers with the same status line, and a save that failed names each
problem by the field's label as the page shows it, never by its name in the code."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django import forms
from django.urls import reverse

from coffeechat.foundation.core.autosave import problems
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation


@pytest.fixture
def priya(alice):
    return Contact.objects.create(owner=alice, first_name="Priya", last_name="Shah")


def autosave(client, url: str, data: dict) -> str:
    return client.post(url, data, HTTP_HX_REQUEST="true").content.decode()


def test_a_cleared_first_name_is_named_by_its_label(alice_client, priya):
    url = reverse("people:contact_edit", args=[priya.pk])
    page = alice_client.get(url).content.decode()
    status = autosave(
        alice_client, url, {"first_name": "", "last_name": "Shah", "how_known": "cold"}
    )
    assert "Not saved: First name: Enter at least a first name." in status
    assert "First_name" not in status and "first_name:" not in status
    assert 'id="autosave-status"' in status and "has-error" in status
    assert 'id="autosave-status"' in page  # the same line the page shows as it opens
    priya.refresh_from_db()
    assert priya.first_name == "Priya"


def test_a_saved_edit_says_when(alice_client, priya):
    url = reverse("people:contact_edit", args=[priya.pk])
    status = autosave(
        alice_client, url, {"first_name": "Pri", "last_name": "Shah", "how_known": "cold"}
    )
    assert "Saved " in status and "has-error" not in status
    priya.refresh_from_db()
    assert priya.first_name == "Pri"


def test_an_organization_without_a_name_is_named_by_its_label(alice_client, alice):
    acme = Organization.objects.create(owner=alice, name="Acme")
    url = reverse("research:organization_edit", args=[acme.pk])
    status = autosave(alice_client, url, {"name": "", "motivation": 0, "posting": 1})
    assert "Not saved: Name: This field is required." in status


def test_a_conversation_note_saves_into_its_own_status_line(alice_client, alice, priya):
    conversation = Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=datetime(2026, 11, 19, 10, tzinfo=UTC)
    )
    url = reverse("conversations:notes", args=[conversation.pk])
    status = autosave(alice_client, url, {"notes": "Talk to the risk team."})
    assert 'id="notes-status"' in status and "Saved " in status


def test_another_users_contact_cannot_be_autosaved(bob_client, priya):
    url = reverse("people:contact_edit", args=[priya.pk])
    response = bob_client.post(
        url, {"first_name": "X", "last_name": "Y", "how_known": "cold"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 404
    priya.refresh_from_db()
    assert priya.first_name == "Priya"


def test_problems_name_each_field_by_its_label_and_the_forms_own_without_one():
    class PersonForm(forms.Form):
        first_name = forms.CharField()
        role = forms.CharField(label="Role at their organization", required=False)

        def clean(self):
            raise forms.ValidationError("Say who they are.")

    form = PersonForm({"first_name": ""})
    assert not form.is_valid()
    assert problems(form) == ["First name: This field is required.", "Say who they are."]
