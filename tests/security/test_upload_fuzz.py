"""Hostile and broken uploads, for every kind of file: each is answered with the form's error or
a preview (never a server error), the upload itself writes no contact, and importing it adds
exactly the rows the preview promised or nothing at all."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from coffeechat.network.people.models import Contact

LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROW = "Ann,Lee,https://www.linkedin.com/in/ann,,Acme,Analyst,12 Mar 2024\n"
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nEND:VCARD\r\n"
CORPUS = {
    "empty": b"",
    "binary": bytes(range(256)) * 40,
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000,
    "nul-filled": b"\x00" * 5000,
    "csv cut inside a quote": (LINKEDIN + ROW + 'Bob,"Lee unterminated,https://x\n').encode(),
    "csv header only": LINKEDIN.encode(),
    "csv huge field": (LINKEDIN + "Ann,Lee," + "x" * 2_000_000 + ",,Acme,Analyst,\n").encode(),
    "csv huge notes": (LINKEDIN + ROW.replace("Analyst", '"' + "n" * 500_000 + '"')).encode(),
    "csv thousands of columns": (",".join(["c"] * 20_000) + "\n" + ROW).encode(),
    "vcard cut short": (CARD + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half\r\n").encode(),
    "vcard nested deeply": (CARD + "BEGIN:VCARD\r\n" * 1500 + "END:VCARD\r\n" * 1500).encode(),
    "vcard folded forever": (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nNOTE:"
        + "\r\n x" * 100_000
        + "\r\nEND:VCARD\r\n"
    ).encode(),
    "utf-16 csv": (LINKEDIN + ROW).encode("utf-16"),
}
KINDS = ["linkedin", "google", "outlook", "vcard", "coffeechat"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", CORPUS)
def test_a_hostile_upload_is_answered_and_writes_only_what_the_preview_promised(alice, kind, name):
    client = Client(raise_request_exception=False)
    client.force_login(
        alice, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    before = Contact.objects.count()
    upload = SimpleUploadedFile(f"{name}.file", CORPUS[name], "application/octet-stream")
    response = client.post(reverse("network:import"), {"kind": kind, "file": upload})
    assert response.status_code in (200, 302), response.status_code
    assert Contact.objects.count() == before  # an upload writes nothing
    if response.status_code == 200:
        page = response.content.decode()
        assert 'class="error"' in page  # said why, on the form
        return
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    promised = re.search(r"<strong>(\d+)</strong> to add", preview.content.decode())
    token = response["Location"].rstrip("/").split("/")[-1]
    done = client.post(reverse("network:import_commit", args=[token]))
    assert done.status_code == 302
    added = Contact.objects.count() - before
    assert added in (0, int(promised.group(1)) if promised else 0)
