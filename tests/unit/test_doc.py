"""Doc.to_json / Doc.from_json round-trips, with and without the trace section; the party_of kinds
(rasd.doc PARTY_OF_*) are named, never spelt, elsewhere in the package."""
from __future__ import annotations

import ast
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Doc, Mention

PACKAGE = Path(__file__).resolve().parents[2] / "rasd"


def _round(doc_json: dict) -> dict:
    return json.loads(json.dumps(doc_json, ensure_ascii=False))


def test_pipeline_output_round_trips(installed):
    from rasd.pipeline import default_pipeline

    doc = default_pipeline().run("قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي، وقال المرصد إن "
                                 "ثلاثة مدنيين قتلوا. وأضافت المصادر أن الطيران الروسي شارك.",
                                 published="2020-03-10", outlet="test")
    full = doc.to_json(trace=True)
    back = Doc.from_json(_round(full))
    assert back.to_json(trace=True) == full
    assert back.to_json() == doc.to_json()
    assert back.stages == doc.stages and back.raw == doc.raw
    # the entities' mentions are the document's mentions again, not copies
    assert all(any(m is d for d in back.mentions) for e in back.entities for m in e.mentions
               if not m.anaphor)
    plain = Doc.from_json(_round(doc.to_json()))
    assert plain.to_json() == doc.to_json() and plain.mentions == []


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(1, 5), st.sampled_from(["PLACE", "ACTOR"]),
                          st.booleans(), st.none() | st.text(max_size=5)), max_size=5))
def test_mentions_round_trip(specs):
    text = "ابجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ"
    ms = [Mention(s, s + n, text[s:s + n], t, short=short, why=why, tok=(s, s + 1), alts=["actor:x"])
          for s, n, t, short, why in specs]
    assert [Mention.from_json(_round(m.to_json())) for m in ms] == ms


def test_token_columns_are_the_tokens_fields_whichever_is_asked_first():
    from rasd.doc import Doc

    text = "قُتل ٣ مدنيين بريفِ «حلب» الشمالي."
    for first in ("tokens", "keys", "token_starts", "token_ends"):
        doc = Doc(text)
        getattr(doc, first)
        toks = doc.tokens
        assert doc.keys == [t.key for t in toks]
        assert doc.token_starts == [t.start for t in toks]
        assert doc.token_ends == [t.end for t in toks]
        assert [text[a:b] for a, b in zip(doc.token_starts, doc.token_ends)] == \
            ["قُتل", "٣", "مدنيين", "بريفِ", "حلب", "الشمالي"]


def test_the_reading_table_reads_each_asked_form_once_with_the_current_letters():
    from dataclasses import replace

    from rasd.arabic import clitics
    from rasd.doc import Doc

    doc = Doc("قصفت الطائرات وبريف حلب وللمعارضة مواقع بريف حلب.")
    assert [doc.readings[k] for k in doc.keys] == [clitics.readings(k) for k in doc.keys]
    assert doc.readings[doc.keys[3]] is doc.readings[doc.keys[7]]     # حلب twice: one reading
    L = clitics.letters()
    no_bi = clitics.Clitics(replace(L, preps=tuple(p for p in L.preps if p != L.bi)))
    other = Doc("مواقع بريف حلب")
    with clitics.using(no_bi):    # the Clitics current when the table is first asked for
        assert "ريف" not in [s for _, s in other.readings[other.keys[1]]]


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
        elif isinstance(node, ast.keyword) and node.arg == "party_of" and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):   # replace(m, party_of="talks"), Mention(party_of=…)
            out.append(f"{name}:{node.value.lineno}")
    return out


def test_the_party_of_checker_finds_a_literal_and_passes_the_named_kind():
    assert party_of_literals('if m.party_of == "talks": pass\n', "x.py") == ["x.py:1"]
    assert party_of_literals('ok = m.party_of in ("attack", TALKS)\n', "x.py") == ["x.py:1"]
    assert party_of_literals('m.party_of = "facility"\n', "x.py") == ["x.py:1"]
    assert party_of_literals('m = replace(m, party_of="talks")\n', "x.py") == ["x.py:1"]
    assert party_of_literals('m = Mention(0, 1,\n    party_of="attack")\n', "x.py") == ["x.py:2"]
    assert party_of_literals('m = Mention(0, 1, party_of=PARTY_OF_ATTACK)\nn = Mention(party_of=None)\n', "x.py") == []
    assert party_of_literals("if m.party_of == PARTY_OF_TALKS: pass\nm.party_of = PARTY_OF_FACILITY\n", "x.py") == []


def test_the_package_names_the_party_of_kinds_instead_of_spelling_them():
    """The kinds are rasd.doc's PARTY_OF_* names: no other module of the package spells one."""
    modules = [p for p in sorted(PACKAGE.rglob("*.py")) if p != PACKAGE / "doc.py"]
    assert len(modules) > 20, f"rasd not found at {PACKAGE}"
    found = [hit for path in modules
             for hit in party_of_literals(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))]
    assert found == []
