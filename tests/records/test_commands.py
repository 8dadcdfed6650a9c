"""`coffeechat export` and `coffeechat restore`, run in-process as management commands."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command

from coffeechat.edges import cli
from coffeechat.network.people.models import Contact
from records.helpers import export_document


def coffeechat(*argv: str) -> int:
    """Run one of the records commands; 0 when it succeeds, a failure raises CommandError."""
    call_command(*argv)
    return 0


def test_export_json_writes_the_document_to_standard_output(rich_alice, capsys):
    assert coffeechat("export", "json", "--user", "alice") == 0

    document = json.loads(capsys.readouterr().out)
    assert document["user"]["username"] == "alice"
    assert len(document["contacts"]) == 40


def test_export_needs_to_know_whose_records_when_there_are_several_users(alice, bob):
    with pytest.raises(CommandError, match="there are several users: say which with --user"):
        coffeechat("export", "json")


def test_export_of_an_unknown_user_fails_in_one_line(alice):
    with pytest.raises(CommandError, match="no user named 'maya'"):
        coffeechat("export", "json", "--user", "maya")


def test_export_writes_a_spreadsheet_to_a_file(rich_alice, tmp_path, capsys):
    path = tmp_path / "contacts.csv"

    assert coffeechat("export", "contacts.csv", "--output", str(path)) == 0

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfFirst Name,Last Name,")
    assert data.count(b"\r\n") >= 41
    assert capsys.readouterr().out == ""


def test_export_writes_vcards(rich_alice, capsys):
    assert coffeechat("export", "contacts.vcf") == 0

    assert capsys.readouterr().out.count("BEGIN:VCARD") == 40


def test_export_to_a_folder_that_does_not_exist_fails_in_one_line(rich_alice, tmp_path):
    with pytest.raises(CommandError, match=r"^cannot write .*/nowhere/x\.json: "):
        coffeechat("export", "json", "-o", str(tmp_path / "nowhere" / "x.json"))


def test_an_unknown_export_format_is_a_usage_error(alice, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_setup_django", lambda: None)  # pytest-django did it
    with pytest.raises(SystemExit):
        cli.main(["export", "xml"])
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_restore_fills_an_empty_account_and_says_what_it_restored(
    rich_alice, carol, tmp_path, capsys
):
    path = tmp_path / "export.json"
    coffeechat("export", "json", "--user", "alice", "-o", str(path))

    assert coffeechat("restore", str(path), "--user", "carol") == 0

    restored_line, password_line = capsys.readouterr().out.splitlines()
    assert restored_line.startswith(
        "Restored 3 fields of interest, 10 organizations, 1 pair marked as different "
        "organizations, 40 contacts"
    )
    assert restored_line.endswith(", 14 replies and 40 follow-ups into carol's account.")
    assert password_line == (
        "Exports never hold your mail server password: enter it again on the profile page."
    )
    restored, original = export_document(carol), json.loads(path.read_text("utf-8"))
    assert restored["contacts"] == original["contacts"]
    assert restored["followups"] == original["followups"]


def test_restore_reads_standard_input(rich_alice, carol, monkeypatch, capsys):
    coffeechat("export", "json", "--user", "alice")
    monkeypatch.setattr(sys, "stdin", io.StringIO(capsys.readouterr().out))

    assert coffeechat("restore", "-", "--user", "carol") == 0

    assert Contact.objects.filter(owner=carol).count() == 40


def test_restore_refuses_an_account_that_owns_records(rich_alice, tmp_path):
    path = tmp_path / "export.json"
    coffeechat("export", "json", "--user", "alice", "-o", str(path))

    with pytest.raises(CommandError) as refused:
        coffeechat("restore", str(path), "--user", "alice")

    assert str(refused.value).startswith("alice already owns ")
    assert "40 contacts" in str(refused.value)
    assert str(refused.value).endswith(": restore only into an empty account")


BAD_FILES = {
    "malformed": (
        '{"format": "coffeechat-export", "version": 1,,}',
        r"broken\.json is not valid JSON \(line 1, column 46: ",
    ),
    "newer version": (
        '{"format": "coffeechat-export", "version": 7}',
        r"broken\.json is a version 7 export from a newer Coffeechat",
    ),
    "other format": (
        '{"contacts": []}',
        r'broken\.json is not a Coffeechat export \(no "format": "coffeechat-export"\)$',
    ),
    "binary": (b"\xff\xfe\x00", r"broken\.json is not UTF-8 text"),
    "deeply nested": ("[" * 100_000 + "]" * 100_000, r"broken\.json is nested too deeply"),
    "huge number": (
        '{"format": "coffeechat-export", "version": ' + "9" * 100_000 + "}",
        r"broken\.json holds a value Coffeechat never exports",
    ),
}


@pytest.mark.parametrize(("content", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_restore_of_a_bad_file_names_the_file_in_one_line(carol, tmp_path, content, message):
    path = tmp_path / "broken.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")

    with pytest.raises(CommandError, match=message) as failed:
        coffeechat("restore", str(path), "--user", "carol")

    assert "\n" not in str(failed.value)
    assert str(failed.value).startswith(str(path))


def test_restore_of_a_bad_record_names_the_file_and_the_place(rich_alice, carol, tmp_path):
    document = export_document(rich_alice)
    document["contacts"][7]["how_known"] = "pal"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), "utf-8")

    with pytest.raises(CommandError, match=r"edited\.json: contacts\[7\]\.how_known: 'pal' is"):
        coffeechat("restore", str(path), "--user", "carol")

    assert not Contact.objects.filter(owner=carol).exists()


def test_restore_of_a_missing_file_says_so(carol, tmp_path):
    with pytest.raises(CommandError, match=r"gone\.json cannot be read \(No such file"):
        coffeechat("restore", str(tmp_path / "gone.json"), "--user", "carol")


def test_restore_refuses_a_contact_introduced_by_themselves(rich_alice, carol, tmp_path):
    document = export_document(rich_alice)
    contact = document["contacts"][3]
    contact["introduced_by"] = contact["id"]
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), "utf-8")

    with pytest.raises(CommandError, match=r"contacts\[3\]\.introduced_by: points to the record"):
        coffeechat("restore", str(path), "--user", "carol")
    assert not Contact.objects.filter(owner=carol).exists()


def test_restore_takes_nul_characters_out_of_the_text(rich_alice, carol, tmp_path):
    document = export_document(rich_alice)
    document["contacts"][0]["notes"] = "Met at\u0000 the fair"
    path = tmp_path / "nul.json"
    path.write_text(json.dumps(document).replace("\\u0000", "\\u0000"), "utf-8")

    assert coffeechat("restore", str(path), "--user", "carol") == 0
    assert Contact.objects.filter(owner=carol, notes="Met at the fair").exists()
