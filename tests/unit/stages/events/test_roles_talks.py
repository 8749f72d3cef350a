"""The parties of talks and deals named by nationality adjectives (roles14) on composed sentences:
the adjectives after a meeting or agreement noun are its partners; the same adjective is no
participant of an act of force. The adjective mentions are placed by hand as open_actors makes them
(``party_of`` "talks")."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def party(doc, eid: str, name: str, surface: str, kb: str):
    e = entity(doc, eid, "ACTOR", name, [surface], category="government", kb_id=kb)
    for m in e.mentions:
        m.party_of = "talks"
    return e


def test_the_adjectives_of_talks_are_their_parties():
    doc = doc_of("انطلقت المحادثات الأميركية الروسية في جنيف.")
    party(doc, "E1", "الولايات المتحدة", "الأميركية", "actor:usa")
    party(doc, "E2", "روسيا", "الروسية", "actor:russia")
    entity(doc, "P1", "PLACE", "جنيف")
    (ev,) = EVENTS(doc).events
    assert ev.type == "MEETING" and ev.partners == ["E1", "E2"] and ev.agents == []
    assert "talks_nouns" in ev.extra["why"]["partners"]["E1"]


def test_without_its_adjective_mention_the_talks_have_no_parties():
    doc = doc_of("انطلقت المحادثات الأميركية الروسية في جنيف.")
    entity(doc, "P1", "PLACE", "جنيف")
    assert [e for e in EVENTS(doc).events if e.type == "MEETING"] == []


def test_the_adjective_of_a_deal_is_no_agent_of_a_strike():
    doc = doc_of("قصفت الطائرات بلدة الخيام بعد الاتفاق السعودي.")
    party(doc, "E1", "السعودية", "السعودي", "actor:saudi_arabia")
    entity(doc, "P1", "PLACE", "الخيام")
    for ev in EVENTS(doc).events:
        if ev.type != "AGREEMENT":
            assert "E1" not in ev.agents + ev.targets + ev.partners
