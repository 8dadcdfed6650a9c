"""A moment's day in a time zone, worked out by the database in plain SQL.

Django's TruncDate with a time zone asks SQLite to call back into Python for every row (to
convert the moment), which costs more than the rest of a query over thousands of messages. Within
a known span of moments, though, a time zone is a handful of fixed UTC offsets, each in force
from one change of offset (summer time) to the next: SQLite's own date() adds the right one
(`CASE WHEN moment >= change THEN date(moment, '+3600 seconds') ... END`). Other databases
convert time zones natively, so they get TruncDate's SQL unchanged.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.functions import TruncDate
from django.db.models.sql.compiler import SQLCompiler

# Offsets are sampled this often across the span, then the moment of a change is found to the
# second: no time zone has changed its offset twice within six hours.
_STEP = timedelta(hours=6)


def _offset(moment: datetime, tz: tzinfo) -> int:
    offset = moment.astimezone(tz).utcoffset()
    return int(offset.total_seconds()) if offset else 0


def _change_between(before: datetime, after: datetime, tz: tzinfo) -> datetime:
    """The first whole second at or after which `after`'s offset is in force."""
    low, high = int(before.timestamp()), int(after.timestamp())
    old = _offset(before, tz)
    while high - low > 1:
        middle = (low + high) // 2
        if _offset(datetime.fromtimestamp(middle, UTC), tz) == old:
            low = middle
        else:
            high = middle
    return datetime.fromtimestamp(high, UTC)


@functools.lru_cache(maxsize=256)
def offsets(tz: tzinfo, since: datetime, until: datetime) -> tuple[tuple[datetime, int], ...]:
    """The offsets (in seconds) in force from `since` to `until`, oldest first: each with the
    UTC moment it starts (the first one's is `since`). Kept for the next query (a pure
    function of its arguments: a query uses it several times, and the span rarely moves)."""
    pieces = [(since, _offset(since, tz))]
    moment = since
    while moment < until:
        following = min(moment + _STEP, until)
        if _offset(following, tz) != pieces[-1][1]:
            start = _change_between(moment, following, tz)
            pieces.append((start, _offset(start, tz)))
        moment = following
    return tuple(pieces)


class LocalDate(TruncDate):
    """TruncDate(expression, tzinfo=tz) for moments between `since` and `until` (inclusive):
    on SQLite a CASE over the offsets in force then, so no row calls back into Python. A moment
    outside the span would get the nearest offset, so the span must hold every row's."""

    def __init__(self, expression: Any, *, tzinfo: tzinfo, since: datetime, until: datetime):
        super().__init__(expression, tzinfo=tzinfo)
        self.since, self.until = since, until

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        moment, moment_params = compiler.compile(self.lhs)
        # date() rounds to the millisecond ('23:59:59.9999' is midnight, the next day): the
        # whole second is enough, as offsets and their changes fall on whole seconds.
        second = f"substr({moment}, 1, 19)"
        pieces = offsets(self.tzinfo, self.since, self.until)
        if len(pieces) == 1:  # one offset all along (UTC, or no summer time in the span)
            return f"date({second}, %s)", [*moment_params, f"{pieces[0][1]:+d} seconds"]
        sql, params = ["CASE"], []
        for start, seconds in reversed(pieces[1:]):  # the newest change first
            sql.append(f"WHEN {moment} >= %s THEN date({second}, %s)")
            params += [*moment_params, connection.ops.adapt_datetimefield_value(start)]
            params += [*moment_params, f"{seconds:+d} seconds"]
        sql.append(f"ELSE date({second}, %s) END")
        params += [*moment_params, f"{pieces[0][1]:+d} seconds"]
        return " ".join(sql), params
