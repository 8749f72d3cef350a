"""scripts/lost_events.py says where a missed gold event died: an event built with the gold type is
followed through the later stages (worthiness drop, unlocated drop, merged away); else the reader's
fates of the sentence's trigger words; else an event built with another type; else no trigger."""
from __future__ import annotations

import pytest
from script_loader import load_script

SENT = (11, 22)


@pytest.fixture(scope="module")
def le():
    return load_script("lost_events")


def ev(typ: str, sent=SENT, trigger=12) -> dict:
    return {"type": typ, "trigger": [trigger, trigger + 3], "places": [], "evidence": [list(sent)]}


def snaps(built: list[dict], after: dict[str, tuple[list, list]]) -> dict:
    return {"events": (built, []), **after}


ROW = {"type": "SHELLING"}


def test_no_trigger_and_no_event_is_a_lexicon_gap(le):
    assert le.died(ROW, SENT, {}, set(), snaps([], {}))[0] == "a_no_trigger"


def test_a_headline_is_its_own_kind(le):
    assert le.died(ROW, SENT, {}, {11}, snaps([ev("SHELLING")], {}))[0] == "f_headline"


def test_an_event_of_the_gold_type_dropped_by_worthiness_gives_its_cue(le):
    s = snaps([ev("SHELLING")], {"worthiness": ([], ["worthiness: no event from SHELLING 'قصف' at 12: a habitual statement"])})
    letter, why, typed = le.died(ROW, SENT, {}, set(), s)
    assert (letter, typed) == ("b_worthiness", "same") and "habitual" in why


def test_a_warning_of_another_sentence_is_not_this_events_reason(le):
    s = snaps([ev("SHELLING")], {"worthiness": ([], ["worthiness: no event from SHELLING 'قصف' at 40: habitual"])})
    assert le.died(ROW, SENT, {}, set(), s)[0] == "d_merged"


def test_an_event_dropped_by_eventcoref_with_a_warning_is_unlocated(le):
    s = snaps([ev("SHELLING")], {"worthiness": ([ev("SHELLING")], []),
                                 "eventcoref": ([], ["eventcoref: no event from SHELLING 'قصف' at 12: no place"])})
    assert le.died(ROW, SENT, {}, set(), s)[:1] == ("c_unlocated",)


def test_an_event_gone_with_no_warning_was_merged(le):
    s = snaps([ev("SHELLING")], {"worthiness": ([ev("SHELLING")], []), "eventcoref": ([ev("SHELLING", (0, 10))], [])})
    assert le.died(ROW, SENT, {}, set(), s)[0] == "d_merged"


def test_the_readers_fates_come_before_an_event_of_another_type(le):
    fates = {11: {3: ("x [ARMED_CLASH]", "untyped"), 5: ("y [MEETING]", "built")}}
    s = snaps([ev("MEETING")], {"worthiness": ([], ["worthiness: no event from MEETING 'y' at 12: topic"])})
    assert le.died(ROW, SENT, fates, set(), s)[0] == "e_untyped"
    letter, why, typed = le.died(ROW, SENT, {11: {5: ("y [MEETING]", "built")}}, set(), s)
    assert (letter, typed) == ("e_other_type", "other") and why.startswith("b_worthiness")


def test_a_sense_rule_keeps_the_readers_reason(le):
    fates = {11: {3: ("إطلاق [PRISONER_RELEASE] (needs_near)", "sense_rejected")}}
    letter, why, _ = le.died(ROW, SENT, fates, set(), snaps([], {}))
    assert letter == "b_sense" and "needs_near" in why


def test_likely_trigger_words_leave_out_names_and_numbers(le):
    doc = {"entities": [{"mentions": [{"start": 14, "end": 17}]}]}
    quote = "قصفت الطائرات حلب 3 مرات"
    assert le.likely_trigger(quote, 0, doc) == ["قصفت", "الطائرات", "مرات"]
