"""The importers benchmark (bench/importers.py) keeps working: it reads each kind of file it
generates, whole, and prints its table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "importers.py"


def test_the_importers_benchmark_prints_a_row_per_file():
    done = subprocess.run(
        [sys.executable, str(BENCH), "--runs", "1", "--sizes", "80", "160"],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| file | 80 lines | 160 lines |")
    assert len(rows) == 1 + 5, done.stdout


def test_its_files_read_back_as_the_people_in_them():
    sys.path.insert(0, str(BENCH.parent))
    try:
        import importers
    finally:
        sys.path.remove(str(BENCH.parent))
    from coffeechat.method.importers import parse

    assert len(parse("vcard", importers.many_cards(80), "c.vcf").rows) == 10
    note = parse("vcard", importers.folded_note(100), "a.vcf").rows[0].notes
    assert note.count("Met at the alumni panel") == 100
    qp = parse("vcard", importers.quoted_printable_note(50), "b.vcf").rows[0].notes
    assert qp.count("Café with Ann, she knows the Montréal team") == 50
    assert len(parse("linkedin", importers.linkedin(160), "C.csv").rows) == 40
    cut = parse("linkedin", importers.linkedin_cut(160), "C.csv", complete_only=True)
    assert len(cut.rows) == 40 and len(cut.skipped) == 1
