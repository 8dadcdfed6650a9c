"""The benchmark's data generator (bench/generate.py): the same seed gives the same file, and
that file is one the LinkedIn importer reads. No timing here: the benchmark itself is
`.venv/bin/python bench/run.py`."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

GENERATE = Path(__file__).resolve().parents[1] / "bench" / "generate.py"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_same_seed_gives_the_same_file_and_another_seed_another(generate):
    assert generate.connections_csv(300, seed=7) == generate.connections_csv(300, seed=7)
    assert generate.connections_csv(300, seed=7) != generate.connections_csv(300, seed=8)


def test_the_file_starts_like_linkedins_export(generate):
    lines = generate.connections_csv(5).splitlines()
    assert lines[0] == "Notes:"
    assert lines[3] == "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    assert len(lines) == 4 + 5


def test_the_linkedin_importer_reads_every_row_it_generates(generate):
    importers = pytest.importorskip(
        "coffeechat.method.importers", reason="the LinkedIn parser is not written yet"
    )
    rows = 2000
    result = importers.parse("linkedin", generate.connections_csv(rows).encode(), "Connections.csv")

    assert result.problems == []
    assert len(result.rows) + len(result.skipped) == rows
    assert 0.01 < len(result.skipped) / rows < 0.03  # about 2% without a name
    assert 0.07 < sum(1 for row in result.rows if row.email) / rows < 0.13
    names = {row.full_name for row in result.rows}
    assert any(not name.isascii() for name in names)
    assert any(any("\u0400" <= char <= "\u04ff" for char in name) for name in names)
    assert all(row.connected_on is not None for row in result.rows)


def test_the_benchmark_runs_end_to_end_on_a_small_data_set(tmp_path):
    # Not a timing: it proves the benchmark still runs against today's schema (its floor
    # writes raw SQL, so a new NOT NULL column would otherwise break it unnoticed).
    import subprocess
    import sys

    out = tmp_path / "latest.md"
    result = subprocess.run(
        [sys.executable, str(GENERATE.with_name("run.py")), "--rows", "200", "--runs", "1",
         "--account-contacts", "20", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    table = out.read_text()
    # Both ways store the same contacts (LinkedIn hides a few names: those rows are skipped).
    created = re.search(r"\| (\d+) contacts created \|", table)
    inserted = re.search(r"\| (\d+) contacts inserted \|", table)
    assert created and inserted and created[1] == inserted[1]
    assert 190 <= int(created[1]) <= 200
    assert "| Restore from JSON" in table
    assert re.search(r"Import / floor: \*\*\d+\.\dx\*\*", table)
