"""Round 31 (coord31) on composed sentences, entities placed by hand, each with its control case: a verb
joined by a conjunction (وسيطروا) takes no subject from the actor right before it, which closes the
conjunct before (the first verb's subject carries over); an actor named after an object the act
strikes (آليات، مبنى، مقر) holds or uses it, a target side, not the act's doer."""
from __future__ import annotations

from functools import partial

from hand_docs import parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


events = partial(parties_events, EVENTS)   # (text, actors, place="نابلس") → the events found


SIDES = {"E1": ("مجلس دير الزور العسكري", "non_state_armed_group"),
         "E2": ("قسد", "non_state_armed_group")}


def test_a_joined_verb_takes_no_subject_from_right_before_it():
    evs = events("قال مصدر إن عناصر مجلس دير الزور العسكري قطعوا الطريق ومنعوا عبور آليات قسد، "
                 "وسيطروا على حواجز في نابلس.", SIDES)
    took = [ev for ev in evs if ev.type == "TERRITORY_TAKEN"]
    assert took and "E2" not in took[0].agents


def test_control_an_unjoined_verb_keeps_its_subject_right_before_it():
    evs = events("قال مصدر إن عناصر قسد سيطروا على حواجز في نابلس.", SIDES)
    took = [ev for ev in evs if ev.type == "TERRITORY_TAKEN"]
    assert took and took[0].agents == ["E2"]


HOLDER = {"E1": ("قوات اليونيفيل", "state_force")}


def test_an_actor_after_a_struck_object_is_its_holder_not_the_doer():
    evs = events("استهدفت مسيرة إسرائيلية آليات لقوات اليونيفيل في نابلس.", HOLDER)
    assert evs and "E1" not in evs[0].agents and "E1" in evs[0].targets
    assert "held_objects" in evs[0].extra["why"]["targets"]["E1"]


def test_control_an_actor_right_after_the_verb_is_its_subject():
    evs = events("استهدفت قوات اليونيفيل آليات في نابلس.", HOLDER)
    assert evs and evs[0].agents == ["E1"]
