"""Every command is listed in `coffeechat --help` and documents itself with an example."""

import argparse

import pytest

from coffeechat.edges.cli import build_parser

COMMANDS = [
    "serve", "migrate", "createuser", "today", "check-message", "import", "export", "restore",
    "backup", "manage", "remind",
]  # fmt: skip


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    text = capsys.readouterr().out
    for name in COMMANDS:
        assert f"    {name}" in text
    assert sorted(subcommands()) == sorted(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_a_summary_and_an_example(name):
    help_text = subcommands()[name].format_help()
    example = help_text.split("example:\n", 1)[1]
    assert "coffeechat " + name in example
    assert len(subcommands()[name].description) > 20
