"""Shared personas beyond alice and bob, built with the factories (tests/factories.py).

A folder or file that needs one of them a little different overrides the fixture with one
factory call of its own; a test states only what matters to it.
"""

from __future__ import annotations

import pytest

import factories as make
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.network.research.models import Organization


@pytest.fixture
def acme(alice) -> Organization:
    """Alice's target organization."""
    return make.organization(alice, "Acme Climate")


@pytest.fixture
def priya(alice, acme) -> Contact:
    """A fellow alumna of Alice's at Acme Climate, with an e-mail address on file."""
    return make.contact(
        alice, "Priya Shah", org=acme, email="priya@acme.example", how_known=HowKnown.ALUMNI
    )


@pytest.fixture
def sam(alice) -> Contact:
    """Someone Alice knows nothing more about yet: no organization, no address on file."""
    return make.contact(alice, "Sam Lee")


@pytest.fixture
def kim(alice) -> Contact:
    """Another bare contact of Alice's, with no address on file."""
    return make.contact(alice, "Kim Ode")
