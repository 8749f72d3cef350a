"""The one a harm noun with the pronoun of the hurt names before the act that hurt him is its target
(stages/events/roles.py own_hurt_targets, triggers.yaml own_hurt_nouns; round 35 najran35), and a
projectile (مقذوف) fallen from across a border is shelling (triggers.yaml). Each with its control case,
on composed sentences."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def person_events(text: str, person: str, place: str = "كترة") -> list:
    doc = doc_of(text)
    entity(doc, "P1", "PERSON", person)
    entity(doc, "E2", "PLACE", place)
    return EVENTS(doc).events


def test_the_soldier_killed_after_his_wounding_by_a_projectile_is_its_target():
    (ev,) = person_events("استشهد الجندي أول سالم بن علي العتيبي بعد إصابته بمقذوف عسكري في بلدة كترة.",
                          "سالم بن علي العتيبي")
    assert ev.type == "SHELLING" and ev.targets == ["P1"]
    assert "own_hurt_nouns" in str(ev.extra["why"])


def test_the_person_before_a_relative_and_shrapnel_is_the_target():
    (ev,) = person_events("صلى المصلون على الشهيد سالم بن علي العتيبي الذي استشهد نتيجة إصابته بشظايا مقذوف "
                          "في بلدة كترة.", "سالم بن علي العتيبي")
    assert ev.type == "SHELLING" and ev.targets == ["P1"]


def test_control_a_comma_between_the_noun_and_the_act_reads_no_target():
    evs = person_events("استشهد سالم بن علي العتيبي بعد إصابته، وسقط مقذوف عسكري في بلدة كترة.",
                        "سالم بن علي العتيبي")
    assert all("P1" not in ev.targets for ev in evs)


def test_control_a_harm_noun_without_the_pronoun_reads_no_target():
    evs = person_events("التقى سالم بن علي العتيبي أهالي البلدة بعد إصابة منزل بمقذوف عسكري في بلدة كترة.",
                        "سالم بن علي العتيبي")
    assert all("P1" not in ev.targets for ev in evs)
