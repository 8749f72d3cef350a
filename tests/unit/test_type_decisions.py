"""scripts/type_decisions.py names each event by the decision that typed it, one line per rule (its
quoted words and line numbers blanked), and keeps the events a --type or --match asks for."""
from __future__ import annotations

import pytest
from script_loader import load_script

from rasd.doc import Doc, Event


@pytest.fixture(scope="module")
def td():
    return load_script("type_decisions")


def test_one_rule_is_one_line_whatever_its_words(td):
    a = td.decision("trigger 'هجوم' (noun, triggers.yaml:103) is listed as ARMED_CLASH")
    b = td.decision("trigger 'الهجمات' (noun, triggers.yaml:104) is listed as ARMED_CLASH")
    assert a == b == "trigger '…' (noun, triggers.yaml) is listed as ARMED_CLASH"
    assert td.decision("") == "no why"


def _doc() -> Doc:
    text = "قتل عشرة أشخاص في هجوم. اندلعت اشتباكات في البلدة."
    doc = Doc(text)
    at, at2 = text.index("هجوم"), text.index("اشتباكات")
    doc.events = [
        Event("e1", "ATTACK_ON_CIVILIANS", (at, at + 4), evidence=[(0, 24)],
              extra={"why": {"type": "trigger 'هجوم' … are unarmed (triggers.yaml unarmed_victims)"}}),
        Event("e2", "ARMED_CLASH", (at2, at2 + 8), evidence=[(25, len(text))],
              extra={"why": {"type": "trigger 'اشتباكات' (noun, triggers.yaml:66) is listed as ARMED_CLASH"}}),
    ]
    return doc


def test_match_and_type_keep_only_the_events_asked_for(td):
    doc = _doc()
    (row,) = td.fires(doc, set(), ["unarmed_victims"])
    assert row[0] == "ATTACK_ON_CIVILIANS" and "⟦هجوم⟧" in row[2] and row[3] == "هجوم"
    (row,) = td.fires(doc, {"ARMED_CLASH"}, [])
    assert row[0] == "ARMED_CLASH" and row[3] == "اشتباكات"
    assert len(td.fires(doc, set(), [])) == 2
