"""The doer of an act named by a noun trigger and carried out by a verb that takes it back with a
pronoun (issue 8): هجوم شنه مسلحون، المجزرة التي ارتكبتها قوات الاحتلال. The actor after
the carrying verb is the agent, not a target; without that verb the actor after the noun stays
what it was. Composed sentences, entities placed by hand."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def read(text: str, actor: str, category: str = "non_state_armed_group", place: str = "إدلب"):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", actor, [actor], category=category)
    entity(doc, "P1", "PLACE", place)
    return EVENTS(doc).events


def test_the_subject_of_a_carrying_verb_is_the_agent():
    (ev,) = read("قتل عشرة أشخاص في هجوم شنه مسلحون على قرية في إدلب.", "مسلحون")
    assert ev.agents == ["E1"] and "E1" not in ev.targets
    assert "carries out the act" in ev.extra["why"]["agents"]["E1"]


def test_the_carrying_verb_in_a_relative_clause_names_the_agent():
    evs = read("أدانت الحكومة المجزرة التي ارتكبتها قوات الاحتلال في جنين.", "قوات الاحتلال",
               category="state_force", place="جنين")
    assert evs and all(ev.agents == ["E1"] and "E1" not in ev.targets for ev in evs)
    assert "carries out the act" in evs[0].extra["why"]["agents"]["E1"]


def test_without_a_carrying_verb_the_actor_after_the_noun_is_not_read_so():
    evs = read("قتل عشرة أشخاص في هجوم على مسلحين في إدلب.", "مسلحين")
    assert all("carries out the act" not in w for ev in evs for w in ev.extra["why"].get("agents", {}).values())
    assert all("E1" not in ev.agents for ev in evs)
