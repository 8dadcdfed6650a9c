#!/usr/bin/env python3
"""Which part of Coffeechat imports which: the layers, a matrix of import counts between units,
every import that points up a layer, every cycle inside a layer, and the imports hidden inside
functions. Run it from anywhere: `python3 scripts/import_matrix.py`. It reads the source with
`ast` and imports nothing, so it works before the virtualenv exists. tests/test_layers.py uses
the same functions to keep the layers honest; docs/architecture.md explains them.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "coffeechat"

# Lowest first. A unit may import any unit of a lower layer and, inside its own layer, any unit
# as long as no cycle forms. Units are packages (or modules) below `coffeechat.`.
LAYERS: list[tuple[str, list[str]]] = [
    ("settings", ["config"]),
    ("method", ["method"]),
    ("foundation", ["foundation.core", "foundation.accounts"]),
    ("network", ["network.research", "network.people", "network.duplicates"]),
    (
        "pipeline",
        ["pipeline.conversations", "pipeline.outreach", "pipeline.followups", "pipeline.services"],
    ),
    (
        "pages",
        [
            "pages.accounts",
            "pages.people",
            "pages.research",
            "pages.duplicates",
            "pages.outreach",
            "pages.conversations",
            "pages.today",
            "pages.calendar",
            "pages.reminders",
            "pages.insights",
            "pages.search",
        ],
    ),
    (
        "edges",
        [
            "edges.imports",
            "edges.records",
            "edges.upgrade",
            "edges.commands",
            "edges.proxy",
            "edges.server",
            "edges.cli",
            "wsgi",
        ],
    ),
    ("project", ["settings", "urls", "__main__"]),
]
LAYER_OF = {unit: index for index, (_, units) in enumerate(LAYERS) for unit in units}
UNITS = [unit for _, units in LAYERS for unit in units]


@dataclass(frozen=True)
class Import:
    path: Path  # the importing file
    line: int
    source: str  # unit of the importing file
    target: str  # unit imported
    module: str  # the dotted name as written (made absolute)
    in_function: bool
    comment: str  # the comment on the import's first line, if any


def unit_of(module: str) -> str | None:
    """The unit a dotted name belongs to (`coffeechat.pipeline.outreach.models` ->
    `pipeline.outreach`); None outside the package or for a layer package itself."""
    if not module.startswith("coffeechat."):
        return None
    rest = module[len("coffeechat.") :]
    for unit in sorted(UNITS, key=len, reverse=True):
        if rest == unit or rest.startswith(unit + "."):
            return unit
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]


def imports_in(path: Path) -> list[Import]:
    text = path.read_text()
    lines = text.splitlines()
    tree = ast.parse(text, str(path))
    here = module_name(path)
    source = unit_of(here) or here
    found: list[Import] = []

    def add(module: str, node: ast.stmt, in_function: bool) -> None:
        target = unit_of(module)
        if target is None or target == source:
            return
        line = lines[node.lineno - 1]
        comment = line.split("#", 1)[1].strip() if "#" in line else ""
        found.append(Import(path, node.lineno, source, target, module, in_function, comment))

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    add(alias.name, child, in_function)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                for alias in child.names:
                    # `from coffeechat.pipeline import outreach` names a unit by its last part
                    whole = f"{base}.{alias.name}"
                    add(whole if unit_of(whole) else base, child, in_function)
            else:
                nested = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                visit(child, in_function or nested)

    visit(tree, False)
    return found


def all_imports() -> list[Import]:
    return [imp for path in source_files() for imp in imports_in(path)]


def unexplained_lazy_imports() -> list[str]:
    """Every import statement inside a function (of any module, not only Coffeechat's) whose
    line carries no `# reason`: such imports are only for optional or heavy dependencies, or
    for what must wait until Django is set up, and say so."""
    found: list[str] = []
    for path in source_files():
        lines = path.read_text().splitlines()
        for node, in_function in _walk(ast.parse("\n".join(lines), str(path)), False):
            lazy = in_function and isinstance(node, ast.Import | ast.ImportFrom)
            if lazy and "#" not in lines[node.lineno - 1]:
                found.append(f"{path.relative_to(PACKAGE.parent.parent)}:{node.lineno}")
    return found


def _walk(node: ast.AST, in_function: bool) -> list[tuple[ast.AST, bool]]:
    """Every node below `node`, with whether it sits inside a function."""
    found: list[tuple[ast.AST, bool]] = []
    for child in ast.iter_child_nodes(node):
        found.append((child, in_function))
        nested = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
        found.extend(_walk(child, in_function or nested))
    return found


def upward(imports: list[Import]) -> list[Import]:
    """Imports from a lower layer into a higher one."""
    return [i for i in imports if LAYER_OF[i.source] < LAYER_OF[i.target]]


def cycles(imports: list[Import]) -> list[list[str]]:
    """Each cycle between units (found by depth-first search), as the units around it."""
    graph: dict[str, set[str]] = defaultdict(set)
    for i in imports:
        graph[i.source].add(i.target)
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def walk(unit: str, trail: list[str]) -> None:
        for nxt in sorted(graph[unit]):
            if nxt in trail:
                loop = trail[trail.index(nxt) :]
                if frozenset(loop) not in seen:
                    seen.add(frozenset(loop))
                    found.append([*loop, nxt])
            elif len(trail) < len(UNITS):
                walk(nxt, [*trail, nxt])

    for unit in sorted(graph):
        walk(unit, [unit])
    return found


def where(i: Import) -> str:
    return f"{i.path.relative_to(PACKAGE.parent.parent)}:{i.line}: imports {i.module}"


def main() -> int:
    imports = all_imports()
    counts = Counter((i.source, i.target) for i in imports)
    used = [u for u in UNITS if any(u in pair for pair in counts)]
    short = {u: u.split(".")[-1][:5] for u in used}
    width = max(len(u) for u in used)
    print("Imports from each row's unit into each column's unit, layers lowest first:\n")
    print(" " * width + "  " + " ".join(short[u].rjust(5) for u in used))
    for row in used:
        cells = [str(counts[(row, col)] or ".").rjust(5) for col in used]
        print(row.rjust(width) + "  " + " ".join(cells))
    mutual = sorted({tuple(sorted(pair)) for pair in counts if pair[::-1] in counts})
    print(f"\nunit-to-unit edges: {len(counts)}")
    print(f"pairs that import each other: {len(mutual)}")
    for a, b in mutual:
        print(f"  {a} <-> {b}")
    up = upward(imports)
    print(f"imports that point up a layer: {len(up)}")
    for i in up:
        print(f"  {where(i)}")
    loops = cycles(imports)
    print(f"cycles: {len(loops)}")
    for loop in loops:
        print("  " + " -> ".join(loop))
    hidden = {(i.path, i.line): i for i in imports if i.in_function}
    print(f"import statements inside functions: {len(hidden)}")
    for i in hidden.values():
        print(f"  {where(i)}  # {i.comment or '(no reason given)'}")
    lazy = unexplained_lazy_imports()
    print(f"imports inside functions with no reason given (any package): {len(lazy)}")
    for line in lazy:
        print(f"  {line}")
    return 1 if up or loops or lazy else 0


if __name__ == "__main__":
    sys.exit(main())
