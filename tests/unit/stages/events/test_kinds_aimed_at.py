"""The type of an attack read from its clause (stages/events/kinds.py, issue 8, round 15 type15): what
an attack or a shooting is aimed at (a preposition then unarmed people or a civilian object makes it an
attack on civilians, fighters or a military object a clash: attack_aim), a settlement named as its
target holds no side (contested_places), the lam after an attack noun names who attacked, victims
named before an intransitive harm verb (hurt_before), and a suicide attack is a BOMBING. Each with its
control case, on composed sentences."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS, category="non_state_armed_group")
run_force = partial(actor_events, EVENTS, category="state_force")


def test_fire_aimed_at_unarmed_people_further_on_is_an_attack_on_civilians_and_says_why():
    (ev,) = run("أطلق مسلحون النار من بنادق آلية على المصلين في بلدة كترة.", "مسلحون", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"
    why = ev.extra["why"]["type"]
    assert "aim_prepositions" in why and "'المصلين'" in why and "'على'" in why


def test_a_quantity_may_stand_between_the_preposition_and_the_people():
    (ev,) = run("أطلق المسلحون النار بشكل عشوائي على عدد من المواطنين في بلدة كترة.", "المسلحون", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_control_fire_aimed_at_fighters_is_a_clash_whoever_died():
    (ev,) = run("أطلق مسلحون النار بكثافة على دورية للجيش في بلدة كترة، ما أدى إلى مقتل مدني.", "مسلحون",
                place="كترة")
    assert ev.type == "ARMED_CLASH" and "armed_victims" in ev.extra["why"]["type"]


def test_control_an_armed_qualifier_makes_the_aimed_at_man_a_fighter():
    (ev,) = run("أطلق مسلحون النار بكثافة على رجل أمن في بلدة كترة.", "مسلحون", place="كترة")
    assert ev.type == "ARMED_CLASH"


def test_control_a_preposition_whose_words_name_no_side_does_not_decide():
    (ev,) = run("أطلق مسلحون النار بكثافة على الحدود قرب بلدة كترة.", "مسلحون", place="كترة")
    assert ev.type == "ARMED_CLASH" and "aim_prepositions" not in ev.extra["why"]["type"]


def test_an_attack_on_a_village_is_typed_by_whom_it_hurt():
    (ev,) = run("هاجم مسلحون قرية كترة وأصيب عدد من السكان.", "مسلحون", place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS" and "unarmed_victims" in ev.extra["why"]["type"]


def test_control_an_attack_on_a_military_object_stays_a_clash():
    (ev,) = run("هاجم مسلحون مواقع في كترة وأصيب عدد من السكان.", "مسلحون", place="كترة")
    assert ev.type == "ARMED_CLASH"


def test_the_lam_after_an_attack_noun_names_the_attacker_not_the_target():
    (ev,) = run("قتل عدد من المدنيين في هجوم لقوات الدعم السريع على بلدة كترة.", "قوات الدعم السريع",
                place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_people_named_before_an_intransitive_harm_verb_are_its_victims():
    (ev,) = run("قالت المصادر إن عددا من المواطنين أصيبوا في هجوم شنه مسلحون على بلدة كترة.", "مسلحون",
                place="كترة")
    assert ev.type == "ATTACK_ON_CIVILIANS" and "harm_after_victims" in ev.extra["why"]["type"]


def test_control_fighters_named_before_the_harm_verb_keep_the_clash():
    (ev,) = run("قالت المصادر إن ثلاثة جنود أصيبوا في هجوم شنه مسلحون على بلدة كترة.", "مسلحون", place="كترة")
    assert ev.type == "ARMED_CLASH" and "harm_after_victims" in ev.extra["why"]["type"]


def test_control_a_harm_verb_with_and_opens_its_clause_and_reads_no_subject_before_it():
    # مسلحون before وأصيب is the attackers, not the hurt: the people after the verb decide
    (ev,) = run("هاجم مسلحون قرية كترة وأصيب عدد من السكان.", "مسلحون", place="كترة")
    assert "harm_after_victims" not in ev.extra["why"]["type"]


def test_a_suicide_attack_is_a_bombing():
    (ev,) = run("نفذ مسلحون هجوما انتحاريا على مخفر للشرطة في بلدة كترة، ما أدى إلى مقتل جنديين.", "مسلحون",
                place="كترة")
    assert ev.type == "BOMBING" and "weapon_cues" in ev.extra["why"]["type"]


def test_control_an_attack_with_drones_stays_an_air_strike():
    evs = run("شن مسلحون هجوما بطائرات مسيرة على مطار كترة.", "مسلحون", place="كترة")
    assert [e.type for e in evs] == ["AIRSTRIKE"]


def test_confrontations_with_a_crowd_named_after_between_are_a_riot_and_say_why():
    (ev,) = run_force("اندلعت مواجهات بين قوات الاحتلال والشبان في بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "RIOT"
    assert "unarmed_sides" in ev.extra["why"]["type"] and "'والشبان'" in ev.extra["why"]["type"]


def test_confrontations_with_crowd_control_means_in_their_clause_are_a_riot():
    (ev,) = run_force("أصيب عشرات المواطنين بالاختناق خلال مواجهات مع قوات الاحتلال في بلدة كترة.", "قوات الاحتلال",
                place="كترة")
    assert ev.type == "RIOT" and "riot_means" in ev.extra["why"]["type"]


def test_a_protest_adjective_makes_confrontations_a_riot():
    (ev,) = run_force("قتل فتى خلال مواجهات احتجاجية في بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "RIOT" and "riot_qualifiers" in ev.extra["why"]["type"]


def test_control_armed_confrontations_stay_a_clash():
    (ev,) = run_force("اندلعت مواجهات مسلحة بين قوات الاحتلال والشبان في بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ARMED_CLASH"


def test_control_a_fighter_named_in_the_clause_keeps_the_clash():
    (ev,) = run_force("اندلعت مواجهات بين قوات الاحتلال والشبان ومقاومين في بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ARMED_CLASH"


def test_control_a_crowd_beside_an_armed_group_is_no_riot():
    # the town's young men fighting a militia are fighters (the actor is a non-state armed group)
    (ev,) = run("تشهد المدينة مواجهات بين شباب المدينة وتنظيم داعش في بلدة كترة.", "تنظيم داعش", place="كترة")
    assert ev.type == "ARMED_CLASH"


def test_control_exchanges_of_fire_with_youths_stay_a_clash():
    (ev,) = run_force("اندلعت اشتباكات بين قوات الاحتلال والشبان في بلدة كترة.", "قوات الاحتلال", place="كترة")
    assert ev.type == "ARMED_CLASH"


def test_control_a_civilian_object_carrying_fighters_is_an_armed_target():
    (ev,) = run("شن مسلحون هجوما بالأسلحة الخفيفة على حافلة تقل مسلحين في بلدة كترة.", "مسلحون", place="كترة")
    assert ev.type == "ARMED_CLASH"
