"""Typing a trigger (stages/events/kinds.py, issue 8 item 1, types9): an attack with no weapon and no
target that tells its kind is typed by whom its sentence says it hurt: unarmed people make it an
attack on civilians, a fighter among them keeps the clash. And trigger stems written out where a
prefix form matched words of another sense (تصدير، احتجاز، تخليد …). Each with its control case."""
from __future__ import annotations

from functools import partial

import pytest
from hand_docs import actor_events

from rasd.arabic.normalize import fold_str
from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS, category="non_state_armed_group")


def test_an_attack_that_killed_unarmed_people_is_an_attack_on_civilians_and_says_whom():
    (ev,) = run("هاجمت بوكو حرام ثلاث قرى في بورنو حيث قتلت عشرة أشخاص.", "بوكو حرام", place="بورنو")
    assert ev.type == "ATTACK_ON_CIVILIANS"
    why = ev.extra["why"]["type"]
    assert "unarmed_victims" in why and "'أشخاص'" in why


def test_the_victims_may_stand_before_the_attack_word():
    (ev,) = run("قتل عدد من الأشخاص وأصيب آخرون في هجوم مسلح شنه مسلحون في بورنو.", "مسلحون", place="بورنو")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_control_a_fighter_among_the_hurt_keeps_the_clash():
    (ev,) = run("قتل ثلاثة جنود ومدنيان في هجوم شنته بوكو حرام على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH"


def test_control_an_attack_with_nobody_hurt_stays_a_clash():
    (ev,) = run("شنت بوكو حرام هجوما على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH" and "unarmed_victims" not in ev.extra["why"]["type"]


def test_control_an_attack_on_a_military_object_stays_a_clash_whoever_died():
    (ev,) = run("شنت بوكو حرام هجوما على مواقع في بورنو أدى إلى مقتل خمسة أشخاص.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH"


def test_control_an_unarmed_word_far_from_any_harm_word_does_not_decide():
    # السكان here are who reports, not who was hurt
    (ev,) = run("قال السكان المحليون في بورنو إن بوكو حرام شنت هجوما على البلدة.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH"


def test_control_a_weapon_still_decides_before_the_victims():
    (ev,) = run("قتل عشرة أشخاص في هجوم صاروخي شنته بوكو حرام على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "SHELLING"


@pytest.mark.parametrize("word", ["تصدير", "تصديق", "احتجاز", "احتجزت", "تخليد", "اتحدث", "يتفقد"])
def test_a_word_of_another_sense_opens_no_trigger_of_the_stem(word):
    cands = RES.triggers.candidates(fold_str(word))
    assert not [d.type for _, d in cands if d.type in ("ARMED_CLASH", "PROTEST", "TERRITORY_HANDOVER",
                                                       "ALLIANCE", "AGREEMENT")]


@pytest.mark.parametrize("word,typ", [("تصدت", "ARMED_CLASH"), ("تصدى", "ARMED_CLASH"), ("تصديها", "ARMED_CLASH"),
                                      ("احتجوا", "PROTEST"), ("يحتجون", "PROTEST"), ("تخلي", "TERRITORY_HANDOVER"),
                                      ("اتحدت", "ALLIANCE"), ("يتفق", "AGREEMENT"), ("احتجزت", "ARREST")])
def test_control_the_stems_own_forms_still_open_their_trigger(word, typ):
    assert typ in {d.type for _, d in RES.triggers.candidates(fold_str(word))}


def test_shot_by_a_force_is_an_attack_on_the_unarmed_it_hurt_and_its_shooter_is_the_agent():
    (ev,) = run("استشهد شاب فلسطيني برصاص قوات الاحتلال في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ATTACK_ON_CIVILIANS" and ev.agents == ["E1"]
    assert "unarmed_victims" in ev.extra["why"]["type"]


def test_control_fighters_shot_make_the_shooting_a_clash_and_say_why():
    (ev,) = run("قتل مقاتلان برصاص قوات الاحتلال في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ARMED_CLASH" and "armed_victims" in ev.extra["why"]["type"]


def test_control_a_shooting_with_nobody_named_stays_an_attack_on_civilians():
    (ev,) = run("أصيب العشرات برصاص قوات الاحتلال في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_a_site_targeted_with_no_weapon_named_is_fire_from_afar():
    (ev,) = run("استهدفت المقاومة قاعدة عسكرية في الشدادي.", "المقاومة", place="الشدادي")
    assert ev.type == "SHELLING" and "fixed_sites" in ev.extra["why"]["type"]


def test_control_a_force_in_the_field_targeted_with_no_weapon_is_fought():
    (ev,) = run("استهدفت المقاومة دورية عسكرية في الشدادي.", "المقاومة", place="الشدادي")
    assert ev.type == "ARMED_CLASH" and "force in the field" in ev.extra["why"]["type"]


def test_control_a_weapon_named_beside_the_site_still_types_it():
    (ev,) = run("استهدفت المقاومة قاعدة عسكرية في الشدادي بطائرة مسيرة.", "المقاومة", place="الشدادي")
    assert ev.type == "AIRSTRIKE"
