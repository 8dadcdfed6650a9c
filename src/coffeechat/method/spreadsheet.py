"""Spreadsheet-safe cells: CSV formula injection neutralised, and undone on the way back in.

A spreadsheet treats a cell that starts with = + - or @ as a formula, and a leading tab or
carriage return can hide one; a contact named "=HYPERLINK(...)" must stay text. As OWASP
suggests, such a cell gets a single quote in front. A value that itself starts with a quote gets
one too, so that `unneutralise` can tell an added quote from a real one and every value comes
back exactly.
"""

from __future__ import annotations

from collections.abc import Iterable

QUOTE = "'"
# What a spreadsheet may read as the start of a formula, and the quote that marks our prefix.
TRIGGERS = frozenset("=+-@\t\r" + QUOTE)


def neutralise(value: str) -> str:
    """The value as a cell no spreadsheet evaluates: a quote in front when it could be a formula."""
    if value and value[0] in TRIGGERS:
        return QUOTE + value
    return value


def unneutralise(value: str) -> str:
    """The original value of a cell written by `neutralise` (any other value is left alone)."""
    if len(value) >= 2 and value[0] == QUOTE and value[1] in TRIGGERS:
        return value[1:]
    return value


def neutralise_row(values: Iterable[object]) -> list[str]:
    """A row of cells as text, each neutralised; None becomes an empty cell."""
    return [neutralise("" if value is None else str(value)) for value in values]
