"""The decision rule over the model's probabilities."""
from __future__ import annotations

from rasd.stages.evdecide.decide import decide


def test_drop_under_the_worthiness_threshold_says_why():
    d = decide({"NONE": 0.82, "KEEP": 0.18}, "SHELLING", set(), keep_at=0.35, retype_at=0.6, words=["cue<opinion"])
    assert d.action == "drop" and d.why == "dropped: worthiness 0.18 < 0.35 (features cue<opinion)"


def test_keep_at_zero_never_drops():
    assert decide({"NONE": 0.99, "KEEP": 0.01}, "SHELLING", set(), 0.0, 0.6).action == "keep"


def test_retype_when_another_type_is_likely_enough_and_beats_keep():
    probs = {"NONE": 0.1, "KEEP": 0.18, "TO_AIRSTRIKE": 0.72}
    d = decide(probs, "SHELLING", set(), 0.35, 0.6)
    assert (d.action, d.type, d.why) == ("retype", "AIRSTRIKE", "type SHELLING → AIRSTRIKE: 0.72")
    assert decide(probs, "SHELLING", set(), 0.35, 0.8).action == "keep"       # under retype_at


def test_no_retype_to_a_type_another_proposal_of_the_sentence_has():
    probs = {"NONE": 0.1, "KEEP": 0.18, "TO_AIRSTRIKE": 0.72}
    assert decide(probs, "SHELLING", {"AIRSTRIKE"}, 0.35, 0.6).action == "keep"


def test_no_retype_when_keep_is_likelier():
    assert decide({"NONE": 0.0, "KEEP": 0.5, "TO_AIRSTRIKE": 0.5}, "SHELLING", set(), 0.35, 0.4).action == "keep"
