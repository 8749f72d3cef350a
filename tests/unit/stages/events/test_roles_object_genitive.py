"""The genitive of a noun of an act done to a person (round 24, miss24; triggers.yaml object_genitive):
a named person right after اغتيال is the one it is done to, not its doer; an actor there stays the
doer's genitive, and a noun of striking keeps its own reading. Composed sentences, entities placed by hand."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def _attacks(doc):
    return [e for e in EVENTS(doc).events if e.type == "ATTACK_ON_CIVILIANS"]


def test_a_named_person_after_a_noun_of_assassination_is_its_target():
    doc = doc_of("أدانت الحركة اغتيال القاضي سامر الحلبي في حمص.")
    entity(doc, "E1", "PERSON", "سامر الحلبي")
    entity(doc, "P1", "PLACE", "حمص")
    (ev,) = _attacks(doc)
    assert ev.targets == ["E1"] and "E1" not in ev.agents
    assert "object_genitive" in ev.extra["why"]["targets"]["E1"]


def test_the_doer_named_before_the_noun_stays_its_agent():
    doc = doc_of("قال البيان إن خالد العمري حاول اغتيال سامر الحلبي في حمص.")
    entity(doc, "E1", "PERSON", "سامر الحلبي")
    entity(doc, "E2", "PERSON", "خالد العمري")
    entity(doc, "P1", "PLACE", "حمص")
    (ev,) = _attacks(doc)
    assert ev.targets == ["E1"] and "E1" not in ev.agents


def test_an_actor_after_the_noun_is_not_read_as_its_victim():
    doc = doc_of("أدانت الحركة اغتيال قوات الاحتلال للشاب في حمص.")
    entity(doc, "E1", "ACTOR", "قوات الاحتلال", category="state_force")
    entity(doc, "P1", "PLACE", "حمص")
    evs = _attacks(doc)
    assert all("object_genitive" not in str(ev.extra["why"].get("targets", {})) for ev in evs)
