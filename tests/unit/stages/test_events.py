"""The events stage on hand-built Docs: entities placed by hand, the real trigger and cue lexicons
(knowledge files only, no installed data). Each decision comes with its why."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def regime_shells(text: str, **kw):
    doc = doc_of(text, **kw)
    entity(doc, "E1", "ACTOR", "قوات النظام", category="state_force", kb_id="actor:saa")
    entity(doc, "E2", "PLACE", "كفرنبل")
    return EVENTS(doc)


def test_shelling_with_agent_place_and_the_reasons():
    doc = regime_shells("قصفت قوات النظام بلدة كفرنبل بالمدفعية.")
    (ev,) = doc.events
    assert (ev.type, ev.agents, ev.places, ev.modality) == ("SHELLING", ["E1"], ["E2"], "asserted")
    why = ev.extra["why"]
    assert "triggers.yaml:" in why["type"] and "قصفت" in why["type"]
    assert why["agents"] == {"E1": "subject right after the verb: 'قوات النظام'"}
    assert "كفرنبل" in why["places"]["E2"] and why["modality"].startswith("no negation")


def test_an_air_cue_in_the_sentence_makes_it_an_airstrike_and_says_so():
    doc = regime_shells("قصفت قوات النظام بلدة كفرنبل بالطائرات الحربية.")
    (ev,) = doc.events
    assert ev.type == "AIRSTRIKE"
    assert "AIRSTRIKE" in ev.extra["why"]["type"] and "air cue" in ev.extra["why"]["type"]


def test_a_negation_cue_is_named():
    doc = regime_shells("لم تقصف قوات النظام بلدة كفرنبل.")
    (ev,) = doc.events
    assert ev.modality == "negated"
    assert ev.extra["why"]["modality"].startswith("cue 'لم' 1 word before the trigger")


def test_attribution_to_a_source_named_in_the_sentence():
    doc = doc_of("قال المرصد إن قوات النظام قصفت بلدة كفرنبل.")
    entity(doc, "E1", "SOURCE", "المرصد")
    entity(doc, "E2", "ACTOR", "قوات النظام", category="state_force")
    entity(doc, "E3", "PLACE", "كفرنبل")
    (ev,) = EVENTS(doc).events
    assert ev.attribution == "E1" and "المرصد" in ev.extra["why"]["attribution"]
    assert ev.agents == ["E2"] and "before the verb" in ev.extra["why"]["agents"]["E2"]


def test_a_repeated_event_is_merged_and_the_merge_is_explained():
    doc = regime_shells("قصفت قوات النظام بلدة كفرنبل. وقصفت قوات النظام بلدة كفرنبل مجددا.")
    (ev,) = doc.events
    assert len(ev.evidence) == 2
    (merged,) = ev.extra["why"]["merged"]
    assert merged["evidence"] == list(doc.sentences[1]) and "same type" in merged["why"]


def test_a_death_toll_is_the_violent_event_s_fatalities():
    doc = regime_shells("قصفت قوات النظام بلدة كفرنبل ما أدى إلى مقتل خمسة مدنيين.")
    (ev,) = doc.events
    assert ev.fatalities == 5 and "خمسة" in ev.extra["why"]["fatalities"]


def test_no_entities_no_events():
    doc = doc_of("قصفت الطائرات.")
    assert EVENTS(doc).events == []


# ---- issue 8: attack words typed by what follows them; weapons; where fire lands

def _attack(text: str, place: str = "الشدادي"):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "المقاومة", category="non_state_armed_group")
    entity(doc, "E2", "PLACE", place)
    return EVENTS(doc).events


def test_an_attack_word_takes_the_weapon_right_after_it():
    (ev,) = _attack("نفذت المقاومة هجوما صاروخيا على قاعدة في الشدادي.")
    assert ev.type == "SHELLING" and "weapon_cues" in ev.extra["why"]["type"]
    (ev,) = _attack("نفذت المقاومة هجوما بطائرة مسيرة على قاعدة في الشدادي.")
    assert ev.type == "AIRSTRIKE"


def test_an_attack_word_with_no_weapon_after_it_stays_a_clash():
    (ev,) = _attack("شنت المقاومة هجوما على مواقع في الشدادي.")
    assert ev.type == "ARMED_CLASH"


def test_an_attack_on_a_civilian_object_is_an_attack_on_civilians():
    (ev,) = _attack("نفذت المقاومة الهجوم على فندق في سوسة.", place="سوسة")
    assert ev.type == "ATTACK_ON_CIVILIANS" and "civilian_objects" in ev.extra["why"]["type"]


def test_a_targeting_verb_takes_the_nearest_weapon_of_its_clause():
    (ev,) = _attack("استهدفت المقاومة بطائرة مسيرة قاعدة الشدادي المحصنة بالمدفعية.")
    assert ev.type == "AIRSTRIKE"


def test_a_targeting_verb_without_a_weapon_takes_the_weapon_of_its_sentence_neighbours():
    evs = _attack("استهدفت المقاومة قاعدة الشدادي. وكان الاستهداف بطائرة مسيرة.")
    assert evs and evs[0].type == "AIRSTRIKE" and "sentences around it" in evs[0].extra["why"]["type"]


def test_fire_aimed_at_a_place_happens_there_not_where_it_was_launched():
    doc = doc_of("أطلقت المقاومة رشقة صاروخية من لبنان في اتجاه الجليل.")
    entity(doc, "E1", "ACTOR", "المقاومة", category="non_state_armed_group")
    entity(doc, "E2", "PLACE", "لبنان")
    entity(doc, "E3", "PLACE", "الجليل")
    (ev,) = EVENTS(doc).events
    assert ev.type == "SHELLING" and ev.places == ["E3"]
    assert "fire_destination_markers" in ev.extra["why"]["places"]["E3"]


def test_the_genitive_of_an_attack_noun_is_not_read_past_another_event_verb():
    doc = doc_of("نفذت المقاومة هجوما صاروخيا استهدف القوات الأميركية في الشدادي.")
    entity(doc, "E1", "ACTOR", "المقاومة", category="non_state_armed_group")
    entity(doc, "E2", "ACTOR", "القوات الأميركية", category="state_force")
    entity(doc, "E3", "PLACE", "الشدادي")
    evs = EVENTS(doc).events
    assert evs and all("E2" not in e.agents for e in evs)


def test_the_leader_named_in_an_actors_relative_aside_is_no_participant_and_the_clause_goes_on():
    # round 31 (rel31): قصفت طائرات التحالف الذي تقوده السعودية مواقع … في X: the place and target after the
    # aside are the act's; the leader named in it is neither agent nor target
    doc = doc_of("قصفت طائرات التحالف الذي تقوده السعودية مواقع الحوثيين في مدينة تعز.")
    entity(doc, "E1", "ACTOR", "طائرات التحالف", category="coalition", kb_id="actor:saudi_coalition")
    entity(doc, "E2", "ACTOR", "السعودية", category="government", kb_id="actor:saudi_arabia")
    entity(doc, "E3", "ACTOR", "الحوثيين", category="non_state_armed_group", kb_id="actor:houthis")
    entity(doc, "E4", "PLACE", "تعز")
    (ev,) = EVENTS(doc).events
    assert ev.agents == ["E1"] and ev.targets == ["E3"] and ev.places == ["E4"]
