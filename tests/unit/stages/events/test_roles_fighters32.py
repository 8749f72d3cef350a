"""Fighters named by a noun with the possessive of their party (poss32): with no actor in the clause,
the subject أن مجاهديها استهدفوا stands for the nearest party before it whose head word agrees with the
pronoun (triggers.yaml fighter_nouns), not for the agent of the report's previous act; irregular
fighters (مجاهدو، مقاتلو) are never a state's troops. Composed sentences, the real knowledge files."""
from __future__ import annotations

from functools import partial

from hand_docs import sides_and_places_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


read = partial(sides_and_places_events, EVENTS)   # (text, places, actors) → the events found


SIDES = {"الحركة": "non_state_armed_group", "الجيش": "state_force"}


def test_the_fighters_party_is_the_group_before_the_other_sides_act():
    evs = read("أعلنت الحركة استهداف موقع الراهب بالصواريخ. وقصف الجيش بلدة الخيام بالمدفعية. "
               "وأكدت في بيانها أن مجاهديها استهدفوا موقع المالكية بالصواريخ.",
               ("الراهب", "الخيام", "المالكية"), SIDES)
    shell = [ev for ev in evs if ev.type == "SHELLING"]
    assert [ev.agents for ev in shell] == [["A1"], ["A2"], ["A1"]]
    why = shell[2].extra["why"]["agents"]["A1"]
    assert "points back to (triggers.yaml fighter_nouns)" in why and "مجاهديها" in why


def test_without_the_fighter_noun_the_previous_agent_is_carried():
    evs = read("أعلنت الحركة استهداف موقع الراهب بالصواريخ. وقصف الجيش بلدة الخيام بالمدفعية. "
               "واستهدفوا موقع المالكية بالصواريخ.", ("الراهب", "الخيام", "المالكية"), SIDES)
    assert [ev.agents for ev in evs if ev.type == "SHELLING"][2] == ["A2"]


def test_irregular_fighters_are_no_states_troops():
    # the only party before them is a state force: nothing is carried to the mujahideen
    evs = read("وقصف الجيش بلدة الخيام بالمدفعية. وأكدت في بيانها أن مجاهديها استهدفوا موقع المالكية بالصواريخ.",
               ("الخيام", "المالكية"), {"الجيش": "state_force"})
    shell = [ev for ev in evs if ev.type == "SHELLING"]
    assert shell[0].agents == ["A1"] and all(ev.agents == [] for ev in shell[1:])


def test_a_masculine_head_does_not_agree_with_the_feminine_pronoun():
    # الجيش is named last but is masculine: عناصرها points back past it to the feminine القوات
    evs = read("قصفت القوات بلدة الخيام بالمدفعية. وانسحب الجيش من بلدة مرجعيون. "
               "وقالت إن عناصرها قصفوا بلدة المالكية بالمدفعية.", ("الخيام", "مرجعيون", "المالكية"),
               {"القوات": "state_force", "الجيش": "state_force"})
    shell = [ev for ev in evs if ev.type == "SHELLING"]
    assert shell[-1].agents == ["A1"]
