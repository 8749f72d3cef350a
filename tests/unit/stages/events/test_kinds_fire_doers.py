"""Typing fire from afar by who fired it (stages/events/kinds.py, round 19 type19): a bare قصف whose
doer is named by a head of ground troops (قوات) is SHELLING whatever aircraft the rest of its sentence
names; a targeting verb whose subject is a state's aggression (عدوان إسرائيلي استهدف) is AIRSTRIKE;
munitions an aircraft fires (طائرة مسيرة أطلقت صواريخ) are AIRSTRIKE; vacuum missiles are an air word.
Sentences composed for the tests; each decision keeps its control case."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def fire(text: str, actor: str, kb_id: str | None = None, category: str = "state_force",
         place: str = "الرستن"):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", actor, category=category, kb_id=kb_id)
    entity(doc, "E2", "PLACE", place)
    return EVENTS(doc).events


def by_trigger(events, word: str):
    return [ev for ev in events if word in ev.extra["why"]["type"]]


def test_ground_forces_named_as_the_doer_shell_whatever_aircraft_the_sentence_names():
    evs = fire("حلق الطيران الحربي فوق المنطقة صباحا، فيما قصفت قوات النظام مدينة الرستن.",
               "قوات النظام", kb_id="actor:saa")
    (ev,) = by_trigger(evs, "'قصفت'")
    assert ev.type == "SHELLING" and "ground_force_heads" in ev.extra["why"]["type"]


def test_control_an_air_word_in_its_own_clause_still_makes_it_an_airstrike():
    evs = fire("قصفت قوات النظام بالطيران الحربي مدينة الرستن.", "قوات النظام", kb_id="actor:saa")
    (ev,) = by_trigger(evs, "'قصفت'")
    assert ev.type == "AIRSTRIKE" and "ground_force_heads" not in ev.extra["why"]["type"]


def test_control_forces_of_a_state_that_strikes_from_the_air_are_not_read_as_ground_troops():
    evs = fire("حلق الطيران الحربي فوق المنطقة صباحا، فيما قصفت قوات الاحتلال مدينة رفح.",
               "قوات الاحتلال", kb_id="actor:idf", place="رفح")
    (ev,) = by_trigger(evs, "'قصفت'")
    assert "ground_force_heads" not in ev.extra["why"]["type"]


def test_control_a_coalitions_forces_are_its_aircraft():
    evs = fire("حلق الطيران الحربي فوق المنطقة صباحا، فيما قصفت قوات التحالف مدينة الرستن.",
               "قوات التحالف", kb_id="actor:coalition_x", category="coalition")
    (ev,) = by_trigger(evs, "'قصفت'")
    assert "ground_force_heads" not in ev.extra["why"]["type"]


def test_a_targeting_verb_whose_subject_is_a_states_aggression_is_an_airstrike():
    evs = fire("قتل ثلاثة مزارعين في العدوان الإسرائيلي الذي استهدف مزارع قرب الرستن.", "إسرائيل",
               kb_id="actor:israel")
    (ev,) = by_trigger(evs, "'استهدف'")
    assert ev.type == "AIRSTRIKE" and "aggression_nouns" in ev.extra["why"]["type"]


def test_control_an_aggression_without_the_adjective_of_such_a_state_does_not_decide():
    evs = fire("قتل ثلاثة مزارعين في العدوان الذي استهدف منازل قرب الرستن.", "إسرائيل", kb_id="actor:israel")
    (ev,) = by_trigger(evs, "'استهدف'")
    assert "aggression_nouns" not in ev.extra["why"]["type"]


def test_control_a_weapon_in_the_clause_decides_before_the_aggression():
    evs = fire("قتل ثلاثة مزارعين في العدوان الإسرائيلي الذي استهدف مزارع قرب الرستن بقذائف المدفعية.",
               "إسرائيل", kb_id="actor:israel")
    (ev,) = by_trigger(evs, "'استهدف'")
    assert ev.type == "SHELLING"


def test_missiles_a_drone_fired_are_its_airstrike():
    evs = fire("ذكرت مصادر محلية أن طائرة مسيرة أطلقت صواريخ على أطراف الرستن.", "مصادر محلية")
    (ev,) = [ev for ev in evs if ev.type in ("AIRSTRIKE", "SHELLING")]
    assert ev.type == "AIRSTRIKE" and "air_doers" in ev.extra["why"]["type"]


def test_control_missiles_joined_to_aircraft_are_their_own_fire():
    evs = fire("قضت القوات على المجموعة في الرستن بفضل ضربات للطيران والمدفعية.", "القوات")
    assert not any("air_doers" in ev.extra["why"]["type"] for ev in evs)


def test_control_war_media_names_no_aircraft():
    evs = fire("وثق الإعلام الحربي إطلاق صليات صاروخية على الرستن.", "الإعلام الحربي")
    assert not any("air_doers" in ev.extra["why"]["type"] for ev in evs)


def test_vacuum_missiles_make_a_bare_bombardment_an_airstrike():
    evs = fire("قصفت قوات النظام الرستن بالصواريخ الفراغية.", "قوات النظام", kb_id="actor:saa")
    (ev,) = by_trigger(evs, "'قصفت'")
    assert ev.type == "AIRSTRIKE"


def test_control_other_missiles_keep_a_bare_bombardment_ground_fire():
    evs = fire("قصفت قوات النظام الرستن بالصواريخ.", "قوات النظام", kb_id="actor:saa")
    (ev,) = by_trigger(evs, "'قصفت'")
    assert ev.type == "SHELLING"


def test_control_a_munition_an_aircraft_did_not_fire_stays_ground_fire():
    # the drones struck an artillery post; a drone shot down by a surface-to-air missile: no firing verb
    evs = fire("استهدفت المقاومة بمسيرات انقضاضية مربض مدفعية قرب الرستن.", "المقاومة",
               category="non_state_armed_group")
    assert not any("air_doers" in ev.extra["why"]["type"] for ev in evs)
    evs = fire("أسقطت المقاومة مسيرة فوق الرستن بصاروخ أرض جو.", "المقاومة", category="non_state_armed_group")
    assert not any("air_doers" in ev.extra["why"]["type"] for ev in evs)


def test_a_struck_object_whose_verb_has_an_air_first_state_as_its_subject_before_it_is_an_airstrike():
    evs = fire("قال شهود إن الاحتلال الإسرائيلي استهدف منزلا في الرستن.", "الاحتلال الإسرائيلي",
               kb_id="actor:israel")
    (ev,) = by_trigger(evs, "'استهدف'")
    assert ev.type == "AIRSTRIKE" and "its subject" in ev.extra["why"]["type"]


def test_control_a_struck_object_whose_subject_strikes_from_the_ground_stays_fire_from_afar():
    evs = fire("قال شهود إن المقاومة استهدفت منزلا في الرستن.", "المقاومة", kb_id="actor:resistance_x",
               category="non_state_armed_group")
    (ev,) = by_trigger(evs, "'استهدفت'")
    assert ev.type == "SHELLING"
