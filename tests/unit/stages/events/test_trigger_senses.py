"""Trigger senses decided from context (issue 8 item 2, types9): evacuating is a handover only when a
position or an area is left; a note of protest is no demonstration. Each with its control case."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS)


def types(text: str, actor: str, place: str | None = None) -> list[str]:
    return [e.type for e in run(text, actor, place=place)]


def test_evacuating_a_building_or_people_hands_over_no_ground():
    assert "TERRITORY_HANDOVER" not in types("عممت الهيئة على عناصرها بإخلاء المقار في إدلب.", "الهيئة", place="إدلب")
    assert "TERRITORY_HANDOVER" not in types("أخلى الجيش السكان من منازلهم في إدلب.", "الجيش", place="إدلب")


def test_control_evacuating_positions_is_a_handover():
    assert types("أخلى الجيش أغلبية مواقعه العسكرية قرب إدلب.", "الجيش", place="إدلب") == ["TERRITORY_HANDOVER"]
    assert "TERRITORY_HANDOVER" in types("أعلن الجيش إخلاء مواقعه في إدلب.", "الجيش", place="إدلب")


def test_a_note_of_protest_is_no_demonstration():
    assert "PROTEST" not in types("سلمت الخارجية السفير التركي مذكرة احتجاج في بغداد.", "الخارجية", place="بغداد")


def test_control_a_protest_in_the_street_is_one():
    assert "PROTEST" in types("خرج المتظاهرون في احتجاج أمام السفارة في بغداد.", "المتظاهرون", place="بغداد")


def test_a_battle_named_as_a_war_or_a_prospect_is_no_fight():
    # round 23: the singular "battle" and "fighting" name a campaign, a prospect or "to fight"
    assert "ARMED_CLASH" not in types("أكد الوزير أن الجيش شريك في المعركة ضد التنظيم في الأنبار.", "الجيش", place="الأنبار")
    assert "ARMED_CLASH" not in types("دعت الفصائل إلى نقل المعركة إلى قلب المدينة في جنين.", "الفصائل", place="جنين")
    assert "ARMED_CLASH" not in types("يواصل الجيش القتال في الأنبار منذ أشهر.", "الجيش", place="الأنبار")


def test_control_a_battle_with_its_outbreak_or_its_dead_is_a_fight():
    assert types("اندلع القتال في الأنبار بين الجيش والمسلحين.", "الجيش", place="الأنبار") == ["ARMED_CLASH"]
    assert types("قتل عشرة مسلحين في معركة عنيفة مع الجيش في الأنبار.", "الجيش", place="الأنبار") == ["ARMED_CLASH"]
    # the plural stays a fight without either
    assert types("دارت معارك بين الجيش والمسلحين في الأنبار.", "الجيش", place="الأنبار") == ["ARMED_CLASH"]


def test_a_shooting_aimed_at_a_pronoun_is_an_attack_on_people():
    # قتل شقيقه بإطلاق النار عليه: a person shot, as the verb أطلق النار عليه
    assert types("قتل الجاني جاره بإطلاق النار عليه في حي الشاطئ.", "الجاني", place="حي الشاطئ") == ["ATTACK_ON_CIVILIANS"]


def test_control_a_shooting_that_hurts_fighters_or_aimed_at_a_patrol_is_a_clash():
    assert types("أصيب جنديان جراء إطلاق النار عليهما في حي الشاطئ.", "الجيش", place="حي الشاطئ") == ["ARMED_CLASH"]
    assert types("أصيب جنديان في إطلاق النار على دورية للجيش في حي الشاطئ.", "الجيش", place="حي الشاطئ") == ["ARMED_CLASH"]


def test_fighters_taken_prisoner_with_a_count_after_the_word_are_an_arrest():
    assert "ARREST" in types("قتل عشرة من المسلحين وأسر ثلاثة آخرون في مواجهات مع الجيش قرب مأرب.", "الجيش",
                             place="مأرب")


def test_control_the_word_as_families_with_no_count_after_it_is_no_arrest():
    assert "ARREST" not in types("شارك الجيش وأسر الشهداء في تشييع الجنازة في مأرب.", "الجيش", place="مأرب")
