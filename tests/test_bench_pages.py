"""The pages benchmark (bench/pages.py) still runs end to end: a tiny account, a fraction of a
second per page. Not a timing: it proves the benchmark keeps working as pages and the schema
change (a page that moved, a login that changed, a model the heavy account no longer fits)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PAGES = Path(__file__).resolve().parents[1] / "bench" / "pages.py"
MEASURED = [
    "Baseline: 50-row ListView",
    "Today",
    "Contacts",
    "Research",
    "Outreach (messages)",
    "Conversations",
    "Follow-ups",
    "Insights",
    "Calendar feed",
    "One contact",
]


def test_the_pages_benchmark_measures_every_page_beside_the_baseline(tmp_path):
    out = tmp_path / "pages.md"
    result = subprocess.run(
        [sys.executable, str(PAGES), "--contacts", "30", "--seconds", "0.2", "--clients", "2",
         "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    table = out.read_text()
    assert table in result.stdout  # printed as well as kept
    assert "### 30 contacts" in table
    assert re.search(r"[\d,]+ events \(\d+ messages", table)
    assert re.search(r"\*\*\d+ MB\*\* at its peak", table)
    for label in MEASURED:
        # bytes | median | p95 | req/s | x baseline | queries | peak RSS: all measured, and
        # the queries counted by the bench settings' middleware (not "?").
        row = re.search(
            rf"^\| {re.escape(label)} \| [\d.]+ [KM]?B \| \d+ m?s \| [\d.]+ m?s \| [\d.]+ \| "
            rf"[\d.]+x \| \d+(-\d+)? \| \d+ MB \|$",
            table,
            re.MULTILINE,
        )
        assert row, f"no measured row for {label}:\n{table}"
    assert re.search(r"^\| Baseline: 50-row ListView .* \| 1\.000x \|", table, re.MULTILINE)
    # Search is measured where this version has it, and said to be missing where not.
    for label in ("Search: nursing", "Search: resume advice"):
        assert re.search(rf"^\| {label} \| (not in this version|[\d.]+ [KM]?B)", table, re.M)
