"""Every list shows a name as the person writes it: given and family name for Western names,
family name first with no space for a Korean or Chinese one, the same on every page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

import factories as make

PAGES = ["/contacts/", "/", "/conversations/", "/outreach/", "/search/?q=김"]


@pytest.fixture
def kim(alice):
    kim = make.contact(alice, first_name="민준", last_name="김", org="Acme", goes_by="MJ")
    make.request_sent(kim, on=timezone.now() - timedelta(days=20))
    make.conversation(kim, at=timezone.now() + timedelta(days=2))
    return kim


@pytest.mark.parametrize("url", PAGES)
def test_a_korean_name_is_listed_family_name_first_on_every_page(alice_client, kim, url):
    page = alice_client.get(url).content.decode()
    assert "김민준" in page or "<mark>김</mark>민준" in page
    assert "민준 김" not in page


def test_a_western_name_is_listed_given_name_first(alice_client, alice):
    make.contact(alice, "Zoë Hernández", honorific="Dr.", goes_by="Zo")
    page = alice_client.get("/contacts/").content.decode()
    assert "Zoë Hernández" in page
    assert "Dr. Zoë" not in page
