"""List the longest functions in rasd/ (lines from ``def`` to the end of the body)."""
import ast
import sys
from pathlib import Path

rows = []
for p in sorted(Path("rasd").rglob("*.py")):
    tree = ast.parse(p.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            rows.append((node.end_lineno - node.lineno + 1, f"{p}:{node.lineno}", node.name,
                         "class" if isinstance(node, ast.ClassDef) else "def"))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
for kind in ("def", "class"):
    for length, where, name, _ in sorted((r for r in rows if r[3] == kind), reverse=True)[:n]:
        print(f"{length:5d}  {kind:5s} {name:28s} {where}")
