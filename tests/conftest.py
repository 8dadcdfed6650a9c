"""Shared fixtures: named personas (alice owns things, bob is another user) and a plain static
storage so templates render without collectstatic. Passwords are hashed with a fast hasher here
and in the servers the tests start (production keeps Argon2)."""

from __future__ import annotations

import pytest

from coffeechat.foundation.accounts.services import create_user

PASSWORD = "a long test passphrase 42"
# settings.py puts the fast hasher first when this is set; the browser tests' servers get it too.
FAST_HASHER_ENV = "COFFEECHAT_TESTS_HASH_PASSWORDS_FAST"
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


def pytest_configure(config: pytest.Config) -> None:
    """Argon2 takes a noticeable moment per hash by design; the suite hashes thousands."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = [
        FAST_HASHER,
        *(name for name in settings.PASSWORD_HASHERS if name != FAST_HASHER),
    ]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids and frozen clocks repeat from test to test, so
    a version kept by one could name another's different data."""
    from django.core.cache import cache  # reason: settings are configured only once tests run

    cache.clear()


@pytest.fixture
def alice(db):
    user = create_user(username="alice", password=PASSWORD, email="alice@example.org")
    user.profile.full_name = "Alice Martin"
    user.profile.headline = "a final-year economics student at Leeds"
    user.profile.school = "Leeds"
    user.profile.fields_of_interest = "climate finance"
    user.profile.country = "GB"
    user.profile.region = "ENG"
    user.profile.time_zone = "Europe/London"
    user.profile.save()
    return user


@pytest.fixture
def bob(db):
    return create_user(username="bob", password=PASSWORD, email="bob@example.org")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(
        alice, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    return client


@pytest.fixture
def bob_client(client, bob):
    client.force_login(
        bob, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    return client


@pytest.fixture
def persona_password() -> str:
    """The password alice and bob were created with, for tests that log in through the form."""
    return PASSWORD


# Shared personas (Priya at Acme Climate...), built with the factories of tests/factories.py.
pytest_plugins = ["personas"]
