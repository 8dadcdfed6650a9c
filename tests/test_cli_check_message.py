"""`coffeechat check-message`: a draft in, one finding per line out, exit 1 on a problem."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from coffeechat.edges import cli

GOOD = """Subject: Priya Shah suggested I get in touch

Dear Sam,

Priya Shah suggested I get in touch with you. I'm Alice Martin, a final-year economics student
at Leeds, and I'm exploring careers in climate finance.

I would value your advice and your view of the field. Would you have 15-20 minutes for a short
call or a coffee in the next few weeks, whenever suits you?

Thank you,
Alice Martin
"""
JOB_HUNT = """Subject: Question about the analyst position

Dear Sam,

Priya Shah suggested I get in touch. I saw the analyst position on your website and wondered
whether your team is hiring. Would you have 20 minutes for a call?
"""


@pytest.fixture(autouse=True)
def _no_django_setup(monkeypatch):
    # The command must not need Django; fail loudly if main() tries to set it up.
    def refuse() -> None:
        raise AssertionError("check-message must not set up Django")

    monkeypatch.setattr(cli, "_setup_django", refuse)


@pytest.fixture
def draft(tmp_path):
    def write(text: str) -> str:
        path = tmp_path / "draft.txt"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_a_good_draft_says_no_problems_found_and_exits_0(draft, capsys):
    assert cli.main(["check-message", draft(GOOD), "--first-name", "Sam"]) == 0

    captured = capsys.readouterr()
    assert captured.out == "No problems found.\n"
    assert captured.err == ""


def test_each_finding_is_one_line_and_a_problem_exits_1(draft, capsys):
    assert cli.main(["check-message", draft(JOB_HUNT)]) == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "problem: mentions-jobs: Mentions jobs: “position”, “hiring”. "
        "Ask for advice, not a job; the job talk comes later, if ever.",
    ]


def test_suggestions_print_but_do_not_fail(draft, capsys):
    text = GOOD.replace("Dear Sam,", "Hi there,")

    assert cli.main(["check-message", draft(text)]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("suggestion: greeting-name: “Hi there,” names nobody")
    assert lines[-1] == "No problems found."


def test_json_prints_the_findings_as_a_list_of_dicts(draft, capsys):
    assert cli.main(["check-message", draft(JOB_HUNT), "--json"]) == 1

    findings = json.loads(capsys.readouterr().out)
    assert findings == [
        {
            "rule": "mentions-jobs",
            "severity": "problem",
            "message": "Mentions jobs: “position”, “hiring”. "
            "Ask for advice, not a job; the job talk comes later, if ever.",
            "words": ["position", "hiring"],
        }
    ]


def test_json_for_a_good_draft_is_an_empty_list(draft, capsys):
    assert cli.main(["check-message", draft(GOOD), "--json", "--first-name", "Sam"]) == 0

    assert json.loads(capsys.readouterr().out) == []


def test_options_choose_the_rule_set_channel_and_greeting_name(draft, capsys):
    assert cli.main(["check-message", draft(GOOD), "--first-name", "Priya"]) == 1
    assert "problem: greeting-name: The greeting says “Dear Sam,”" in capsys.readouterr().out

    note = "Hi Sam, we met at the Leeds alumni dinner. " + "Would you have 20 minutes? " * 12
    assert cli.main(["check-message", draft(note), "--channel", "linkedin"]) == 1
    assert "characters: a LinkedIn connection note stops at 300" in capsys.readouterr().out

    polite = GOOD.replace("Would you have", "I wondered if you had").replace("you?", "you.")
    assert cli.main(["check-message", draft(polite), "--first-name", "Sam"]) == 0
    capsys.readouterr()
    assert cli.main(["check-message", draft(polite), "--rules", "strict"]) == 1
    assert "problem: ask-not-a-question:" in capsys.readouterr().out


def test_purpose_and_connection_names_reach_the_checker(draft, capsys):
    late = GOOD.replace("Priya Shah suggested I get in touch with you. ", "") + (
        "\nP.S. Priya told me you'd be the person to ask.\n"
    )
    subject_free = late.replace("Subject: Priya Shah suggested I get in touch", "Subject: Advice")
    path = draft(subject_free)

    assert cli.main(["check-message", path, "--first-name", "Sam"]) == 0
    assert "suggestion: connection-late:" in capsys.readouterr().out
    assert cli.main(["check-message", path, "--connection", "Priya Shah"]) == 1
    assert "problem: connection-late:" in capsys.readouterr().out
    assert cli.main(["check-message", path, "--purpose", "thank_you"]) == 0


def test_tie_flags_writing_to_a_former_colleague_as_to_a_stranger(draft, capsys):
    met = GOOD.replace(
        "Priya Shah suggested I get in touch with you.", "I came across your work at Acme."
    )
    path = draft(met)

    assert cli.main(["check-message", path, "--first-name", "Sam"]) == 0  # no tie: silent
    assert "tie-stranger" not in capsys.readouterr().out
    assert (
        cli.main(["check-message", path, "--first-name", "Sam", "--tie", "former_colleague"]) == 1
    )
    assert (
        "problem: tie-stranger: “came across your work at Acme” is how you write to a "
        "stranger, and this is a former colleague:"
    ) in capsys.readouterr().out


def test_an_unknown_tie_is_a_usage_error(draft, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["check-message", draft(GOOD), "--tie", "stranger"])

    assert exited.value.code == 2
    assert "argument --tie: invalid choice: 'stranger'" in capsys.readouterr().err


def test_known_names_let_the_greeting_use_the_name_they_go_by(draft, capsys):
    path = draft(GOOD.replace("Dear Sam,", "Hi Sammy,"))

    assert cli.main(["check-message", path, "--first-name", "Samuel"]) == 1
    assert "problem: greeting-name: The greeting says “Hi Sammy,”" in capsys.readouterr().out
    assert cli.main(["check-message", path, "--first-name", "Samuel", "--known-name", "Sammy"]) == 0
    assert capsys.readouterr().out == "No problems found.\n"


def test_sent_before_flags_the_same_message_sent_again(tmp_path, draft, capsys):
    earlier = tmp_path / "earlier.txt"
    earlier.write_text(GOOD.replace("Subject: Priya Shah", "Subject: Re: Priya Shah"), "utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Dear Sam,\n\nThank you for the call on Tuesday; it helped.\n", "utf-8")
    path = draft(GOOD)

    args = ["check-message", path, "--first-name", "Sam", "--sent-before", str(other)]
    assert cli.main(args) == 0
    capsys.readouterr()
    assert cli.main([*args, "--sent-before", str(earlier)]) == 1
    assert capsys.readouterr().out.startswith(
        "problem: same-as-sent: Nearly the same as a message you already sent them (100% alike"
    )
    assert cli.main([*args, "--sent-before", str(tmp_path / "nosuch.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_a_draft_without_a_subject_line_is_missing_its_subject(draft, capsys):
    body = GOOD.split("\n", 2)[2]

    assert cli.main(["check-message", draft(body), "--first-name", "Sam"]) == 1
    assert capsys.readouterr().out.startswith("problem: subject-missing:")


def test_a_dash_reads_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(JOB_HUNT))

    assert cli.main(["check-message", "-"]) == 1
    assert "mentions-jobs" in capsys.readouterr().out


def test_a_missing_file_fails_in_one_line(tmp_path, capsys):
    missing = tmp_path / "nosuch.txt"

    assert cli.main(["check-message", str(missing)]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"coffeechat check-message: error: cannot read {missing}: No such file or directory\n"
    )


def test_a_file_that_is_not_text_fails_in_one_line(tmp_path, capsys):
    binary = tmp_path / "draft.docx"
    binary.write_bytes(b"PK\x03\x04\xff\xfe\x00")

    assert cli.main(["check-message", str(binary)]) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"coffeechat check-message: error: cannot read {binary}: ")
    assert len(err.strip().splitlines()) == 1


def test_an_unknown_rule_set_is_a_usage_error(draft, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["check-message", draft(GOOD), "--rules", "lenient"])

    assert exited.value.code == 2
    assert "invalid choice: 'lenient'" in capsys.readouterr().err


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["check-message", "--help"])
    assert exited.value.code == 0
    assert "coffeechat check-message draft.txt" in capsys.readouterr().out


def test_standard_input_works_through_the_real_command_without_a_database(tmp_path):
    # A settings value that would break django.setup() proves the command never calls it.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "DJANGO_SETTINGS_MODULE": "no.such.module"}
    env.pop("DATABASE_URL", None)

    result = subprocess.run(
        [sys.executable, "-m", "coffeechat", "check-message", "-", "--json"],
        input=JOB_HUNT, capture_output=True, text=True, encoding="utf-8", timeout=60, env=env,
        cwd=tmp_path,
    )  # fmt: skip

    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert [f["rule"] for f in json.loads(result.stdout)] == ["mentions-jobs"]
