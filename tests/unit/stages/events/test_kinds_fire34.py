"""The type of an event told by a firing verb (stages/events/kinds.py fire_kind, triggers.yaml by_aim;
round 34 fire34): the subject a verb puts before its fire word is who fired, never what the fire is
aimed at; an aircraft that fired makes it an air strike; the object of the fire (its aim, a gathering
of unarmed people, men of a security force, a person named by a pronoun) or whom it hurt types it;
bullets fired name a shooting as النار does, not when fired into the air; and the armed man after a
harm verb who killed unarmed people is no victim (harm_doer). Each with its control case, on composed
sentences."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS, category="state_force")


def test_the_subject_between_the_verb_and_its_fire_is_not_its_aim():
    (ev,) = run("أطلقت قوات الاحتلال النار على مجموعة من المدنيين في بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"
    why = ev.extra["why"]["type"]
    assert "is a firing" in why and "'المدنيين'" in why


def test_control_fire_on_soldiers_after_the_contiguous_form_is_a_clash():
    (ev,) = run("أطلقت قوات الاحتلال النار على مجموعة جنود قرب بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ARMED_CLASH" and "is a firing" in ev.extra["why"]["type"]


def test_the_contiguous_form_on_an_unnamed_person_stays_an_attack_on_civilians():
    (ev,) = run("اقتحمت قوات الاحتلال منزلا في بلدة كترة وأطلقت النار على والده فقتلته.", "قوات الاحتلال",
                place="كترة")
    assert any(e.type == "ATTACK_ON_CIVILIANS" for e in [ev])


def test_an_aircraft_that_opened_fire_makes_an_air_strike():
    (ev,) = run("فتح الطيران الحربي نيران رشاشاته الثقيلة على مناطق في بلدة كترة.", "الطيران الحربي",
                place="كترة")
    assert ev.type == "AIRSTRIKE" and "air_doers" in ev.extra["why"]["type"]


def test_an_aircraft_named_before_the_verb_fired_it():
    (ev,) = run("قالت المصادر إن مروحيات الاحتلال أطلقت النار شرقي بلدة كترة.", "مروحيات الاحتلال", place="كترة")
    assert ev.type == "AIRSTRIKE"


def test_control_opened_fire_on_a_base_is_a_clash():
    (ev,) = run("فتح مسلحون النار على قاعدة عسكرية في بلدة كترة.", "مسلحون", place="كترة")
    assert ev.type == "ARMED_CLASH" and "'قاعدة'" in ev.extra["why"]["type"]


def test_opened_fire_on_security_men_is_a_clash():
    (ev,) = run("رفض المسلحون إلقاء السلاح وفتحوا النار على مسؤولي الأمن في بلدة كترة.", "المسلحون",
                place="كترة")
    assert ev.type == "ARMED_CLASH" and "armed_qualifiers" in ev.extra["why"]["type"]


def test_control_opened_fire_in_a_restaurant_stays_an_attack_on_civilians():
    (ev,) = run("فتح مسلحون النار في مطعم في بلدة كترة.", "مسلحون", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_bullets_fired_at_citizens_are_a_shooting_of_civilians():
    (ev,) = run("أطلقت قوات الاحتلال الرصاص الحي صوب المواطنين في بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_control_bullets_fired_into_the_air_are_no_event():
    assert run("دخلت قوات الاحتلال بلدة كترة وأطلقت الرصاص في الهواء.", "قوات الاحتلال", place="كترة") == []
    (ev,) = run("دخلت قوات الاحتلال بلدة كترة وأطلقت الرصاص على الأهالي.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_a_gathering_of_unarmed_people_is_a_crowd_not_a_force():
    (ev,) = run("أطلقت قوات الاحتلال الرصاص الحي على تجمعات لشبان فلسطينيين قرب بلدة كترة.", "قوات الاحتلال",
                place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS" and "'لشبان'" in ev.extra["why"]["type"]


def test_control_a_gathering_of_fighters_is_a_force():
    (ev,) = run("أطلقت قوات الاحتلال النار على تجمعات للمقاومين قرب بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ARMED_CLASH"


def test_fire_at_people_named_by_a_pronoun_is_an_attack_on_civilians():
    (ev,) = run("أصبح العمال الزراعيون هدفا لقوات الاحتلال التي تطلق عليهم الرصاص الحي في بلدة كترة.",
                "قوات الاحتلال", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS" and "person_aims" in ev.extra["why"]["type"]


def test_the_armed_killer_after_a_harm_verb_is_no_victim():
    (ev,) = run("وقتل مسلح 38 سائحا عندما أطلق الرصاص في مدينة كترة.", "مسلح", category="non_state_armed_group",
                place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_control_a_soldier_and_a_citizen_hurt_are_both_victims():
    (ev,) = run("هاجم مسلحون بلدة كترة وقتل جندي ومواطن.", "مسلحون", category="non_state_armed_group",
                place="كترة")
    assert ev.type == "ARMED_CLASH"
