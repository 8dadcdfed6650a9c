"""The load test (bench/load.py) keeps working: a short run on a small account makes requests of
every kind, saves autosaves, and finds no server or lock error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_a_short_load_run_reads_autosaves_and_reports_no_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "load.py", "--clients", "3", "--seconds", "3", "--contacts", "40"],
        cwd=BENCH, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 server errors, 0 lock errors" in done.stdout
    assert "| Autosave |" in done.stdout and "| Today |" in done.stdout
