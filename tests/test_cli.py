"""The `coffeechat` command as a user meets it: help, createuser and today."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

import factories as make
from coffeechat.edges import cli
from coffeechat.foundation.accounts.models import User

NEW_PASSWORD = "maya's long passphrase 2026"


@pytest.fixture(autouse=True)
def _django_already_set_up(monkeypatch):
    # pytest-django has set Django up; doing it again would re-point logging at capsys.
    monkeypatch.setattr(cli, "_setup_django", lambda: None)


def stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def one_error_line(err: str, command: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"coffeechat {command}: error: "), err
    return lines[0]


def test_help_lists_every_command_with_examples():
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat", "--help"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    for command in ("serve", "migrate", "createuser", "today", "manage"):
        assert re.search(rf"^ +{command}\b", result.stdout, re.MULTILINE), command
    assert "examples:" in result.stdout


def test_a_command_that_does_not_exist_exits_non_zero_with_usage(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["brew"])
    assert exited.value.code == 2
    assert "invalid choice: 'brew'" in capsys.readouterr().err


def test_createuser_reads_the_password_from_standard_input_and_the_user_can_log_in(
    monkeypatch, capsys, client, db
):
    stdin(monkeypatch, NEW_PASSWORD + "\n")

    assert cli.main(["createuser", "maya", "--email", "maya@example.org"]) == 0

    assert capsys.readouterr().out == "Created user maya.\n"
    maya = User.objects.get(username="maya")
    assert maya.email == "maya@example.org"
    response = client.post(
        reverse("accounts:login"), {"username": "maya", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(maya.pk)


def test_createuser_refuses_a_short_password_in_one_line(monkeypatch, capsys, db):
    stdin(monkeypatch, "too short\n")

    assert cli.main(["createuser", "maya"]) == 1

    captured = capsys.readouterr()
    line = one_error_line(captured.err, "createuser")
    assert "at least 12 characters" in line
    assert captured.out == ""
    assert not User.objects.filter(username="maya").exists()


def test_createuser_refuses_a_taken_username(monkeypatch, capsys, alice):
    stdin(monkeypatch, NEW_PASSWORD + "\n")

    assert cli.main(["createuser", "Alice"]) == 1

    assert "already taken" in one_error_line(capsys.readouterr().err, "createuser")
    assert User.objects.count() == 1


def test_today_with_no_users_says_how_to_create_one(capsys, db):
    assert cli.main(["today"]) == 1

    line = one_error_line(capsys.readouterr().err, "today")
    assert "there are no users yet" in line
    assert "coffeechat serve" in line


def test_today_for_an_unknown_user_fails_in_one_line(capsys, alice):
    assert cli.main(["today", "--user", "nosuch"]) == 1

    assert "no user named 'nosuch'" in one_error_line(capsys.readouterr().err, "today")


def test_today_asks_which_user_when_there_are_several(capsys, alice, bob):
    assert cli.main(["today"]) == 1

    assert "--user" in one_error_line(capsys.readouterr().err, "today")


def test_today_json_prints_a_json_list(capsys, alice):
    assert cli.main(["today", "--user", "alice", "--json"]) == 0

    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert captured.err == ""


def test_today_says_what_to_do_when_nothing_is_due(capsys, alice):
    assert cli.main(["today"]) == 0

    out = capsys.readouterr().out
    assert "Nothing due." in out
    # Imported employers are not targets: the user is told how to pick some.
    assert "No target organizations yet" in out and "/research/?show=known" in out


def test_today_names_next_moves_once_there_is_a_target(capsys, alice):
    make.organization(alice, "Acme Climate", is_target=True)

    assert cli.main(["today"]) == 0

    out = capsys.readouterr().out
    assert "No target organizations yet" not in out
    assert "NEXT" in out and "Acme Climate" in out


def test_an_administrator_made_with_createsuperuser_can_use_the_app(client, monkeypatch, db):
    # The README offers `coffeechat manage createsuperuser`: that account must work like any other.
    from django.core.management import call_command

    from coffeechat.pipeline.conversations.models import Question

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long admin passphrase 7")
    call_command("createsuperuser", interactive=False, username="root", email="root@example.org")
    admin = User.objects.get(username="root")
    assert admin.profile.time_zone
    assert Question.objects.filter(owner=admin).count() >= 25
    client.force_login(
        admin, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    response = client.get("/")
    assert response.status_code == 200
    assert "Today" in response.content.decode()


def test_today_ends_with_the_next_moves_for_the_top_targets(capsys, alice):
    from coffeechat.network.people.models import Contact
    from coffeechat.network.research.models import Organization

    green = Organization.objects.create(owner=alice, name="Green Bank", motivation=3)
    Organization.objects.create(owner=alice, name="Acme", motivation=2)
    Contact.objects.create(owner=alice, first_name="Priya", last_name="Shah", organization=green)

    assert cli.main(["today"]) == 0
    out = capsys.readouterr().out
    assert out.index("Write to Priya Shah at Green Bank") < out.index("Find someone at Acme")
    assert cli.main(["today", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(entry["section"], entry["title"]) for entry in listed] == [
        ("next", "Write to Priya Shah at Green Bank"),
        ("next", "Find someone at Acme"),
    ]
