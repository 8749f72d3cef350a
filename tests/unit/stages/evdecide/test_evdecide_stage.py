"""The evdecide stage on a hand-built document and model: it drops and retypes with a why."""
from __future__ import annotations

from rasd.kb.resources import Resources
from rasd.pipeline import run_stage
from rasd.stages.evdecide import MODEL_FILE, EventDecision
from rasd.stages.evdecide.model import Model


MODEL = Model(("KEEP", "NONE", "TO_AIRSTRIKE"), {
    "bias": {"KEEP": 1.0},
    "cue<motive": {"NONE": 4.0},                   # an act named as the motive of another
    "at=headline": {"TO_AIRSTRIKE": 3.0},
})


def _resources(lex) -> Resources:
    res = Resources("/nonexistent-rasd-data")
    res.keep(MODEL_FILE, lambda: MODEL)
    res.keep("evdecide-lexicons", lambda: lex)
    return res


def test_off_by_default_changes_nothing(doc, lex):
    doc = run_stage(EventDecision(_resources(lex)), doc)
    assert [e.type for e in doc.events] == ["SHELLING", "AIRSTRIKE", "SHELLING"] and not doc.warnings


def test_enabled_drops_the_motive_and_retypes_the_headline(doc, lex):
    doc = run_stage(EventDecision(_resources(lex), enabled=True, keep_at=0.35, retype_at=0.6), doc)
    assert [(doc.text[e.trigger[0]:e.trigger[1]], e.type) for e in doc.events] == [("قصف", "AIRSTRIKE"),
                                                                               ("قصفت", "AIRSTRIKE")]
    assert "learned type SHELLING → AIRSTRIKE" in doc.events[0].extra["why"]["type"]
    assert doc.events[0].extra["mapping"]["acled"]["sub_event_type"] == "Air/drone strike"
    (w,) = doc.warnings
    assert w.startswith("evdecide: no event from SHELLING 'قصف'") and "dropped: worthiness" in w and "cue<motive" in w


def test_a_retype_maps_as_the_events_stage_does_state_agents_included():
    from rasd.doc import Doc, Entity, Event
    from rasd.kb.ontology import load_ontology
    from rasd.stages.evdecide import apply_decisions
    from rasd.stages.evdecide.decide import Decision

    onto = load_ontology()
    doc = Doc("x y")
    doc.entities = [Entity("A1", "ACTOR", "x", None, None, [], category="state_force")]
    doc.events = [Event("V1", "ARMED_CLASH", (0, 1), agents=["A1"]), Event("V2", "ARMED_CLASH", (2, 3))]
    retype = Decision("retype", "TERRITORY_TAKEN", "type ARMED_CLASH → TERRITORY_TAKEN: 0.90")
    apply_decisions(doc, [retype, retype], onto)
    subs = [e.extra["mapping"]["acled"]["sub_event_type"] for e in doc.events]
    assert subs == [onto["TERRITORY_TAKEN"]["acled_state"][1], onto["TERRITORY_TAKEN"]["acled"][1]]
