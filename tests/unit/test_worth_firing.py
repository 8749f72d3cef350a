"""scripts/worth_firing.py asks every worthiness rule about every event (not only the first that
fires) and names each fire by rule and cue."""
from __future__ import annotations

import pytest
from script_loader import load_script

from rasd.doc import Doc, Event
from rasd.kb.resources import Resources
from rasd.stages.worthiness.rules import RULES


@pytest.fixture(scope="module")
def wf():
    return load_script("worth_firing")


def _doc(text: str, words: list[tuple[str, str]]) -> Doc:
    doc = Doc(text)   # its tokens (and their keys, which the clause cuts read) as the Doc derives them
    cut = text.index("؟") + 2
    doc.sentences = [(0, cut - 1), (cut, len(text))]
    doc.events = []
    for w, t in words:
        at = text.index(w)
        sent = next(s for s in doc.sentences if s[0] <= at < s[1])
        doc.events.append(Event("", t, (at, at + len(w)), evidence=[sent]))
    return doc


def test_every_rule_is_asked_and_each_fire_names_its_cue(wf):
    res = Resources("/nonexistent-rasd-data")
    cues = res.worthiness_cues
    text = "هل يخشى المسؤولون أن تندلع معارك في الجنوب؟ قصفت الطائرات البلدة."
    doc = _doc(text, [("معارك", "ARMED_CLASH"), ("قصفت", "AIRSTRIKE")])
    fires = wf.rule_fires(doc, cues, RULES, res)
    keys = sorted(k for k, _ in fires)
    # the clash is both asked about and feared: two rules fire on it; the told strike fires none
    assert keys == ["opinion: يخشي …", "question: … ؟"]
    assert {ev.type for _, ev in fires} == {"ARMED_CLASH"}


def test_rule_fires_needs_the_resources_the_clause_cuts_are_read_with(wf):
    """Without them a Site would get no clause start, silently: the argument is required."""
    import inspect

    assert inspect.signature(wf.rule_fires).parameters["res"].default is inspect.Parameter.empty
