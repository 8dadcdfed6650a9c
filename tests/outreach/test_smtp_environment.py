"""The deployment-wide mail server comes from COFFEECHAT_SMTP_*; a bad combination stops startup."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL, s.DEFAULT_FROM_EMAIL)"
)


def settings_with(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        env={**clean, "COFFEECHAT_HOME": str(tmp_path), "DJANGO_SETTINGS_MODULE":
             "coffeechat.settings", **env},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_the_smtp_variables_become_djangos_email_settings(tmp_path):
    result = settings_with(
        tmp_path, COFFEECHAT_SMTP_HOST="smtp.example.edu", COFFEECHAT_SMTP_PORT="465",
        COFFEECHAT_SMTP_SSL="true", COFFEECHAT_SMTP_FROM="coffeechat@careers.example.edu",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "smtp.example.edu", "465", "False", "True", "coffeechat@careers.example.edu"
    ]  # fmt: skip
    default = settings_with(tmp_path)
    assert default.stdout.split()[:3] == ["587", "True", "False"]  # no host: an empty first field


def test_tls_and_ssl_together_or_a_host_without_a_from_address_stop_startup(tmp_path):
    both = settings_with(
        tmp_path, COFFEECHAT_SMTP_HOST="smtp.example.edu", COFFEECHAT_SMTP_TLS="true",
        COFFEECHAT_SMTP_SSL="true", COFFEECHAT_SMTP_FROM="a@example.edu",
    )  # fmt: skip
    assert both.returncode != 0
    assert "COFFEECHAT_SMTP_SSL=true and COFFEECHAT_SMTP_TLS=true exclude each other" in both.stderr
    no_from = settings_with(tmp_path, COFFEECHAT_SMTP_HOST="smtp.example.edu")
    assert "COFFEECHAT_SMTP_FROM must be the address" in no_from.stderr


def test_every_smtp_variable_is_listed_in_the_env_example():
    example = (ROOT / ".env.example").read_text()
    settings = (ROOT / "src/coffeechat/settings.py").read_text()
    for name in sorted(set(re.findall(r'"(COFFEECHAT_SMTP_\w+)"', settings))):
        assert f"\n{name}=" in example, name
