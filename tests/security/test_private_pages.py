"""Signed-in pages carry Cache-Control: private, no-store (no shared cache keeps them, and the
browser keeps no copy on disk after logging out on a shared computer)."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "name", ["followups:today", "people:contacts", "accounts:profile", "insights:insights"]
)
def test_signed_in_pages_are_never_stored(alice_client, name):
    response = alice_client.get(reverse(name))
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
