"""The relations stage on hand-built entities and events."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.doc import Event
from rasd.kb.resources import Resources
from rasd.stages.relations import Relations

RELATIONS = Relations(Resources("/nonexistent-rasd-data"))


def event(typ, sent, agents=(), targets=(), partners=(), modality="asserted"):
    return Event("V1", typ, None, list(agents), list(targets), list(partners), evidence=[sent], modality=modality)


def test_an_attack_makes_agent_hostile_to_target_and_co_agents_allies():
    doc = doc_of("هاجمت قوات النظام وحزب الله مواقع جبهة النصرة.")
    for eid, name, cat in (("E1", "قوات النظام", "state_force"), ("E2", "حزب الله", "non_state_armed_group"),
                           ("E3", "جبهة النصرة", "non_state_armed_group")):
        entity(doc, eid, "ACTOR", name, category=cat)
    doc.events = [event("ARMED_CLASH", doc.sentences[0], agents=["E1", "E2"], targets=["E3"])]
    rels = {(r.type, r.head, r.tail) for r in RELATIONS(doc).relations}
    assert rels == {("HOSTILE_TO", "E1", "E3"), ("HOSTILE_TO", "E2", "E3"), ("ALLIED_WITH", "E1", "E2")}


def test_a_denied_attack_makes_no_hostility():
    doc = doc_of("نفى الجيش أن يكون قد هاجم الفصائل.")
    entity(doc, "E1", "ACTOR", "الجيش", category="state_force")
    entity(doc, "E2", "ACTOR", "الفصائل", category="non_state_armed_group")
    doc.events = [event("ARMED_CLASH", doc.sentences[0], ["E1"], ["E2"], modality="negated")]
    assert RELATIONS(doc).relations == []


def test_parties_to_a_meeting_are_not_allies():
    doc = doc_of("التقى وفد روسيا وفد تركيا.")
    entity(doc, "E1", "ACTOR", "روسيا", category="government")
    entity(doc, "E2", "ACTOR", "تركيا", category="government")
    doc.events = [event("MEETING", doc.sentences[0], agents=["E1"], partners=["E2"])]
    assert RELATIONS(doc).relations == []


def test_an_alliance_makes_its_parties_allies():
    doc = doc_of("أعلنت جبهة النصرة وأحرار الشام تحالفا.")
    entity(doc, "E1", "ACTOR", "جبهة النصرة", category="non_state_armed_group")
    entity(doc, "E2", "ACTOR", "أحرار الشام", category="non_state_armed_group")
    doc.events = [event("ALLIANCE", doc.sentences[0], partners=["E1", "E2"])]
    assert [(r.type, r.head, r.tail) for r in RELATIONS(doc).relations] == [("ALLIED_WITH", "E1", "E2")]


def _places(doc, *names):
    for n, name in enumerate(names, 1):
        entity(doc, f"E{n}", "PLACE", name)


def test_parallel_phrases_joined_by_and_are_not_containment():
    """في العراق وفي سوريا, في العراق و4 مرات في سوريا: two places side by side; بريف X is one."""
    for text in ("تعرضت القوات للهجوم 12 مرة في العراق و4 مرات في سوريا.",
                 "تعرضت القوات للهجوم في العراق وفي سوريا."):
        doc = doc_of(text)
        _places(doc, "العراق", "سوريا")
        assert RELATIONS(doc).relations == [], text
    doc = doc_of("قصفت الطائرات مدينة القامشلي وريفها في الحسكة.")
    _places(doc, "القامشلي", "الحسكة")
    assert [(r.type, r.head, r.tail) for r in RELATIONS(doc).relations] == [("LOCATED_IN", "E1", "E2")]
