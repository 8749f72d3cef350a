"""Trigger gaps and type decisions of the events stage on composed sentences (issue 8): an
indefinite عدوان as one strike, a generic strike on an object that is no force, missiles fired by
aircraft, massacres counted as a tally, shootings named as nouns, aircraft shot down, and a short
preposition glued to a trigger word. Each decision keeps its control case."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events, actors_and_places

from rasd.arabic.normalize import fold_str
from rasd.kb.resources import Resources
from rasd.stages.events import Events
from rasd.stages.events.triggers import glued

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


run = partial(actor_events, EVENTS)


# --- عدوان: one strike when indefinite, the war when definite ---------------------------------
def test_an_indefinite_aggression_with_its_doers_adjective_is_an_airstrike():
    (ev,) = run("أصيب جنديان جراء عدوان إسرائيلي على محيط دمشق.", "جنديان", place="دمشق")
    assert ev.type == "AIRSTRIKE" and "triggers.yaml" in ev.extra["why"]["type"]


def test_the_definite_aggression_names_the_war_and_makes_no_event():
    assert run("أصيب جنديان جراء العدوان الإسرائيلي على محيط دمشق.", "جنديان", place="دمشق") == []


def test_any_aggression_is_a_threat_not_an_act():
    assert run("حذر الجيش من أي عدوان إسرائيلي على دمشق.", "الجيش", place="دمشق") == []


def test_an_aggression_as_the_object_of_a_verb_with_its_target_is_an_airstrike():
    (ev,) = run("شنت الولايات المتحدة، مع دول أخرى، عدوانا على صنعاء.", "الولايات المتحدة", place="صنعاء")
    assert ev.type == "AIRSTRIKE"


# --- a generic strike on an object that is no force ------------------------------------------------
def test_a_strike_on_a_ship_with_no_weapon_is_fire_from_afar():
    (ev,) = run("استهدفت القوات البحرية سفينة نفط في البحر الأحمر.", "القوات البحرية", place="البحر الأحمر")
    assert ev.type == "SHELLING" and "struck_objects" in ev.extra["why"]["type"]


def test_targeting_with_a_possessive_suffix_is_found():
    (ev,) = run("أعلنت المقاومة استهدافها مستوطنة كريات شمونة.", "المقاومة",
                category="non_state_armed_group", place="كريات شمونة")
    assert ev.type == "SHELLING"


def test_a_struck_object_whose_doer_named_after_the_trigger_strikes_from_the_air_is_an_airstrike():
    (ev,) = run("سقط شهداء جراء استهداف الاحتلال منازل في خان يونس.", "الاحتلال", kb_id="actor:idf",
                place="خان يونس")
    assert ev.type == "AIRSTRIKE" and "air_first_actors" in ev.extra["why"]["type"]


def test_targeting_what_is_neither_a_force_nor_a_struck_object_is_still_no_attack():
    assert run("تستهدف العقوبات أفرادا في دمشق.", "العقوبات", place="دمشق") == []


# --- missiles fired by aircraft -----------------------------------------------------------------
def test_missiles_fired_by_fighter_jets_are_an_airstrike():
    (ev,) = run("المقاتلات الروسية استهدفت بالصواريخ مواقع المسلحين في أريحا.", "المسلحين",
                category="non_state_armed_group", place="أريحا")
    assert ev.type == "AIRSTRIKE" and "air_doers" in ev.extra["why"]["type"]


def test_missiles_fired_by_ground_forces_stay_a_shelling():
    (ev,) = run("قوات النظام استهدفت بالصواريخ مواقع المسلحين في أريحا.", "قوات النظام", place="أريحا")
    assert ev.type == "SHELLING"


# --- massacres counted in digits are a tally ------------------------------------------------------
def test_massacres_counted_in_digits_make_no_attack_of_their_own():
    evs = run("ارتكب الاحتلال 16 مجزرة في قطاع غزة.", "الاحتلال", place="قطاع غزة")
    assert not any(e.type == "ATTACK_ON_CIVILIANS" for e in evs)


def test_one_massacre_told_is_an_attack_on_civilians():
    (ev,) = run("ارتكب الاحتلال مجزرة في قطاع غزة.", "الاحتلال", place="قطاع غزة")
    assert ev.type == "ATTACK_ON_CIVILIANS"


# --- shootings named as nouns; aircraft shot down ----------------------------------------------------
def test_a_shooting_at_protesters_is_an_attack_on_civilians():
    (ev,) = run("اتهمت المعارضة الشرطة بإطلاق النار على المتظاهرين في كراتشي.", "الشرطة", place="كراتشي")
    assert ev.type == "ATTACK_ON_CIVILIANS" and "civilian" in ev.extra["why"]["type"]


def test_a_shooting_at_a_patrol_is_a_clash():
    (ev,) = run("قتل جندي في عملية إطلاق نار على دورية في نابلس.", "دورية", place="نابلس")
    assert ev.type == "ARMED_CLASH"


def test_a_ceasefire_is_no_shooting():
    assert not any(e.type == "ARMED_CLASH" for e in run("دعا الجيش إلى وقف إطلاق النار على الفور.", "الجيش"))


def test_a_drone_shot_down_is_a_clash():
    (ev,) = run("أعلن حزب الله إسقاط مسيرة إسرائيلية فوق صور.", "حزب الله",
                category="non_state_armed_group", place="صور")
    assert ev.type == "ARMED_CLASH"


# --- a short preposition glued to a trigger word ---------------------------------------------------
def test_a_glued_short_preposition_is_split_from_the_trigger_after_it():
    vocab = frozenset({fold_str("قصف"), fold_str("هجوم")})
    with RES.scope():
        n, cands = glued(fold_str("عنقصف"), RES.triggers, vocab)
        assert n == 2 and cands
        n, cands = glued(fold_str("إلىهجوم"), RES.triggers, vocab)
        assert n == 3 and cands


def test_a_word_that_only_starts_like_a_preposition_is_not_split():
    vocab = frozenset({fold_str("قصف"), fold_str("هجوم")})
    with RES.scope():
        assert glued(fold_str("منقصف"), RES.triggers, vocab) == (0, ())   # من is no glued head
        assert glued(fold_str("عنقود"), RES.triggers, vocab) == (0, ())   # the rest opens no trigger


# --- a raid that makes arrests is no capture -----------------------------------------------------
def test_storming_a_town_and_arresting_there_is_a_raid_not_a_capture():
    evs = run("اقتحمت قوات الاحتلال بلدة جبع واعتقلت شابين.", "قوات الاحتلال", place="جبع")
    assert [e.type for e in evs] == ["ARREST"]


def test_storming_a_town_with_a_fight_told_is_that_clash_not_a_capture():
    # type13: a raid takes nothing and holds nothing; the fight it meets is its event
    evs = run("اقتحمت الفصائل بلدة جبع بعد معارك.", "الفصائل", category="non_state_armed_group", place="جبع")
    assert "TERRITORY_TAKEN" not in [e.type for e in evs] and "ARMED_CLASH" in [e.type for e in evs]


# --- Round 19 (trig19): duals, a construct dual, a sweep, a meeting with its possessive ----------------
def test_two_bombings_named_by_the_dual_are_a_bombing():
    (ev,) = run("قتل عشرة أشخاص في تفجيرين انتحاريين استهدفا سوقا في الموصل.", "انتحاريين", place="الموصل")
    assert ev.type == "BOMBING"


def test_two_explosions_heard_are_typed_by_their_weapon_and_alone_are_none():
    (ev,) = run("دوى انفجاران في الموصل إثر سقوط صواريخ أطلقها المسلحون.", "المسلحون", place="الموصل")
    assert ev.type == "SHELLING"
    assert run("سمع دوي انفجارين في الموصل مساء أمس.", "دوي", place="الموصل") == []


def test_two_shells_in_construct_are_shelling():
    (ev,) = run("أطلق المسلحون قذيفتي هاون على حي في الموصل.", "المسلحون", place="الموصل")
    assert ev.type == "SHELLING"


def test_a_sweep_is_an_operation_against_armed_men():
    (ev,) = run("نفذ الجيش عمليات تمشيط في أحياء الموصل.", "الجيش", place="الموصل")
    assert ev.type == "ARMED_CLASH"


def test_a_meeting_noun_with_the_possessive_of_who_met_is_a_meeting():
    (ev,) = run("بحث الوزير خلال اجتماعه بالسفير في بغداد الوضع الأمني.", "الوزير", place="بغداد")
    assert ev.type == "MEETING"


# --- Round 21 (trig21): the accusative singular of an explosion ----------------------------------------
def test_an_explosion_in_the_accusative_after_inna_is_a_bombing():
    (ev,) = run("قالت الشرطة إن انفجارا وقع في سوق شعبي في كركوك وأسفر عن مقتل ثلاثة أشخاص.", "الشرطة",
                place="كركوك")
    assert ev.type == "BOMBING" and "triggers.yaml" in ev.extra["why"]["type"]


def test_an_explosion_in_the_accusative_is_a_bombing_only_as_a_word_of_its_own():
    # the plural heard explosions keep their own reading: no weapon named, no event
    assert run("أفاد سكان بأنهم سمعوا انفجارات في كركوك ليلا.", "سكان", place="كركوك") == []


# --- a reception of an official is a meeting (Round 23: miss23) ------------------------------------
def test_a_reception_of_an_official_is_a_meeting_of_the_two():
    doc = actors_and_places("استقبل الملك في قصره بالرياض وزير الخارجية الفرنسي أمس.", ["الملك", "وزير الخارجية الفرنسي"],
                            ["الرياض"], categories=("government", "government"))
    (ev,) = EVENTS(doc).events
    assert ev.type == "MEETING" and set(ev.partners + ev.agents) == {"E1", "E2"}
    assert "triggers.yaml" in ev.extra["why"]["type"]


def test_a_reception_of_the_wounded_or_a_bare_reception_noun_is_no_meeting():
    doc = actors_and_places("استقبل المستشفى في الرياض عشرات الجرحى أمس.", ["المستشفى"], ["الرياض"])
    assert [e for e in EVENTS(doc).events if e.type == "MEETING"] == []
    doc = actors_and_places("حضر الاستقبال وزير الخارجية في الرياض.", ["وزير الخارجية"], ["الرياض"],
                            categories=("government", "government"))
    assert [e for e in EVENTS(doc).events if e.type == "MEETING"] == []


def test_the_places_after_the_topic_of_a_meeting_are_not_its_places():
    doc = actors_and_places("التقى الوزير نظيره التركي في أنقرة لبحث أوضاع النازحين في سنجار.", ["الوزير", "نظيره التركي"],
                            ["أنقرة", "سنجار"], categories=("government", "government"))
    (ev,) = [e for e in EVENTS(doc).events if e.type == "MEETING"]
    assert ev.places == ["E3"]
