"""The agent carried to an event that names none (issue 8 item 4, carry10): it comes from the nearest
earlier event of the same type or ACLED kind told at most CARRY_WINDOW sentences before, else from
the latest event, and a clash that names no side goes on with the other side of the earlier
fighting. The ranking is pure and tested on hand-built histories; the reading on composed sentences
with the real knowledge files."""
from __future__ import annotations

from functools import partial

from hand_docs import doc_of, entity, sides_and_places_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events
from rasd.stages.events.roles import CARRY_WINDOW, SAME_KIND, SAME_TYPE, UNRELATED, carried_choice, type_affinity

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)
MAPPING = RES.triggers.mapping


read = partial(sides_and_places_events, EVENTS)   # (text, places, actors) → the events found


# ---- how near two event types are (the ontology's ACLED kinds) -----------------------------------

def test_type_affinity_follows_the_ontologys_kinds():
    assert type_affinity("SHELLING", "SHELLING", MAPPING) == SAME_TYPE
    assert type_affinity("AIRSTRIKE", "SHELLING", MAPPING) == SAME_KIND          # both remote violence
    assert type_affinity("TERRITORY_TAKEN", "ARMED_CLASH", MAPPING) == SAME_KIND  # both battles
    assert type_affinity("MOBILIZATION", "DEFECTION", MAPPING) == SAME_KIND      # a change to a group
    assert type_affinity("ATTACK_ON_CIVILIANS", "SHELLING", MAPPING) == UNRELATED   # two acts of force, two kinds
    # Strategic developments is a catch-all: an arrest and a meeting are not of one kind
    assert type_affinity("ARREST", "MEETING", MAPPING) == UNRELATED
    assert type_affinity("ARREST", "SHELLING", MAPPING) == UNRELATED


# ---- the ranking on hand-built histories --------------------------------------------------------

def test_no_earlier_event_carries_nothing():
    assert carried_choice("SHELLING", [], MAPPING, 3, lambda a: True) is None
    # the only earlier agent cannot do this act
    assert carried_choice("SHELLING", [(0, "SHELLING", ["A1"], [])], MAPPING, 3, lambda a: False) is None


def test_the_nearest_type_wins_over_the_latest_event():
    history = [(0, "ARREST", ["A1"], []), (1, "SHELLING", ["A2"], []), (2, "MEETING", ["A3"], [])]
    agents, sides, why = carried_choice("ARREST", history, MAPPING, 3, lambda a: True)
    assert agents == ["A1"] and sides == []
    assert "earlier ARREST (3 sentences before), of the same type" in why
    agents, _, why = carried_choice("AIRSTRIKE", history, MAPPING, 3, lambda a: True)
    assert agents == ["A2"] and "of the same kind" in why


def test_among_equals_the_latest_event_wins_and_unfit_agents_are_left_out():
    history = [(0, "SHELLING", ["A1"], []), (2, "AIRSTRIKE", ["A2", "A3"], [])]
    agents, _, why = carried_choice("SHELLING", history, MAPPING, 3, lambda a: a != "A3")
    assert agents == ["A2"] and "(the sentence before), of the same kind" in why
    # with no event of a near type, the latest gives its agents (no guess is better founded)
    agents, _, why = carried_choice("PRISONER_RELEASE", history, MAPPING, 3, lambda a: True)
    assert agents == ["A2", "A3"] and "the latest that gives one, none of a near type" in why


def test_an_event_of_the_same_type_further_back_than_the_window_gives_way_to_the_latest():
    history = [(0, "ARREST", ["A1"], []), (4, "SHELLING", ["A2"], [])]
    agents, _, why = carried_choice("ARREST", history, MAPPING, 4 + CARRY_WINDOW, lambda a: True)
    assert agents == ["A2"] and "the latest" in why
    agents, _, _ = carried_choice("ARREST", history, MAPPING, CARRY_WINDOW, lambda a: True)
    assert agents == ["A1"]


def test_the_sides_come_only_from_earlier_fighting():
    history = [(0, "ARMED_CLASH", ["A1"], ["A2"]), (1, "SHELLING", ["A1"], ["A3"])]
    agents, sides, _ = carried_choice("ARMED_CLASH", history, MAPPING, 2, lambda a: True)
    assert (agents, sides) == (["A1"], ["A2"])
    agents, sides, _ = carried_choice("SHELLING", history, MAPPING, 2, lambda a: True)
    assert (agents, sides) == (["A1"], [])   # a shelling's target is not the side of a new shelling
    # a clash told further back than the window gives its agent as the latest event, not its sides
    agents, sides, _ = carried_choice("ARMED_CLASH", history[:1], MAPPING, 1 + CARRY_WINDOW, lambda a: True)
    assert (agents, sides) == (["A1"], [])


# ---- on composed sentences ----------------------------------------------------------------------

FORCES = {"قوات الأمن": "state_force", "المسلحون": "non_state_armed_group"}


def test_an_arrest_takes_the_agent_of_the_earlier_arrest_not_of_the_shelling_between():
    evs = read("اعتقلت قوات الأمن خمسة شبان في بلدة كفرنبل. وقصف المسلحون بلدة حاس. "
               "واعتقلت عشرة شبان في بلدة سراقب.", ("كفرنبل", "حاس", "سراقب"), FORCES)
    assert [(ev.type, ev.agents) for ev in evs] == [("ARREST", ["A1"]), ("SHELLING", ["A2"]), ("ARREST", ["A1"])]
    assert "earlier ARREST (2 sentences before), of the same type" in evs[2].extra["why"]["agents"]["A1"]


def test_a_strike_takes_the_agent_of_the_last_event_when_it_is_the_nearest_type():
    evs = read("اعتقلت قوات الأمن خمسة شبان في بلدة كفرنبل. وقصف المسلحون بلدة حاس. "
               "واستهدفت بلدة سراقب بالمدفعية.", ("كفرنبل", "حاس", "سراقب"), FORCES)
    assert [(ev.type, ev.agents) for ev in evs][2] == ("SHELLING", ["A2"])


def test_a_clash_that_names_no_side_goes_on_between_the_same_sides():
    evs = read("اندلعت اشتباكات بين قوات الأمن والمسلحين في بلدة كفرنبل. وتجددت الاشتباكات في بلدة حاس.",
               ("كفرنبل", "حاس"), {"قوات الأمن": "state_force", "المسلحين": "non_state_armed_group"})
    assert [(ev.type, ev.agents, ev.targets) for ev in evs] == [
        ("ARMED_CLASH", ["A1"], ["A2"]), ("ARMED_CLASH", ["A1"], ["A2"])]
    assert "the other side of the report's earlier fighting" in evs[1].extra["why"]["targets"]["A2"]


def test_a_clash_that_names_its_other_side_keeps_it():
    evs = read("اندلعت اشتباكات بين قوات الأمن والمسلحين في بلدة كفرنبل. وتجددت الاشتباكات مع العشائر في بلدة حاس.",
               ("كفرنبل", "حاس"), {"قوات الأمن": "state_force", "المسلحين": "non_state_armed_group",
                                    "العشائر": "non_state_armed_group"})
    assert (evs[1].agents, evs[1].targets) == (["A1"], ["A3"])


def test_a_person_is_not_carried_as_the_doer_of_a_later_act():
    # the person who met is the meeting's agent; the later arrest names none and no event of its kind
    # came before: the latest event's person is passed over for the party before it
    doc = doc_of("قصفت قوات الأمن بلدة كفرنبل. والتقى أحمد سالم المسلحين في بلدة حاس. واعتقلت عشرة شبان في بلدة سراقب.")
    entity(doc, "A1", "ACTOR", "قوات الأمن", category="state_force")
    entity(doc, "A2", "ACTOR", "المسلحين", category="non_state_armed_group")
    entity(doc, "H1", "PERSON", "أحمد سالم")
    for n, name in enumerate(("كفرنبل", "حاس", "سراقب"), 1):
        entity(doc, f"P{n}", "PLACE", name)
    evs = EVENTS(doc).events
    assert [(ev.type, ev.agents) for ev in evs] == [("SHELLING", ["A1"]), ("MEETING", ["H1"]), ("ARREST", ["A1"])]
    assert "the latest that gives one, none of a near type" in evs[2].extra["why"]["agents"]["A1"]


def test_beyond_the_window_only_the_latest_event_may_give_its_agents():
    """carried_choice: with no near event, an event whose agents cannot do this act is not passed
    over for one told long before (review: an agent carried from 40 sentences back)."""
    history = [(0, "MEETING", ["A1"], []), (40, "SHELLING", ["A2"], [])]
    assert carried_choice("ARREST", history, MAPPING, 41, lambda a: a != "A2") is None
    agents, _, why = carried_choice("ARREST", history, MAPPING, 41, lambda a: True)
    assert agents == ["A2"] and "the latest that gives one" in why
    # a near event within the window still gives its agents when the latest cannot
    history = [(38, "ARREST", ["A1"], []), (40, "SHELLING", ["A2"], [])]
    agents, _, _ = carried_choice("ARREST", history, MAPPING, 41, lambda a: a != "A2")
    assert agents == ["A1"]
