"""The "Your data" page: every export a download of the user's own records only."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

import factories as make
from records.richdata import fill_account

DOWNLOADS = [
    ("records:export_json", [], "coffeechat-export-{day}.json", "application/json"),
    ("records:export_csv", ["contacts"], "coffeechat-contacts-{day}.csv", "text/csv"),
    ("records:export_csv", ["organizations"], "coffeechat-organizations-{day}.csv", "text/csv"),
    ("records:export_csv", ["conversations"], "coffeechat-conversations-{day}.csv", "text/csv"),
    ("records:export_vcard", [], "coffeechat-contacts-{day}.vcf", "text/vcard"),
]


def body(response) -> str:
    """The downloaded file's text, whether it was sent whole or streamed."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_page_offers_every_download(alice_client, alice):
    fill_account(alice, contacts=6)

    page = alice_client.get(reverse("records:exports")).content.decode()

    for name, args, _filename, _type in DOWNLOADS:
        assert f'href="{reverse(name, args=args)}"' in page
    assert "Contacts (CSV)</a>" in page
    assert "6 rows" in page
    assert "never your mail server password" in page


def test_the_account_menu_and_help_point_to_the_page(alice_client):
    page = alice_client.get(reverse("core:help")).content.decode()

    assert f'<a href="{reverse("records:exports")}" >Your data</a>' in page
    assert "coffeechat restore FILE" in page


@pytest.mark.parametrize(("name", "args", "filename", "content_type"), DOWNLOADS)
def test_each_download_is_an_attachment_named_with_the_users_date(
    alice_client, alice, name, args, filename, content_type
):
    fill_account(alice, contacts=3)
    # 23:30 UTC is already 19 June in London, alice's time zone: the file says 19 June.
    with time_machine.travel(datetime(2025, 6, 18, 23, 30, tzinfo=UTC), tick=False):
        response = alice_client.get(reverse(name, args=args))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == (
        f'attachment; filename="{filename.format(day="2025-06-19")}"'
    )
    assert "no-store" in response["Cache-Control"]
    assert len(body(response).splitlines()) > 3


@pytest.mark.parametrize(("name", "args", "_filename", "_type"), DOWNLOADS)
def test_bobs_download_does_not_contain_alices_contacts(
    client, alice, bob, name, args, _filename, _type
):
    fill_account(alice, contacts=5)
    make.contact(alice, "Alices-secret-friend")
    client.force_login(
        bob, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )

    content = body(client.get(reverse(name, args=args)))

    assert "Alices-secret-friend" not in content
    assert "Zoë" not in content


def test_the_json_download_is_the_whole_export(alice_client, alice):
    fill_account(alice, contacts=5)

    document = json.loads(alice_client.get(reverse("records:export_json")).content)

    assert document["format"] == "coffeechat-export"
    assert document["user"]["username"] == "alice"
    assert len(document["contacts"]) == 5


def test_an_unknown_table_is_a_404(alice_client):
    assert alice_client.get(reverse("records:export_csv", args=["passwords"])).status_code == 404


@pytest.mark.parametrize(("name", "args", "_filename", "_type"), DOWNLOADS)
def test_downloads_need_a_login(client, name, args, _filename, _type):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_page_takes_the_same_number_of_queries_for_many_records(
    alice_client, alice, django_assert_max_num_queries
):
    fill_account(alice, contacts=50)

    with django_assert_max_num_queries(8):
        alice_client.get(reverse("records:exports"))
