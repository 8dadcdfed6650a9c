#!/usr/bin/env python3
"""Print which Coffeechat app imports which: a matrix of import counts, the pairs that import
each other, and the imports hidden inside functions.

Run it from the project root: `python3 scripts/import_matrix.py`. It reads the source with `ast`
and imports nothing, so it works before the virtualenv exists.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "coffeechat"


def unit_of(module: str) -> str | None:
    """The app (or top-level module) a dotted name belongs to, e.g. `coffeechat.network.duplicates.people.views`
    -> `people`; None for anything outside the package."""
    parts = module.split(".")
    if parts[0] != "coffeechat" or len(parts) < 2:
        return None
    return parts[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for each import of the package in a file."""
    tree = ast.parse(path.read_text(), str(path))
    here = module_name(path).split(".")
    is_package = path.name == "__init__.py"
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append((alias.name, child.lineno, in_function))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = here if is_package else here[:-1]
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    target = child.module or ""
                found.append((target, child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return [(m, line, f) for m, line, f in found if m.startswith("coffeechat")]


def main() -> int:
    edges: Counter[tuple[str, str]] = Counter()
    hidden: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = unit_of(module_name(path))
        if source is None:
            continue
        for target_module, line, in_function in imports(path):
            target = unit_of(target_module)
            if target is None or target == source:
                continue
            edges[(source, target)] += 1
            if in_function:
                hidden.append(f"{path.relative_to(PACKAGE.parent)}:{line} -> {target_module}")
    units = sorted({u for edge in edges for u in edge})
    width = max(len(u) for u in units)
    print("Imports from each row's app into each column's app (files and lines counted once per import):")
    print(" " * width + " " + " ".join(u[:4].rjust(4) for u in units))
    for row in units:
        cells = [str(edges[(row, col)] or ".").rjust(4) for col in units]
        print(row.rjust(width) + " " + " ".join(cells))
    mutual = sorted({tuple(sorted(e)) for e in edges if (e[1], e[0]) in edges})
    print(f"\napp-to-app edges: {len(edges)}")
    print(f"pairs that import each other: {len(mutual)}")
    for a, b in mutual:
        print(f"  {a} <-> {b}")
    print(f"imports inside functions: {len(hidden)}")
    for line in hidden:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
