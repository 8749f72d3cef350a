"""Sentence-level labels of proposed events."""
from __future__ import annotations

from rasd.arabic.normalize import gold_key
from rasd.stages.evdecide.labels import KEEP, NONE, label, sentence_gold_types, type_of

SENTENCE = "شنت طائرات النظام غارات على مدينة منبج وقتلت مدنيين."


def _gold(evidence: str, type_: str) -> dict:
    return {"type": type_, "evidence": evidence}


def test_gold_types_are_those_whose_evidence_lies_in_the_sentence():
    gold = [_gold("طائرات النظام غارات على مدينة منبج", "AIRSTRIKE"),
            _gold("اعتقلت الشرطة ثلاثة شبان", "ARREST"),
            _gold(SENTENCE + " وفي خبر آخر", "CASUALTIES")]   # a gold evidence that holds the sentence
    assert sentence_gold_types(gold, gold_key(SENTENCE)) == ["AIRSTRIKE", "CASUALTIES"]


def test_keep_when_the_type_is_told_there():
    assert label("AIRSTRIKE", set(), ["AIRSTRIKE"]) == KEEP


def test_another_type_no_other_proposal_covers_is_the_type_decision():
    assert label("SHELLING", set(), ["AIRSTRIKE"]) == "TO_AIRSTRIKE"
    assert type_of("TO_AIRSTRIKE") == "AIRSTRIKE" and type_of(KEEP) is None


def test_none_when_the_sentence_tells_nothing_left():
    assert label("SHELLING", set(), []) == NONE
    # the sentence's AIRSTRIKE is proposed by another event already: this one is a second telling
    assert label("SHELLING", {"AIRSTRIKE"}, ["AIRSTRIKE"]) == NONE
