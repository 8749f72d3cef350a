"""Round 28 (args28) on composed sentences, entities placed by hand, each with its control case:
a burst (صليات) of bullets is no SHELLING weapon, a salvo of rockets still is; انتشار after a word of
attack or a military object is what is struck, no MOBILIZATION; an actor after a word of direction
(باتجاه، في اتجاه، صوب) is what fire is aimed at, a target, not the agent."""
from __future__ import annotations

from functools import partial

from hand_docs import parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


events = partial(parties_events, EVENTS)   # (text, actors, place="نابلس") → the events found


GROUP = {"E1": ("كتيبة نابلس", "non_state_armed_group"), "E2": ("قوات الاحتلال", "state_force")}


def test_a_burst_of_bullets_is_no_shelling_weapon():
    evs = events("استهدفت كتيبة نابلس قوات الاحتلال بصليات كثيفة من الرصاص في نابلس.", GROUP)
    assert evs and all(ev.type != "SHELLING" for ev in evs)


def test_control_a_salvo_of_rockets_is_shelling():
    evs = events("استهدفت كتيبة نابلس قوات الاحتلال بصليات صاروخية في نابلس.", GROUP)
    assert evs and evs[0].type == "SHELLING"


def test_deployment_after_a_word_of_attack_is_no_mobilization():
    evs = events("نفذت كتيبة نابلس عدة عمليات ضد مواقع وانتشار قوات الاحتلال في نابلس.", GROUP)
    assert all(ev.type != "MOBILIZATION" for ev in evs)


def test_control_a_deployment_of_forces_is_a_mobilization():
    evs = events("أعلنت قوات الاحتلال انتشار قوات كبيرة في نابلس.", {"E2": ("قوات الاحتلال", "state_force")})
    assert any(ev.type == "MOBILIZATION" for ev in evs)


def test_the_force_fire_is_aimed_at_is_a_target_not_the_agent():
    evs = events("أعلنت كتيبة نابلس تنفيذ عمليات إطلاق نار في اتجاه قوات الاحتلال في نابلس.", GROUP)
    assert evs and all("E2" not in ev.agents for ev in evs)
    assert any("E2" in ev.targets for ev in evs)


def test_control_the_force_that_fires_stays_the_agent():
    evs = events("أعلنت كتيبة نابلس تنفيذ عمليات إطلاق نار قوات الاحتلال في نابلس.", GROUP)
    assert evs and any("E2" in ev.agents for ev in evs)


def test_the_doer_genitive_of_a_targeting_is_no_force_in_the_field_when_an_object_follows():
    evs = events("أعلن المتحدث استهداف القوات البحرية مدمرتين أميركيتين في البحر الأحمر.",
                 {"E1": ("القوات البحرية", "state_force")}, place="البحر الأحمر")
    assert evs and evs[0].type != "ARMED_CLASH" and "struck_objects" in evs[0].extra["why"]["type"]


def test_control_forces_after_a_targeting_with_no_object_after_them_are_fought():
    evs = events("أعلنت المقاومة استهداف قوات الاحتلال المتوغلة في نابلس.",
                 {"E2": ("قوات الاحتلال", "state_force")})
    assert evs and evs[0].type == "ARMED_CLASH"
