"""The layers of docs/architecture.md hold: imports point only down, nothing goes round in a
circle, every module has a place, and an import hidden in a function says why it is there."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "import_matrix.py"


def _load_matrix():
    spec = importlib.util.spec_from_file_location("import_matrix", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_matrix"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


matrix = _load_matrix()


@pytest.fixture(scope="module")
def imports():
    return matrix.all_imports()


def test_every_module_belongs_to_a_layer():
    homeless = [
        str(path.relative_to(matrix.PACKAGE))
        for path in matrix.source_files()
        if matrix.unit_of(matrix.module_name(path)) is None
        and matrix.module_name(path) not in ("coffeechat",)
        and not _is_layer_package(path)
    ]
    assert homeless == [], "add these to LAYERS in scripts/import_matrix.py: " + ", ".join(homeless)


def _is_layer_package(path: Path) -> bool:
    """`coffeechat/pipeline/__init__.py` and the like: the layer's own (empty) package."""
    return (
        path.name == "__init__.py"
        and path.parent.parent == matrix.PACKAGE
        and not (path.read_text().strip())
    )


def test_no_import_points_up_a_layer(imports):
    assert [matrix.where(i) for i in matrix.upward(imports)] == []


def test_no_unit_imports_another_that_imports_it_back(imports):
    assert matrix.cycles(imports) == []


def test_an_import_inside_a_function_says_why():
    assert matrix.unexplained_lazy_imports() == []


def _fake(source: str, target: str, line: int = 1) -> object:
    return matrix.Import(SCRIPT, line, source, target, f"coffeechat.{target}.models", False, "")


def test_the_checks_catch_an_upward_import_and_a_cycle():
    # The checks themselves must be able to fail: a network unit importing a page, and two
    # pipeline units importing each other.
    up = _fake("network.people", "pages.today")
    there, back = (
        _fake("pipeline.outreach", "pipeline.followups"),
        _fake("pipeline.followups", "pipeline.outreach"),
    )
    assert matrix.upward([up, there]) == [up]
    assert matrix.cycles([there, back]) == [
        ["pipeline.followups", "pipeline.outreach", "pipeline.followups"]
    ]
    assert "imports coffeechat.pages.today.models" in matrix.where(up)


def test_the_method_rules_import_no_django(imports):
    assert [matrix.where(i) for i in imports if i.source == "method"] == []
