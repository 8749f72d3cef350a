"""Stage code holds no Arabic words or letters: cue words live in rasd/knowledge/*.yaml, clitic
letters come from the clitic API (rasd.arabic.clitics, knowledge/clitics.yaml), orthography from
rasd.arabic.script. Every module under rasd/stages is parsed with ``ast``; a string constant (not a
docstring) holding an Arabic letter or mark is reported as file:line. Comments are not constants,
so they may quote Arabic freely.
"""
import ast
import unicodedata
from pathlib import Path

STAGES = Path(__file__).resolve().parents[3] / "rasd" / "stages"


def is_arabic(c: str) -> bool:
    """An Arabic letter or mark (punctuation such as the Arabic comma is not a word's part)."""
    return unicodedata.category(c)[0] in "LM" and unicodedata.name(c, "").startswith("ARABIC")


def docstring_nodes(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                out.add(id(first.value))
    return out


def arabic_literals(source: str, name: str) -> list[str]:
    """``name:line: 'literal'`` for each Arabic string constant of ``source`` that is no docstring."""
    tree = ast.parse(source, filename=name)
    skip = docstring_nodes(tree)
    return [f"{name}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and any(is_arabic(c) for c in node.value)]


def test_the_checker_finds_literals_and_passes_docstrings_and_comments():
    src = ('"""وحدة"""\n'
           'def f(k):\n'
           '    """دالة"""\n'
           '    # ال in a comment\n'
           '    return k.startswith("ال") or k in {"x", "و"} or k == "\\u0621" or k == f"{k}ب"\n')
    found = arabic_literals(src, "m.py")
    assert sorted(found) == sorted(["m.py:5: 'ال'", "m.py:5: 'و'", "m.py:5: 'ء'", "m.py:5: 'ب'"])
    assert arabic_literals('x = "،,"\n', "p.py") == []   # Arabic punctuation is no letter


def test_no_arabic_string_constants_in_stage_code():
    modules = sorted(STAGES.rglob("*.py"))
    assert len(modules) > 20, f"rasd/stages not found at {STAGES}"
    found = [hit for p in modules
             for hit in arabic_literals(p.read_text(encoding="utf-8"), str(p.relative_to(STAGES.parent.parent)))]
    assert not found, ("Arabic string constants in stage code (move cue words to rasd/knowledge/*.yaml, "
                       "clitic letters to rasd.arabic.clitics, orthography to rasd.arabic.script):\n  "
                       + "\n  ".join(found))
