"""Every URL of the app, enumerated from the URL configuration: one user reaching another's
records by their id gets a 404 (GET, POST and HTMX alike), and someone not logged in reaches
nothing but the public pages.

Bob's records are made after every table's id counter is moved to FIRST, so his first record
of each kind has the id FIRST whatever the table: a URL filled with FIRST in every id slot names
one of his records wherever it looks, and Alice owns nothing with that id anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db import connection, models
from django.db.models import Value
from django.db.models.functions import Cast, Concat
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from records.richdata import fill_account

FIRST = 500_000
# Reached without logging in, on purpose.
PUBLIC = {
    "accounts:login", "accounts:logout", "accounts:setup", "accounts:password_reset",
    "accounts:password_reset_sent", "accounts:password_reset_confirm", "accounts:unlock",
    "accounts:unlock_request", "calendar:feed", "core:help", "core:health",
}  # fmt: skip
# Not a page: neither user's records.
OUTSIDE = {"admin"}


def url_patterns() -> Iterator[tuple[str, URLPattern]]:
    """(namespaced name, pattern) of every named URL."""

    def walk(patterns: list, namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in OUTSIDE:
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name:
                yield f"{namespace}{pattern.name}", pattern

    yield from walk(get_resolver().url_patterns, "")


def filled_url(name: str, pattern: URLPattern) -> str:
    """The URL with FIRST in each id slot and a token-shaped text in any other."""
    converters = getattr(pattern.pattern, "converters", {})
    kwargs = {
        key: FIRST if isinstance(converter, IntConverter) else "x" * 43
        for key, converter in converters.items()
    }
    return reverse(name, kwargs=kwargs)


def id_urls() -> list[str]:
    """Every URL whose parts are all ids, with FIRST in each."""
    urls = []
    for name, pattern in url_patterns():
        converters = getattr(pattern.pattern, "converters", {})
        if converters and all(isinstance(c, IntConverter) for c in converters.values()):
            urls.append(reverse(name, kwargs=dict.fromkeys(converters, FIRST)))
    return urls


def _id_tables() -> list[str]:
    return [
        model._meta.db_table
        for model in apps.get_models()
        if isinstance(model._meta.pk, models.AutoField) and model._meta.pk.column == "id"
    ]


@pytest.fixture
def counters_at_first(db) -> Iterator[None]:
    """Every table's next id is FIRST (restored after: PostgreSQL sequences ignore rollback)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table in _id_tables():
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, FIRST - 1]
                )
            yield
            return
        saved = []
        for table in _id_tables():
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            (sequence,) = cursor.fetchone()
            if sequence:
                cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
                saved.append((sequence, *cursor.fetchone()))
                cursor.execute("SELECT setval(%s, %s, false)", [sequence, FIRST])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for sequence, value, called in saved:
                cursor.execute("SELECT setval(%s, %s, %s)", [sequence, value, called])


@pytest.fixture
def bobs_records(alice, bob, counters_at_first):
    fill_account(bob, contacts=8)
    return bob


def answers(client: Client, url: str) -> dict[str, int]:
    return {
        "GET": client.get(url).status_code,
        "POST": client.post(url, {}).status_code,
        "HTMX": client.get(url, HTTP_HX_REQUEST="true").status_code,
        "HTMX POST": client.post(url, {}, HTTP_HX_REQUEST="true").status_code,
    }


def test_another_users_records_are_404_at_every_url(bobs_records, alice):
    urls = id_urls()
    assert len(urls) >= 40, urls  # the enumeration found the app's URLs
    bob = Client()
    bob.force_login(
        bobs_records, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    # Control: the ids name Bob's records, so his own pages open (the test can fail).
    opened = [url for url in urls if bob.get(url).status_code == 200]
    assert len(opened) >= 15, opened

    intruder = Client(raise_request_exception=False)
    intruder.force_login(
        alice, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    leaks = {}
    for url in urls:
        got = answers(intruder, url)
        if any(status not in (404, 405) for status in got.values()):
            leaks[url] = got
    assert leaks == {}
    # Nothing of Bob's was changed or deleted by the attempts: his pages still open.
    assert [url for url in opened if bob.get(url).status_code == 200] == opened


def test_nothing_but_the_public_pages_opens_without_logging_in(bobs_records):
    anonymous = Client(raise_request_exception=False)
    opened = {}
    for name, pattern in url_patterns():
        if name in PUBLIC:
            continue
        url = filled_url(name, pattern)
        for method in ("get", "post"):
            response = getattr(anonymous, method)(url)
            to_login = response.status_code == 302 and response["Location"].startswith(
                reverse("accounts:login")
            )
            if not (to_login or response.status_code in (403, 404, 405)):
                opened[f"{method.upper()} {url}"] = response.status_code
    assert opened == {}


def test_every_post_without_the_csrf_token_is_refused(bobs_records):
    bob = Client(enforce_csrf_checks=True, raise_request_exception=False)
    bob.force_login(
        bobs_records, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    accepted = {}
    for name, pattern in url_patterns():
        url = filled_url(name, pattern)
        status = bob.post(url, {}, HTTP_HX_REQUEST="true").status_code
        if status not in (403, 405):
            accepted[url] = status
    assert accepted == {}


EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"]


def _leaves_the_site(location: str) -> bool:
    location = location.strip().lower()
    return location.startswith(("http:", "https:", "//", "/\\", "javascript:")) and not (
        location.startswith(("http://testserver/", "https://testserver/"))
    )


def test_no_url_redirects_off_the_site_whatever_next_or_back_says(bobs_records):
    bob = Client(raise_request_exception=False)
    bob.force_login(
        bobs_records, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    anonymous = Client(raise_request_exception=False)
    off_site = {}
    for name, pattern in url_patterns():
        url = filled_url(name, pattern)
        # Logged in again for each address: one of them is the logout.
        bob.force_login(
            bobs_records, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
        )
        for value in EVIL:
            params = {"next": value, "back": value, "return_to": value}
            for client in (bob, anonymous):
                for response in (client.get(url, params), client.post(url, params)):
                    location = response.get("Location", "")
                    if response.status_code in (301, 302, 303, 307, 308) and _leaves_the_site(
                        location
                    ):
                        off_site[f"{url} {value}"] = location
    assert off_site == {}


PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
RAW = ("<img src=x onerror", "<script>alert(2)")


def _fill_text_with_payload(user) -> int:
    """Every free-text field of every record the user owns set to PAYLOAD; returns how many
    fields. (Fields with choices, addresses, tokens, time zones, which forms check, and
    too-short fields keep their values.)"""
    filled = 0
    for model in apps.get_models():
        owner = next((f for f in model._meta.fields if f.name == "owner"), None)
        if owner is None:
            continue
        names = [
            field.name
            for field in model._meta.fields
            if isinstance(field, models.CharField | models.TextField)
            and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
            and not field.choices
            and not field.unique
            and (field.max_length or 10_000) >= len(PAYLOAD) + 8
            and not any(word in field.name for word in ("token", "hash", "password", "key", "zone"))
        ]
        if names:
            # The record's id after it: some names are unique per owner.
            text = Concat(Value(PAYLOAD + " "), Cast("id", models.CharField()))
            model._default_manager.filter(owner=user).update(**dict.fromkeys(names, text))
            filled += len(names)
    return filled


def test_markup_typed_into_any_field_is_shown_as_text_on_every_page(bobs_records):
    assert _fill_text_with_payload(bobs_records) >= 30
    bob = Client(raise_request_exception=False)
    bob.force_login(
        bobs_records, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    shown, executed = 0, {}
    for name, pattern in url_patterns():
        converters = getattr(pattern.pattern, "converters", {})
        if converters and not all(isinstance(c, IntConverter) for c in converters.values()):
            continue
        url = reverse(name, kwargs=dict.fromkeys(converters, FIRST))
        response = bob.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if response.streaming or "html" not in response.get("Content-Type", ""):
            continue  # downloads (exports, .ics) are not pages a browser renders
        body = response.content.decode(errors="replace")
        shown += "onerror=alert(1)" in body  # the text is there, escaped
        if any(raw in body for raw in RAW):
            executed[url] = response.status_code
    assert executed == {}
    assert shown >= 15  # the payload did reach the pages
