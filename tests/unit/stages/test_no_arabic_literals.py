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


def party_of_literals(source: str, name: str) -> list[str]:
    """``name:line`` for each comparison of a ``party_of`` with a string literal, or assignment of one:
    the kinds are rasd.doc's PARTY_OF_* names, written once."""
    out = []
    for node in ast.walk(ast.parse(source, filename=name)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "party_of" for s in sides) and any(
                    isinstance(c, ast.Constant) and isinstance(c.value, str)
                    for s in sides for c in ast.walk(s)):
                out.append(f"{name}:{node.lineno}")
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str) \
                and any(isinstance(t, ast.Attribute) and t.attr == "party_of" for t in node.targets):
            out.append(f"{name}:{node.lineno}")
    return out


def test_the_party_of_checker_finds_a_literal_and_passes_the_named_kind():
    assert party_of_literals('if m.party_of == "talks": pass\n', "x.py") == ["x.py:1"]
    assert party_of_literals('ok = m.party_of in ("attack", TALKS)\n', "x.py") == ["x.py:1"]
    assert party_of_literals('m.party_of = "facility"\n', "x.py") == ["x.py:1"]
    assert party_of_literals("if m.party_of == PARTY_OF_TALKS: pass\nm.party_of = PARTY_OF_FACILITY\n", "x.py") == []


def test_stage_code_names_the_party_of_kinds_instead_of_spelling_them():
    found = [hit for path in sorted(STAGES.rglob("*.py"))
             for hit in party_of_literals(path.read_text(encoding="utf-8"), str(path.relative_to(STAGES)))]
    assert found == []
