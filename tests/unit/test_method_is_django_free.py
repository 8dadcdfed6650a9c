"""The method's rules are plain Python: importing them must not pull in Django."""

import subprocess
import sys
from pathlib import Path

import coffeechat.method

ROOT = Path(coffeechat.method.__file__).parent
# Every module, the checker/ and importers/ packages included.
MODULES = sorted(
    ".".join(("coffeechat", "method", *path.relative_to(ROOT).with_suffix("").parts))
    for path in ROOT.rglob("*.py")
    if path.stem != "__init__"
)


def test_every_method_module_imports_without_django():
    script = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(MODULES) >= 6
    assert any(name.startswith("coffeechat.method.checker.") for name in MODULES)
    assert any(name.startswith("coffeechat.method.importers.") for name in MODULES)
