"""How reading an address book grows with the file: every importer should be linear.

    .venv/bin/python bench/importers.py                 # 12,500 to 100,000 lines, 3 runs each
    .venv/bin/python bench/importers.py --runs 5

For each size it times, best of --runs, reading (coffeechat.method.importers.parse, the bytes
as uploaded) of:

- a vCard with one note folded over N lines (what once took 58 s at 100,000 lines, unfolding
  being quadratic), and the same after a quoted-printable soft line break on every line;
- a vCard of N / 8 ordinary cards;
- a LinkedIn Connections.csv of N / 4 rows (an import takes up to 50,000), whole, and cut
  short inside a quoted field (found and read without its last row, --complete-only's path);

then each size's time divided by the smallest size's and by the growth in lines: about 1.0
means linear, N times more means quadratic. Plain Python, no database; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from coffeechat.method.importers import parse

SIZES = (12_500, 25_000, 50_000, 100_000)


def folded_note(lines: int) -> bytes:
    body = "\r\n ".join(
        "Met at the alumni panel, asked about climate finance; " for _ in range(lines)
    )
    card = (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\nNOTE:{body}\r\nEND:VCARD\r\n"
    )
    return card.encode()


def quoted_printable_note(lines: int) -> bytes:
    body = "=\r\n".join(
        "Caf=C3=A9 with Ann, she knows the Montr=C3=A9al team" for _ in range(lines)
    )
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann;;;\r\n"
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{body}\r\nEND:VCARD\r\n"
    ).encode()


def many_cards(lines: int) -> bytes:
    cards = (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee{n}\r\nN:Lee{n};Ann;;;\r\n"
        f"EMAIL:ann{n}@example.org\r\nORG:Acme {n % 300}\r\nTITLE:Analyst\r\nEND:VCARD\r\n"
        for n in range(lines // 8)
    )
    return "".join(cards).encode()


HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def linkedin(lines: int) -> bytes:
    """N / 4 rows: one import takes at most 50,000 (LinkedIn's own limit is 30,000)."""
    rows = (
        f'Ann{n},Lee,https://www.linkedin.com/in/ann{n},,"Acme {n % 300}, Inc.",Analyst,'
        "12 Mar 2024\n"
        for n in range(lines // 4)
    )
    return (HEADER + "".join(rows)).encode()


def linkedin_cut(lines: int) -> bytes:
    return linkedin(lines) + b'Bob,"LastX unterminated quote,https://x\n'


FILES: dict[str, tuple[str, str, Callable[[int], bytes], bool]] = {
    "vCard, one note folded over N lines": ("vcard", "a.vcf", folded_note, False),
    "vCard 2.1, quoted-printable note over N lines": (
        "vcard",
        "b.vcf",
        quoted_printable_note,
        False,
    ),
    "vCard, N / 8 cards": ("vcard", "c.vcf", many_cards, False),
    "LinkedIn CSV, N / 4 rows": ("linkedin", "Connections.csv", linkedin, False),
    "LinkedIn CSV, N / 4 rows, cut short": ("linkedin", "Connections.csv", linkedin_cut, True),
}


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure, best kept (3)")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="lines per file")
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, best of {args.runs}\n")
    header = " | ".join(f"{size:,} lines" for size in args.sizes)
    print(f"| file | {header} | growth per line, largest vs smallest |")
    print("|---|" + "---:|" * (len(args.sizes) + 1))
    for label, (kind, name, make, complete_only) in FILES.items():
        times = []
        for size in args.sizes:
            data = make(size)
            read = partial(parse, kind, data, name, complete_only=complete_only)
            times.append(best_of(args.runs, read))
        growth = (times[-1] / times[0]) / (args.sizes[-1] / args.sizes[0])
        cells = " | ".join(f"{seconds:.3f} s" for seconds in times)
        print(f"| {label} | {cells} | {growth:.2f} |")


if __name__ == "__main__":
    main()
