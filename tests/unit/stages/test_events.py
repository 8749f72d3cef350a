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
