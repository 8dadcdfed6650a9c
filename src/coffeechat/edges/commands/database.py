"""The database brought up to date before a command, saying so in one line on standard error
(standard output may be a JSON list or an export going to a file)."""

from __future__ import annotations

import sys

from django.core.management.base import CommandError

from coffeechat.edges.upgrade import UpgradeFailed
from coffeechat.edges.upgrade import bring_up_to_date as upgrade


def bring_up_to_date(*, verbosity: int = 0) -> None:
    """Create or upgrade the database (backing up an older one first); CommandError if it fails."""
    try:
        done = upgrade(verbosity=verbosity)
    except UpgradeFailed as error:
        raise CommandError(str(error)) from None
    if done.line():
        print(done.line(), file=sys.stderr, flush=True)
