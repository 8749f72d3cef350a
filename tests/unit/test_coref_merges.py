"""scripts/coref_merges.py names each merge by its rule (numbers left out) and counts only the merges
coreference made, not the ones the events stage had written before it."""
from __future__ import annotations

import pytest
from script_loader import load_script

from rasd.doc import Doc, Event


@pytest.fixture(scope="module")
def cm():
    return load_script("coref_merges")


def test_a_reason_groups_merges_whatever_their_numbers(cm):
    a = cm.reason("same type; same place, 2 participant(s) in common (eventcoref.yaml:12)")
    b = cm.reason("same type; same place, 1 participant(s) in common (eventcoref.yaml:30)")
    assert a == b and "2" not in a


def test_only_the_merges_coreference_made_are_counted(cm):
    text = "قصفت الطائرات سراقب. وأدت هذه الغارات إلى دمار."
    old = {"why": "events stage", "type": "AIRSTRIKE", "trigger": [0, 4], "evidence": [0, 20]}
    new = {"why": "'هذه الغارات' refers back to the event told 1 sentence(s) before", "type": "AIRSTRIKE",
           "trigger": [30, 37], "evidence": [21, len(text)]}
    ev = Event("V1", "AIRSTRIKE", (0, 4), evidence=[(0, 20)], extra={"why": {"merged": [old, new]}})
    doc = Doc(text)
    doc.events = [ev]
    earlier = {id(old)}
    got = cm.merges(doc, lambda trig, evidence: text[trig[0]:trig[1]] if trig else "", earlier)
    assert [r for r, _, _ in got] == [cm.reason(new["why"])]
    assert len(cm.merged_whys([ev])) == 2
