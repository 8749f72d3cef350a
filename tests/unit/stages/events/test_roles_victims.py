"""The people a harm word names as hurt before the act that hurt them (round 22, args22): قتل 11 مدنيا في
تفجير، جنود قتلوا بانفجار عبوة. They are the act's targets, not its doers; the killers named
before them (قتل مسلحون 5 مدنيين في هجوم), the one who tells of the deaths (أكد المسؤول أن …) and the
sides of a clash are not read so. Composed sentences, entities placed by hand."""
from __future__ import annotations

from hand_docs import parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def read(text: str, actors: dict[str, tuple[str, str]], place: str = "إدلب"):
    return parties_events(EVENTS, text, actors, place)


def hurt_why(ev, eid: str) -> str:
    return ev.extra["why"].get("targets", {}).get(eid, "")


def test_people_killed_in_a_bombing_are_its_targets():
    (ev,) = read("قتل 11 مدنيا على الأقل في تفجير انتحاري في إدلب.", {"E1": ("مدنيا", "civilians")})
    assert "E1" in ev.targets and "E1" not in ev.agents
    assert "named as hurt by the act" in hurt_why(ev, "E1")


def test_fighters_killed_by_a_blast_are_its_targets_not_its_doers():
    ev = read("جنود قتلوا بانفجار في إدلب.", {"E1": ("جنود", "state_force")})[0]
    assert "E1" in ev.targets and "E1" not in ev.agents
    assert "'قتلوا'" in hurt_why(ev, "E1")


def test_the_killers_named_before_the_killed_are_not_hurt():
    evs = read("قتل مسلحون خمسة مدنيين في تفجير في إدلب.",
               {"E1": ("مسلحون", "non_state_armed_group"), "E2": ("مدنيين", "civilians")})
    assert evs
    assert all("named as hurt" not in hurt_why(ev, "E1") for ev in evs)


def test_who_tells_of_the_deaths_is_not_hurt():
    evs = read("وأكد قائد الشرطة أن 13 شخصا قتلوا في تفجير انتحاري في إدلب.", {"E1": ("قائد الشرطة", "state_force")})
    assert evs and all("named as hurt" not in hurt_why(ev, "E1") for ev in evs)


def test_a_noun_of_harm_after_the_actor_is_not_its_verb():
    evs = read("الشرطة تعلن مقتل العشرات في انفجار عبوة ناسفة في إدلب.", {"E1": ("الشرطة", "state_force")})
    assert evs and all("named as hurt" not in hurt_why(ev, "E1") for ev in evs)


def test_the_sides_of_a_clash_are_not_read_as_hurt():
    evs = read("قتل جنود في اشتباكات مع مسلحين في إدلب.",
               {"E1": ("جنود", "state_force"), "E2": ("مسلحين", "non_state_armed_group")})
    assert evs and all("named as hurt" not in w for ev in evs for w in ev.extra["why"].get("targets", {}).values())
