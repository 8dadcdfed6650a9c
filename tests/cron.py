"""Running `coffeechat` as cron would: separate processes over one SQLite file in `home`,
sending through the test's SMTP server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cron_env(home: Path, smtp_port: int) -> dict[str, str]:
    """This process's environment without its Coffeechat and Django settings, for `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        COFFEECHAT_HOME=str(home), COFFEECHAT_SMTP_HOST="127.0.0.1",
        COFFEECHAT_SMTP_PORT=str(smtp_port), COFFEECHAT_SMTP_TLS="false",
        COFFEECHAT_SMTP_FROM="coffeechat@careers.example.edu",
    )  # fmt: skip
    return env


def coffeechat(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coffeechat", *args], env=env, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def migrated_and_seeded(env: dict[str, str], seed: str) -> None:
    """A new database in the environment's home, with what `seed` (Python) writes into it."""
    assert coffeechat(env, "migrate").returncode == 0
    seeded = coffeechat(env, "manage", "shell", "-c", seed)
    assert seeded.returncode == 0, seeded.stderr


def remind_twice_at_once(env: dict[str, str]) -> list[tuple[int, str, str]]:
    """Two `coffeechat remind` started together: each one's exit code, output and errors."""
    command = [sys.executable, "-m", "coffeechat", "remind"]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "stdin": subprocess.DEVNULL}
    runs = [subprocess.Popen(command, env=env, text=True, **pipes) for _ in range(2)]
    return [(run.wait(timeout=120), *run.communicate()) for run in runs]
