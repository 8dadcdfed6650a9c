"""The import pages: upload, preview, import or cancel; the file kept for its owner only."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import factories as make
from coffeechat.edges.imports import uploads
from coffeechat.method.importers import ParseResult
from coffeechat.network.people.models import Contact

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_home(settings, tmp_path):
    settings.HOME = tmp_path


def upload(client, name: str, kind: str = "linkedin", *, data: bytes | None = None, **extra):
    content = (FIXTURES / name).read_bytes() if data is None else data
    return client.post(
        reverse("network:import"),
        {"kind": kind, "file": SimpleUploadedFile(name, content, "text/csv")},
        **extra,
    )


def token_of(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"].rstrip("/").split("/")[-1]


def stored_files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "imports"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_the_contacts_page_links_to_the_import(alice_client):
    page = alice_client.get(reverse("people:contacts")).content.decode()
    assert f'href="{reverse("network:import")}"' in page
    assert "Import contacts" in page


def test_the_help_page_explains_importing(alice_client):
    page = alice_client.get(reverse("core:help")).content.decode()
    assert "Importing your network" in page
    assert "coffeechat import linkedin Connections.csv" in page


def test_the_import_pages_need_a_login(client):
    response = client.get(reverse("network:import"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_form_offers_the_five_kinds_of_file(alice_client):
    page = alice_client.get(reverse("network:import")).content.decode()
    for label in ("LinkedIn connections", "Google Contacts", "Outlook", "vCard", "Coffeechat"):
        assert label in page
    assert 'enctype="multipart/form-data"' in page


def test_uploading_shows_a_preview_and_saves_nothing(alice_client, tmp_path):
    token = token_of(upload(alice_client, "linkedin_connections.csv"))
    page = alice_client.get(reverse("network:import_preview", args=[token])).content.decode()
    assert "Check the import from linkedin_connections.csv" in page
    assert "<strong>6</strong> to add" in page
    assert "<strong>1</strong> skipped" in page
    assert "Zoë Müller" in page
    assert "Line 8: no name" in page
    assert "Import without the bad rows" not in page
    assert not Contact.objects.exists()
    assert len(stored_files(tmp_path)) == 2


def test_the_preview_lists_problems_by_line_and_offers_to_leave_them_out(alice_client):
    token = token_of(upload(alice_client, "linkedin_with_problems.csv"))
    page = alice_client.get(reverse("network:import_preview", args=[token])).content.decode()
    assert "2 rows have problems" in page
    assert "Line 6: the e-mail &#x27;bob@&#x27; is not a valid address" in page
    assert "Line 8: the profile address" in page
    assert "Import without the bad rows" in page


def test_importing_adds_the_contacts_and_says_what_happened(alice_client, alice, tmp_path):
    token = token_of(upload(alice_client, "linkedin_connections.csv"))
    response = alice_client.post(reverse("network:import_commit", args=[token]), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("people:contacts")
    assert (
        "Imported from linkedin_connections.csv: added 6, updated 0, unchanged 0, skipped 1."
        in page
    )
    assert "Siobhán O&#x27;Connor" in page
    assert Contact.objects.filter(owner=alice).count() == 6
    assert stored_files(tmp_path) == []


def test_a_file_with_problems_is_refused_until_bad_rows_are_left_out(alice_client, alice):
    token = token_of(upload(alice_client, "linkedin_with_problems.csv"))
    commit = reverse("network:import_commit", args=[token])
    refused = alice_client.post(commit, follow=True)
    assert "Nothing was imported: 2 rows of linkedin_with_problems.csv have problems" in (
        refused.content.decode()
    )
    assert refused.redirect_chain[-1][0] == reverse("network:import_preview", args=[token])
    assert not Contact.objects.exists()
    done = alice_client.post(commit, {"skip_bad_rows": "on"}, follow=True)
    assert "added 2, updated 0, unchanged 0, skipped 3." in done.content.decode()
    assert Contact.objects.filter(owner=alice).count() == 2


def test_cancelling_deletes_the_upload(alice_client, tmp_path):
    token = token_of(upload(alice_client, "linkedin_connections.csv"))
    response = alice_client.post(reverse("network:import_cancel", args=[token]), follow=True)
    assert "Nothing was imported from linkedin_connections.csv." in response.content.decode()
    assert stored_files(tmp_path) == []
    assert alice_client.get(reverse("network:import_preview", args=[token])).status_code == 404


def test_another_users_upload_cannot_be_seen_imported_or_cancelled(alice_client, bob, tmp_path):
    token = token_of(upload(alice_client, "linkedin_connections.csv"))
    bob_client = Client()
    bob_client.force_login(
        bob, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    assert bob_client.get(reverse("network:import_preview", args=[token])).status_code == 404
    assert bob_client.post(reverse("network:import_commit", args=[token])).status_code == 404
    assert bob_client.post(reverse("network:import_cancel", args=[token])).status_code == 404
    assert not Contact.objects.exists()
    assert len(stored_files(tmp_path)) == 2  # still there for alice
    assert alice_client.get(reverse("network:import_preview", args=[token])).status_code == 200


@pytest.mark.parametrize("token", ["made-up", "A" * 43, "..", "..%2F..%2Fsecret_key"])
def test_an_unknown_token_is_a_404(alice_client, token):
    assert alice_client.get(f"/network/import/{token}/").status_code == 404


def test_importing_and_cancelling_need_a_post(alice_client):
    token = token_of(upload(alice_client, "linkedin_connections.csv"))
    assert alice_client.get(reverse("network:import_commit", args=[token])).status_code == 405
    assert alice_client.get(reverse("network:import_cancel", args=[token])).status_code == 405


def test_the_form_states_the_upload_limit_next_to_the_file_field(alice_client):
    page = alice_client.get(reverse("network:import")).content.decode()
    assert '<small class="help" id="id_file_helptext">Up to 10 MB.</small>' in page
    assert 'data-max-bytes="10485760"' in page
    assert 'aria-describedby="id_file_helptext"' in page


def test_the_stated_limit_follows_the_upload_cap_in_force(alice_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024 // 2
    page = alice_client.get(reverse("network:import")).content.decode()
    assert "Up to 1.5 MB." in page
    assert 'data-max-bytes="1572864"' in page


def test_a_file_over_the_upload_cap_is_refused_with_the_limit(alice_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = upload(alice_client, "big.csv", data=b"First Name,Last Name\n" + b"x" * 1_400_000)
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "big.csv is 1.3 MB; the largest file Coffeechat takes is 1 MB. Split it into smaller "
        "files, or ask whoever runs Coffeechat to raise COFFEECHAT_MAX_UPLOAD_MB."
    ) in page


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        (
            "contacts_v3.vcf",
            "linkedin",
            "contacts_v3.vcf is a vCard file, not a CSV export from LinkedIn",
        ),
        ("not_contacts.png", "linkedin", "not_contacts.png is a PNG image"),
        ("empty.csv", "google", "The file is empty."),
        ("outlook_contacts.csv", "google", "it looks like an export from Outlook"),
        ("linkedin_connections.csv", "coffeechat", "it looks like an export from LinkedIn"),
    ],
)
def test_the_wrong_file_is_refused_on_the_form(alice_client, tmp_path, name, kind, message):
    response = upload(alice_client, name, kind)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored_files(tmp_path) == []


def test_old_abandoned_uploads_are_swept_away(alice, tmp_path):
    token = uploads.keep_upload(alice, "linkedin", "old.csv", ParseResult("linkedin", "old.csv"))
    day_ago = time.time() - uploads.MAX_AGE_SECONDS - 60
    for path in (tmp_path / "imports").iterdir():
        os.utime(path, (day_ago, day_ago))
    uploads.keep_upload(alice, "linkedin", "new.csv", ParseResult("linkedin", "new.csv"))
    assert uploads.pending_upload(alice, token) is None
    assert len(stored_files(tmp_path)) == 2


def test_uploads_are_readable_by_the_server_only(alice, tmp_path):
    uploads.keep_upload(alice, "linkedin", "x.csv", ParseResult("linkedin", "x.csv"))
    folder = tmp_path / "imports"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {path.stat().st_mode & 0o777 for path in folder.iterdir()} == {0o600}


def test_a_real_login_can_import(client, alice, persona_password):
    client.post(reverse("accounts:login"), {"username": "alice", "password": persona_password})
    token = token_of(upload(client, "linkedin_old.csv"))
    assert client.post(reverse("network:import_commit", args=[token])).status_code == 302
    assert Contact.objects.filter(owner=alice).count() == 3


def test_a_coffeechat_export_is_previewed_and_imported_as_it_was(alice_client, alice, bob):
    from coffeechat.edges.records.tables import TABLES, table_text

    make.contact(bob, "=Zoë @home", education="-BSc")
    data = table_text(TABLES["contacts"], bob).encode()

    refused = upload(alice_client, "coffeechat-contacts.csv", "linkedin", data=data)
    assert "Choose “Coffeechat” as the kind of file" in refused.content.decode()
    token = token_of(upload(alice_client, "coffeechat-contacts.csv", "coffeechat", data=data))
    preview = alice_client.get(reverse("network:import_preview", args=[token])).content.decode()
    assert "Coffeechat. Nothing has been saved yet." in preview
    assert "=Zoë @home" in preview
    alice_client.post(reverse("network:import_commit", args=[token]))

    zoe = Contact.objects.get(owner=alice)
    assert (zoe.first_name, zoe.last_name, zoe.education) == ("=Zoë", "@home", "-BSc")


def test_the_help_page_states_the_upload_limit_in_force(alice_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
    page = alice_client.get(reverse("core:help")).content.decode()
    assert "A file can be up to 25 MB" in page


def test_a_file_cut_short_is_refused_then_its_complete_rows_imported_when_asked(
    alice_client, alice
):
    whole = (FIXTURES / "linkedin_connections.csv").read_bytes()
    cut = whole + b'Bob,"LastX unterminated quote,https://x\n'
    refused = upload(alice_client, "Connections.csv", data=cut)
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Connections.csv ends in the middle of the row that starts on line" in page
    assert not Contact.objects.exists()
    # The refusal offers the complete rows at once, without choosing the file again.
    link = re.search(r'href="([^"]+)">Preview the complete rows only<', page).group(1)
    preview = alice_client.get(link).content.decode()
    assert "the file ends in the middle of this row: left out" in preview

    # Or the box, ticked with the file chosen again, gives the same.
    response = alice_client.post(
        reverse("network:import"),
        {
            "kind": "linkedin",
            "complete_only": "on",
            "file": SimpleUploadedFile("Connections.csv", cut, "text/csv"),
        },
    )
    token = token_of(response)
    preview = alice_client.get(reverse("network:import_preview", args=[token])).content.decode()
    assert "the file ends in the middle of this row: left out" in preview
    alice_client.post(reverse("network:import_commit", args=[token]))
    assert Contact.objects.filter(owner=alice).count() == 6
    assert not Contact.objects.filter(last_name__contains="unterminated").exists()


def test_a_vcard_cut_short_offers_its_complete_cards(alice_client, alice):
    cards = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Park\r\nN:Park;Ada;;;\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half Done\r\n"
    )
    refused = upload(alice_client, "contacts.vcf", "vcard", data=cards.encode()).content.decode()
    assert "ends in the middle of the card that starts on line 6" in refused
    link = re.search(r'href="([^"]+)">Preview the complete cards only<', refused).group(1)
    token = link.rstrip("/").split("/")[-1]
    alice_client.post(reverse("network:import_commit", args=[token]))
    assert list(Contact.objects.filter(owner=alice).values_list("first_name", flat=True)) == ["Ada"]


def test_the_preview_and_the_import_use_the_file_as_read_on_upload(alice_client, alice, tmp_path):
    token = token_of(upload(alice_client, "linkedin_connections.csv"))
    stored = {path.suffix for path in (tmp_path / "imports").iterdir()}
    assert stored == {".json", ".data"}
    data = next((tmp_path / "imports").glob("*.data")).read_bytes()
    assert data.startswith(b'{"kind": "linkedin"')  # what was read, not the file again
    alice_client.get(reverse("network:import_preview", args=[token]))
    alice_client.post(reverse("network:import_commit", args=[token]))
    assert Contact.objects.filter(owner=alice).count() == 6


ONE_BAD_CARD = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
    b"EMAIL:ada@example.com\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Stone\r\nN:Stone;Bob;;;\r\nEMAIL:bob@\r\nEND:VCARD\r\n"
)


def test_one_bad_card_is_counted_as_a_card_that_has_problems(alice_client):
    token = token_of(upload(alice_client, "contacts_v3.vcf", "vcard", data=ONE_BAD_CARD))
    page = alice_client.get(reverse("network:import_preview", args=[token])).content.decode()
    assert "1 card has problems" in page
    assert "Import without the bad cards" in page
    refused = alice_client.post(reverse("network:import_commit", args=[token]), follow=True)
    assert "Nothing was imported: 1 card of contacts_v3.vcf has problems." in (
        refused.content.decode()
    )
