"""`coffeechat import`: the same import in a terminal, one line per result."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import factories as make
from coffeechat.edges import cli
from coffeechat.network.people.models import Contact

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"


def arguments(*argv: str) -> argparse.Namespace:
    return cli.load("import").create_parser("coffeechat", "import").parse_args(argv)


def run_import(*argv: str) -> int:
    """`coffeechat import ARGV...` in-process: 0 when it succeeds, a failure raises CommandError."""
    call_command("import_contacts", *argv)
    return 0


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def test_it_prints_the_counts_and_each_skipped_row(alice, capsys):
    assert run_import("linkedin", fixture("linkedin_connections.csv")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "added 6, updated 0, unchanged 0, skipped 1",
        "skipped line 8: no name (https://www.linkedin.com/in/ACoAABc3xYwBq1Z); "
        "LinkedIn leaves out the names of some connections",
    ]
    assert Contact.objects.filter(owner=alice).count() == 6


def test_a_second_run_changes_nothing(alice, capsys):
    run_import("vcard", fixture("contacts_v4.vcf"))
    run_import("vcard", fixture("contacts_v4.vcf"))
    assert capsys.readouterr().out.splitlines()[-1] == "added 0, updated 0, unchanged 2, skipped 0"


def test_bad_rows_are_listed_and_nothing_is_imported(alice, capsys):
    with pytest.raises(CommandError) as failed:
        run_import("linkedin", fixture("linkedin_with_problems.csv"))
    assert str(failed.value) == (
        "nothing imported: 2 rows of linkedin_with_problems.csv have problems (listed above); "
        "fix the file, or run again with --skip-bad-rows to import the other rows"
    )
    assert capsys.readouterr().out.splitlines() == [
        "problem: line 6: the e-mail 'bob@' is not a valid address",
        "problem: line 8: the profile address 'https://example.com/dana' is not a LinkedIn address",
    ]
    assert not Contact.objects.exists()


def test_skip_bad_rows_imports_the_rest(alice, capsys):
    assert run_import("linkedin", fixture("linkedin_with_problems.csv"), "--skip-bad-rows") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "added 2, updated 0, unchanged 0, skipped 3"
    assert out[1] == "skipped line 6: the e-mail 'bob@' is not a valid address"
    assert Contact.objects.count() == 2


def test_a_dry_run_shows_the_same_and_writes_nothing(alice, capsys):
    assert run_import("google", fixture("google_contacts.csv"), "--dry-run") == 0
    assert capsys.readouterr().out.splitlines() == [
        "added 4, updated 0, unchanged 0, skipped 1",
        "skipped line 8: no name (newsletter@example.com)",
        "Dry run: nothing was written.",
    ]
    assert not Contact.objects.exists()


def test_the_user_is_chosen_with_user_when_there_are_several(alice, bob, capsys):
    with pytest.raises(CommandError, match="several users"):
        run_import("linkedin", fixture("linkedin_old.csv"))
    run_import("linkedin", fixture("linkedin_old.csv"), "--user", "bob")
    assert Contact.objects.filter(owner=bob).count() == 3
    assert not Contact.objects.filter(owner=alice).exists()
    with pytest.raises(CommandError, match="no user named 'carol'"):
        run_import("linkedin", fixture("linkedin_old.csv"), "--user", "carol")


def test_a_missing_file_is_one_line(alice):
    with pytest.raises(CommandError) as failed:
        run_import("linkedin", "/nowhere/Connections.csv")
    assert str(failed.value) == "cannot read /nowhere/Connections.csv: No such file or directory"


def test_the_wrong_file_is_one_line_that_says_what_to_do(alice):
    with pytest.raises(CommandError) as failed:
        run_import("outlook", fixture("contacts_v3.vcf"))
    assert str(failed.value) == (
        "contacts_v3.vcf is a vCard file, not a CSV export from Outlook: choose “vCard” as the "
        "kind of file."
    )


def test_the_arguments_offer_the_four_kinds():
    with pytest.raises(SystemExit):
        arguments("myspace", "x.csv")
    args = arguments("vcard", "x.vcf", "--user", "maya", "--dry-run", "--skip-bad-rows")
    assert (args.kind, args.file, args.user, args.dry_run, args.skip_bad_rows) == (
        "vcard", "x.vcf", "maya", True, True,
    )  # fmt: skip


def test_coffeechats_own_contacts_csv_imports_into_another_account(alice, bob, tmp_path, capsys):
    from coffeechat.edges.records.tables import TABLES, table_text

    make.contact(alice, "=Ana 'Quoted", phone="+44 1")
    path = tmp_path / "coffeechat-contacts.csv"
    path.write_text(table_text(TABLES["contacts"], alice), encoding="utf-8", newline="")

    assert run_import("coffeechat", str(path), "--user", "bob") == 0

    assert capsys.readouterr().out.splitlines() == ["added 1, updated 0, unchanged 0, skipped 0"]
    ana = Contact.objects.get(owner=bob)
    assert (ana.first_name, ana.last_name, ana.phone) == ("=Ana", "'Quoted", "+44 1")


def test_a_file_over_the_upload_cap_is_refused_in_one_line_before_it_is_read(
    alice, tmp_path, settings, monkeypatch
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    huge = tmp_path / "Connections.csv"
    with huge.open("wb") as file:
        file.truncate(3 * 1024 * 1024 + 1)  # sparse: 3 MB that take no disk space

    def never(self):
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(CommandError) as refused:
        run_import("linkedin", str(huge))

    assert str(refused.value) == (
        "Connections.csv is 3 MB; the largest file Coffeechat takes is 1 MB. Split it into "
        "smaller files, or set COFFEECHAT_MAX_UPLOAD_MB higher."
    )
    assert not Contact.objects.exists()


def test_a_file_at_the_cap_is_imported(alice, tmp_path, settings):
    data = (FIXTURES / "linkedin_old.csv").read_bytes()
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = len(data)
    assert run_import("linkedin", fixture("linkedin_old.csv")) == 0
    assert Contact.objects.filter(owner=alice).count() == 3


def test_the_command_exits_non_zero_with_the_one_line(alice, tmp_path, monkeypatch, capsys):
    huge = tmp_path / "big.csv"
    with huge.open("wb") as file:
        file.truncate(2 * 1024 * 1024)
    monkeypatch.setattr("django.conf.settings.DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)

    assert cli.main(["import", "google", str(huge)]) != 0

    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "big.csv is 2 MB; the largest file Coffeechat takes is 1 MB" in err[0]


def test_a_file_cut_short_is_refused_naming_the_line_or_imported_without_its_last_row(
    alice, tmp_path, capsys
):
    cut = tmp_path / "Connections.csv"
    whole = (FIXTURES / "linkedin_connections.csv").read_text()
    cut.write_text(whole + 'Bob,"LastX unterminated quote,https://x\n')
    with pytest.raises(CommandError, match=r"ends in the middle of the row .*--complete-only"):
        run_import("linkedin", str(cut))
    assert not Contact.objects.exists()
    assert run_import("linkedin", str(cut), "--complete-only") == 0
    out = capsys.readouterr().out
    assert "added 6," in out
    assert "the file ends in the middle of this row: left out" in out
    assert not Contact.objects.filter(last_name__contains="unterminated").exists()
