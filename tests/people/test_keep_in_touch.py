"""The contact page says how often you keep in touch and when the next update is due; changing
the cadence there (or on the edit form) moves the next update."""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import unescape

import pytest
from django.urls import reverse

import factories as make
from coffeechat.pipeline.followups.models import FollowUp

MET_ON = datetime(2026, 11, 20, 10, tzinfo=UTC)


@pytest.fixture
def met(priya):
    make.held(priya, at=MET_ON)
    return priya


def next_due(contact):
    return FollowUp.objects.open().get(contact=contact, kind="keep_in_touch").due_on


def test_the_contact_page_shows_the_cadence_and_the_next_update(alice_client, met):
    page = unescape(alice_client.get(met.get_absolute_url()).content.decode())
    assert "Next update due <strong>Fri 18 Dec 2026</strong>" in page
    assert '<option value="quarterly" selected>Quarterly</option>' in page


def test_before_meeting_it_says_when_the_first_update_will_come(alice_client, priya):
    page = unescape(alice_client.get(priya.get_absolute_url()).content.decode())
    assert "The first update is planned about 4 weeks after you meet, then quarterly." in page


def test_changing_the_cadence_on_the_contact_page_replans(alice_client, met):
    url = reverse("people:keep_in_touch", args=[met.pk])
    answer = alice_client.post(url, {"keep_in_touch": "never"}, HTTP_HX_REQUEST="true")
    assert "No regular updates to Priya: you chose never." in unescape(answer.content.decode())
    assert not FollowUp.objects.open().filter(kind="keep_in_touch").exists()
    answer = alice_client.post(url, {"keep_in_touch": "monthly"})
    assert answer.status_code == 302
    assert next_due(met) == date(2026, 12, 18)  # the first update still comes after 4 weeks
    met.refresh_from_db()
    assert met.keep_in_touch == "monthly"


def test_the_edit_form_replans_too(alice_client, met):
    url = reverse("people:contact_edit", args=[met.pk])
    alice_client.post(url, {"first_name": "Priya", "how_known": "cold", "keep_in_touch": "never"})
    assert not FollowUp.objects.open().filter(kind="keep_in_touch").exists()


def test_another_users_contact_cadence_is_a_404(bob_client, met):
    url = reverse("people:keep_in_touch", args=[met.pk])
    assert bob_client.post(url, {"keep_in_touch": "never"}).status_code == 404
    met.refresh_from_db()
    assert met.keep_in_touch == "quarterly"
    assert next_due(met) == date(2026, 12, 18)
