"""Print the longest functions of rasd/ (lines from ``def`` to the end of the body), longest first.

    python scripts/func_lengths.py        # the 20 longest
    python scripts/func_lengths.py 40     # more

Functions and methods only (a class's length is the sum of its methods); nested functions are
listed on their own as well as inside the function that holds them.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lengths(package: Path) -> list[tuple[int, str, str]]:
    """(lines, file:line, name) of every function under ``package``."""
    rows = []
    for p in sorted(package.rglob("*.py")):
        tree = ast.parse(p.read_text(encoding="utf-8"), filename=str(p))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                rows.append((node.end_lineno - node.lineno + 1, f"{p.relative_to(ROOT)}:{node.lineno}", node.name))
    return sorted(rows, key=lambda r: (-r[0], r[1]))


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 20
    for length, where, name in lengths(ROOT / "rasd")[:n]:
        print(f"{length:5d}  {name:30s} {where}")


if __name__ == "__main__":
    main(sys.argv[1:])
