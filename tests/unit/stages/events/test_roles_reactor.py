"""The subject of a verb of reacting to an act (condemning, denouncing, demanding, welcoming,
accusing: triggers.yaml reaction_verbs) is not the doer of the act it names (issue 8): أدانت
الخارجية الهجوم على … names who condemns. After اتهم the accused stays the alleged doer. Composed
sentences, entities placed by hand."""
from __future__ import annotations

from hand_docs import doc_of, entity, parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def read(text: str, actors: dict[str, tuple[str, str]], place: str = "إدلب"):
    return parties_events(EVENTS, text, actors, place)


def test_the_condemner_before_the_act_is_not_its_agent():
    evs = read("الحكومة أدانت الهجوم على قرية في إدلب.", {"E1": ("الحكومة", "government")})
    assert evs and all("E1" not in ev.agents for ev in evs)
    assert "reaction_verbs" in evs[0].extra["why"]["not agents"]["E1"]


def test_the_condemner_after_its_verb_is_not_the_agent():
    evs = read("نددت الحكومة بالقصف على قرية في إدلب.", {"E1": ("الحكومة", "government")})
    assert evs and all("E1" not in ev.agents for ev in evs)


def test_without_a_reaction_verb_the_actor_before_the_act_stays_its_agent():
    evs = read("الحكومة بدأت الهجوم على قرية في إدلب.", {"E1": ("الحكومة", "government")})
    assert evs and evs[0].agents == ["E1"]


def test_the_accused_stays_the_alleged_doer():
    evs = read("اتهمت الحكومة المسلحين بالهجوم على قرية في إدلب.",
               {"E1": ("الحكومة", "government"), "E2": ("المسلحين", "non_state_armed_group")})
    assert evs and all("E1" not in ev.agents for ev in evs)
    assert evs[0].agents == ["E2"]


def test_a_person_named_after_a_title_after_the_verb_is_the_reactor():
    doc = doc_of("ندد الرئيس التركي رجب طيب أردوغان بالهجوم الانتحاري في إدلب.")
    entity(doc, "E1", "PERSON", "رجب طيب أردوغان", ["رجب طيب أردوغان"])
    entity(doc, "P1", "PLACE", "إدلب")
    evs = EVENTS(doc).events
    assert evs and all("E1" not in ev.agents for ev in evs)
    assert "reaction_verbs" in evs[0].extra["why"]["not agents"]["E1"]


def test_an_actor_in_the_title_of_the_reactor_is_no_doer_either():
    doc = doc_of("وندد الأمين العام للأمم المتحدة بان كي مون بالهجوم على قرية في إدلب.")
    entity(doc, "E1", "ACTOR", "الأمم المتحدة", ["الأمم المتحدة"], category="international")
    entity(doc, "E2", "PERSON", "بان كي مون", ["بان كي مون"])
    entity(doc, "P1", "PLACE", "إدلب")
    evs = EVENTS(doc).events
    assert evs and all(not ({"E1", "E2"} & set(ev.agents)) for ev in evs)
