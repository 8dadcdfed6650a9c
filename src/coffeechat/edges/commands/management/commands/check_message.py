"""`coffeechat check-message`: plain Python over a text file, so `coffeechat` runs it without
setting Django up or touching a database (it imports nothing that needs them)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from coffeechat.edges.commands.base import AlreadyReported, CoffeechatCommand
from coffeechat.method.checker import RULE_SETS, TIES, Severity, check_message, parse_draft


def read_draft(file: str) -> str:
    """The draft's text from a file, or from standard input for `-`."""
    try:
        return sys.stdin.read() if file == "-" else Path(file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise CommandError(f"cannot read {file}: {reason}") from None


class Command(CoffeechatCommand):
    help = "Check a draft message against the method's rules; exits 1 if there is a problem."
    example = (
        "coffeechat check-message draft.txt --rules strict --first-name Priya\n"
        "  coffeechat check-message nudge.txt --tie former_colleague --sent-before request.txt\n"
        "  pbpaste | coffeechat check-message - --channel linkedin --json"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", metavar="FILE",
            help="the draft, or - for standard input; a first line 'Subject: ...' is the subject",
        )  # fmt: skip
        parser.add_argument("--json", action="store_true", help="print the findings as a JSON list")
        parser.add_argument(
            "--rules", choices=["classic", "strict"], default="classic",
            help="classic: under 100 words; strict: under 75, the ask a question, mostly about "
            "them (default classic)",
        )  # fmt: skip
        parser.add_argument(
            "--channel", choices=["email", "linkedin"], default="email",
            help="linkedin: a connection note, 300 characters at most, no subject "
            "(default email)",
        )  # fmt: skip
        parser.add_argument(
            "--purpose", choices=["request", "follow_up", "thank_you", "update"],
            default="request",
            help="what the message is for; length and ask rules apply to requests and "
            "follow-ups (default request)",
        )  # fmt: skip
        parser.add_argument(
            "--first-name", default="", metavar="NAME",
            help="the recipient's first name, to check the greeting",
        )  # fmt: skip
        parser.add_argument(
            "--last-name", default="", metavar="NAME",
            help="the recipient's surname, to check a greeting such as 'Dear Ms. Shah'",
        )  # fmt: skip
        parser.add_argument(
            "--connection", action="append", default=[], metavar="NAME",
            help="someone who referred or introduced you (may be repeated)",
        )  # fmt: skip
        parser.add_argument(
            "--known-name", action="append", default=[], metavar="NAME",
            help="another name they are called by, for the greeting: the name they go by "
            "('Johnny') or a formal form ('Dr. Public') (may be repeated)",
        )  # fmt: skip
        parser.add_argument(
            "--tie", choices=TIES, default="", metavar="TIE",
            help=f"how you know them ({', '.join(TIES)}): flags writing to someone you know "
            "as to a stranger ('I came across your work at ...'); without it, no such check",
        )  # fmt: skip
        parser.add_argument(
            "--sent-before", action="append", default=[], metavar="FILE",
            help="a message already sent to them, to flag a draft nearly identical to it "
            "(may be repeated)",
        )  # fmt: skip

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        subject, body = parse_draft(read_draft(file))
        findings = check_message(
            body,
            subject=subject,
            rules=RULE_SETS[options["rules"]],
            channel=options["channel"],
            purpose=options["purpose"],
            first_name=options["first_name"],
            last_name=options["last_name"],
            connection_names=tuple(options["connection"]),
            known_names=tuple(options["known_name"]),
            tie=options["tie"],
            # An earlier message's own "Subject:" line is not part of what was written.
            sent_before=tuple(parse_draft(read_draft(sent))[1] for sent in options["sent_before"]),
        )
        if options["json"]:
            listed = [finding.as_dict() for finding in findings]
            self.stdout.write(json.dumps(listed, indent=2, ensure_ascii=False))
        else:
            for finding in findings:
                self.stdout.write(f"{finding.severity}: {finding.rule}: {finding.message}")
        if any(finding.severity == Severity.PROBLEM for finding in findings):
            raise AlreadyReported  # exit status 1: the findings above say why
        if not options["json"]:
            self.stdout.write("No problems found.")
