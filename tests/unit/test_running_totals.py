"""scripts/running_totals.py notes each running total the events reader reads and the trigger words it
sets aside (a war noun framed as the total's period), and no other sentence."""
from __future__ import annotations

import pytest
from script_loader import load_script
from hand_docs import doc_of, entity

from rasd.kb.resources import Resources

RES = Resources("/nonexistent-rasd-data")


@pytest.fixture(scope="module")
def rt():
    return load_script("running_totals")


def read(rt, text: str):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "الجيش الإسرائيلي", category="state_force")
    entity(doc, "E2", "PLACE", "غزة")
    rec = rt.Recording(doc, RES)
    return rec, rec.run()


def test_a_running_total_is_noted_with_the_war_noun_it_sets_aside(rt):
    text = "وارتفع عدد قتلى الجيش الإسرائيلي منذ بدء المعارك البرية في غزة إلى 161 قتيلاً."
    rec, evs = read(rt, text)
    ((start, end, k, aside),) = rec.fires
    assert text[start:end].startswith("وارتفع") and aside == ["المعارك"]
    assert [e.type for e in evs] == ["CASUALTIES"]


def test_a_sentence_with_no_running_total_is_not_noted(rt):
    rec, evs = read(rt, "اندلعت المعارك البرية في غزة وقتل 5 من الجيش الإسرائيلي.")
    assert rec.fires == [] and [e.type for e in evs] == ["ARMED_CLASH"]
