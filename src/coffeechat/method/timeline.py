"""A contact's timeline: every message, reply, conversation and follow-up, newest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    url_label: str = "Open conversation"
    # Where to correct or delete the record, for the entries the user recorded themselves.
    edit_url: str = ""
    delete_url: str = ""
    # The entry's id on the page ("message-12"), so that search can link to the very message.
    anchor: str = ""


def merge_timeline(*streams: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    entries = [entry for stream in streams for entry in stream]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
