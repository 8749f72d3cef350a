"""Genitives of noun triggers (round 22, args22). The genitive right after a noun of taking is who took
the place: منذ سيطرة الحوثيين على المدينة. The noun is a target marker of other acts (لمنع سيطرة …), not of the taking it names; the
object genitive of a noun of striking (استهداف قوات الاحتلال) stays its target. Composed sentences,
entities placed by hand. A noun that names its doer by a possessive pronoun (استهدافها) takes no
genitive: the actor right after it is its object."""
from __future__ import annotations

from hand_docs import doc_of, entity, parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def read(text: str, actor: str, category: str = "non_state_armed_group", place: str = "عدن"):
    return parties_events(EVENTS, text, {"E1": (actor, category)}, place)


def test_the_genitive_of_a_noun_of_taking_is_its_agent():
    evs = read("ووصلت أول سفينة إلى عدن منذ سيطرة الحوثيين على عدن في مارس.", "الحوثيين")
    (ev,) = [e for e in evs if e.type == "TERRITORY_TAKEN"]
    assert ev.agents == ["E1"] and "E1" not in ev.targets
    assert "noun of taking" in ev.extra["why"]["agents"]["E1"]


def test_the_genitive_of_a_noun_of_striking_stays_its_target():
    evs = read("أعلنت الفصائل استهداف قوات الاحتلال في عدن.", "قوات الاحتلال", category="state_force")
    assert evs and all("E1" not in ev.agents for ev in evs)
    assert all("noun of taking" not in w for ev in evs for w in ev.extra["why"].get("agents", {}).values())


def test_the_actor_after_a_noun_with_a_possessive_pronoun_is_its_object():
    doc = doc_of("أعلنت كتائب القسام استهدافها قوات الاحتلال في رفح.")
    entity(doc, "E1", "ACTOR", "كتائب القسام", ["كتائب القسام"], category="non_state_armed_group")
    entity(doc, "E2", "ACTOR", "قوات الاحتلال", ["قوات الاحتلال"], category="state_force")
    entity(doc, "P1", "PLACE", "رفح")
    evs = EVENTS(doc).events
    assert evs and all("E2" in ev.targets and "E2" not in ev.agents for ev in evs)
    assert "possessive pronoun" in evs[0].extra["why"]["targets"]["E2"]


def test_without_the_pronoun_the_actor_after_the_noun_stays_its_genitive():
    doc = doc_of("تواصل قصف قوات النظام على مدينة إدلب.")
    entity(doc, "E1", "ACTOR", "قوات النظام", ["قوات النظام"], category="state_force")
    entity(doc, "P1", "PLACE", "إدلب")
    evs = EVENTS(doc).events
    assert evs and all(ev.agents == ["E1"] for ev in evs)
