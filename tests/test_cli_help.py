"""Every command is listed in `coffeechat --help` and documents itself with an example.

Parametrised over the management commands in coffeechat/edges/commands: a new one that is not
reachable as `coffeechat NAME`, or has no example, fails here."""

import re
from pathlib import Path

import pytest
from django.core.management import find_commands

from coffeechat.edges import cli, commands

REGISTERED = sorted(find_commands(str(Path(commands.__file__).parent / "management")))
CLI_NAME = {command: name for name, command in cli.COMMANDS.items()}


@pytest.fixture(autouse=True)
def _django_already_set_up(monkeypatch):
    # pytest-django has set Django up; doing it again would re-point logging at capsys.
    monkeypatch.setattr(cli, "_setup_django", lambda: None)


def help_text(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.main([*argv, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_every_command_in_the_folder_is_a_coffeechat_command_and_nothing_else_is():
    assert sorted(cli.COMMANDS.values()) == REGISTERED
    assert len(REGISTERED) == 13


@pytest.mark.parametrize("command", REGISTERED)
def test_each_command_is_listed_in_the_help_and_has_a_summary_and_an_example(command, capsys):
    assert command in CLI_NAME, f"{command} has no name in coffeechat.edges.cli.COMMANDS"
    name = CLI_NAME[command]

    assert re.search(rf"^    {re.escape(name)}\b", help_text(capsys), re.MULTILINE)
    own_help = help_text(capsys, name)
    assert own_help.startswith(f"usage: coffeechat {name} ")
    example = own_help.split("example:\n", 1)[1]
    assert "coffeechat " + name in example
    assert len(cli.load(name).help) > 20


def test_manage_is_listed_and_has_an_example(capsys):
    assert re.search(r"^    manage\b", help_text(capsys), re.MULTILINE)
    assert "example:\n  coffeechat manage check --deploy" in help_text(capsys, "manage")


def test_the_help_hides_djangos_standard_options_but_keeps_the_commands_own(capsys):
    own_help = help_text(capsys, "today")
    assert "--user USER" in own_help
    assert "--verbosity" not in own_help
    assert "--settings" not in own_help
