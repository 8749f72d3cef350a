"""The unarmed people an attack was typed by (round 31, side31): an attack with no weapon or target named
that its sentence says hurt civilians is an ATTACK_ON_CIVILIANS (kinds.victims_kind), and those civilians
are its targets even when they are named in a clause after the trigger's (الهجوم … والذي أدى إلى مقتل …),
so the act names a side and is not dropped as sideless. Composed sentences, entities placed by hand."""
from __future__ import annotations

from hand_docs import parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def read(text: str, actors: dict[str, tuple[str, str]], place: str = "إدلب"):
    return parties_events(EVENTS, text, actors, place)


def test_the_civilians_a_result_clause_says_were_killed_are_the_targets():
    evs = [e for e in read("ندد الوزير بالهجوم الإرهابي في مدينة إدلب الشمالية والذي أدى إلى مقتل طفل سوري.",
                           {"E1": ("طفل سوري", "civilians")}) if e.type == "ATTACK_ON_CIVILIANS"]
    assert evs and "E1" in evs[0].targets and "E1" not in evs[0].agents
    assert "it hurt ('طفل')" in evs[0].extra["why"]["targets"]["E1"]


def test_fighters_hurt_are_not_read_so():
    evs = read("ندد الوزير بالهجوم في مدينة إدلب الشمالية والذي أدى إلى مقتل ثلاثة جنود.",
               {"E1": ("جنود", "state_force")})
    assert all(e.type != "ATTACK_ON_CIVILIANS" or "E1" not in e.targets for e in evs)
