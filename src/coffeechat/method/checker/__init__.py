"""The message checker: a draft request read against the method's message rules.

    findings = check_message(body, subject="Priya Shah suggested I get in touch", rules=STRICT,
                             first_name="Sam", last_name="Lee", tie="referral")

Each rule is a function from a read `Draft` to findings; `_RULES` says which purposes and
channels it applies to. The rules are heuristics over plain English and say so in their
messages: they point at words, the user decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from coffeechat.method.checker.ask import check_ask
from coffeechat.method.checker.connection import check_connection
from coffeechat.method.checker.draft import Draft, read_draft
from coffeechat.method.checker.form import (
    check_attachment,
    check_length,
    check_subject,
    check_unfilled,
)
from coffeechat.method.checker.jobs import check_jobs
from coffeechat.method.checker.model import (
    CHANNELS,
    CLASSIC,
    LINKEDIN_MESSAGE_LIMIT,
    LINKEDIN_NOTE_LIMIT,
    PURPOSES,
    RULE_SETS,
    STRICT,
    TIES,
    Finding,
    RuleSet,
    Severity,
    linkedin_limit,
)
from coffeechat.method.checker.reader import check_about_you, check_greeting
from coffeechat.method.checker.resend import check_resend
from coffeechat.method.checker.residue import check_repeated, check_residue
from coffeechat.method.checker.tie import check_tie

__all__ = [
    "CHANNELS",
    "CLASSIC",
    "LINKEDIN_MESSAGE_LIMIT",
    "LINKEDIN_NOTE_LIMIT",
    "PURPOSES",
    "RULE_SETS",
    "STRICT",
    "TIES",
    "Finding",
    "RuleSet",
    "Severity",
    "check_message",
    "linkedin_limit",
    "parse_draft",
]

Rule = Callable[[Draft], Iterable[Finding]]

_ASKING = ("request", "follow_up")
_ALL = PURPOSES
# (rule, purposes it applies to, channels it applies to), in the order findings are listed.
_RULES: tuple[tuple[Rule, tuple[str, ...], tuple[str, ...]], ...] = (
    (check_unfilled, _ALL, CHANNELS),
    (check_resend, _ALL, CHANNELS),
    (check_length, _ASKING, CHANNELS),
    (check_jobs, _ALL, CHANNELS),
    (check_connection, ("request",), CHANNELS),
    (check_tie, _ALL, CHANNELS),
    (check_ask, _ASKING, CHANNELS),
    (check_attachment, ("request",), CHANNELS),
    (check_greeting, _ALL, CHANNELS),
    (check_subject, _ALL, ("email",)),
    (check_about_you, _ASKING, CHANNELS),
    (check_residue, _ALL, CHANNELS),
    (check_repeated, _ALL, CHANNELS),
)
_SUBJECT_LINE = re.compile(r"\A\ufeff?[ \t]*subject[ \t]*:[ \t]*(?P<subject>[^\n]*)\n?", re.I)


def check_message(
    body: str,
    *,
    subject: str | None = None,
    rules: RuleSet = CLASSIC,
    channel: str = "email",
    purpose: str = "request",
    first_name: str = "",
    last_name: str = "",
    connection_names: tuple[str, ...] = (),
    known_names: tuple[str, ...] = (),
    tie: str = "",
    sent_before: tuple[str, ...] = (),
) -> list[Finding]:
    """Findings for a draft, problems first, each group in a fixed rule order.

    `known_names` are the names the person is called by besides `first_name` (the name they
    go by, "Dr. Public"); `tie` is how the writer knows them (TIES), "" when unknown; and
    `sent_before` the bodies of messages already sent to them.
    """
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {', '.join(CHANNELS)}, not {channel!r}")
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {', '.join(PURPOSES)}, not {purpose!r}")
    if tie and tie not in TIES:
        raise ValueError(f"tie must be one of {', '.join(TIES)}, not {tie!r}")
    draft = read_draft(
        body.replace("\r\n", "\n").replace("\r", "\n"),
        subject=subject,
        rules=rules,
        channel=channel,
        purpose=purpose,
        first_name=first_name,
        last_name=last_name,
        connection_names=tuple(connection_names),
        known_names=tuple(known_names),
        tie=tie,
        sent_before=tuple(sent_before),
    )
    findings = [
        finding
        for rule, purposes, channels in _RULES
        if purpose in purposes and channel in channels
        for finding in rule(draft)
    ]
    return sorted(findings, key=lambda finding: finding.severity != Severity.PROBLEM)


def parse_draft(text: str) -> tuple[str | None, str]:
    """Split "Subject: ..." off the first line: (subject, body), or (None, text) without one."""
    match = _SUBJECT_LINE.match(text)
    if not match:
        return None, text
    return match["subject"].strip(), text[match.end() :].lstrip("\r\n")
