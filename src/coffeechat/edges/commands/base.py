"""What every `coffeechat` command shares: its help ends with an example, and it fails in one
line. Plain Django (no models), so the Django-free `check-message` can use it too."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
)


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Keeps the example's lines as written."""


class CoffeechatCommand(BaseCommand):
    """A `coffeechat` command: `help` is its summary, `example` one or more command lines."""

    example: str
    # `coffeechat` runs no system checks first and shows only the command's own options;
    # Django's standard ones (--verbosity, --settings, ...) still work, unlisted.
    requires_system_checks: list[str] = []
    suppressed_base_arguments = {
        "--version", "-v", "--verbosity", "--settings", "--pythonpath", "--traceback",
        "--no-color", "--force-color", "--skip-checks",
    }  # fmt: skip

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        kwargs.setdefault("epilog", f"example:\n  {self.example}")
        kwargs.setdefault("formatter_class", _HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)


class AlreadyReported(CommandError):
    """A failure the command has already described in its output: only the exit status is left
    (check-message's findings, remind's failed sends)."""

    def __init__(self, returncode: int = 1) -> None:
        super().__init__("", returncode=returncode)
