"""Records fixtures: alice with a rich account, carol with a new, empty one."""

from __future__ import annotations

import pytest

from coffeechat.foundation.accounts.services import create_user
from records.richdata import fill_account


@pytest.fixture
def rich_alice(alice):
    fill_account(alice, contacts=40)
    return alice


@pytest.fixture
def carol(db, persona_password):
    """A new account: her profile and the seeded question bank and templates only."""
    return create_user(username="carol", password=persona_password, email="carol@example.org")
