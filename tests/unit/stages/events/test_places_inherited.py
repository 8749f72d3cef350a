"""An act whose own clause names no place inherits the place of the act its clause goes on from, by the
same doers, in the same sentence (rasd/stages/events/places.py inherited_places) — on hand-built Docs
with the real knowledge files."""
from __future__ import annotations

from hand_docs import actors_and_places

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def read(text: str, places: list[str], actors: tuple[str, ...] = ("قوات النظام",)):
    doc = actors_and_places(text, actors, places)
    return {e.type: e for e in EVENTS(doc).events}


def test_an_arrest_after_a_shelling_by_the_same_doers_is_where_the_shelling_was():
    evs = read("قصفت قوات النظام بلدة كفرنبل واعتقلت عشرة شبان.", ["كفرنبل"])
    assert evs["SHELLING"].places == ["E2"]
    assert evs["ARREST"].places == ["E2"]
    assert "inherited from the act its clause goes on from" in evs["ARREST"].extra["why"]["places"]["E2"]


def test_an_abduction_with_a_dropped_subject_goes_on_from_the_raid_before_it():
    evs = read("اقتحمت قوات النظام بلدة كفرنبل واختطفت عشرة شبان.", ["كفرنبل"])
    assert evs["ABDUCTION"].places == ["E2"]


def test_another_doer_named_in_the_clause_inherits_no_place():
    evs = read("قصفت قوات النظام بلدة كفرنبل واعتقلت جبهة النصرة عشرة شبان.", ["كفرنبل"],
               actors=("قوات النظام", "جبهة النصرة"))
    assert evs["SHELLING"].places == ["E3"]
    assert "ARREST" not in evs or evs["ARREST"].places == []


def test_a_meeting_inherits_no_place_from_an_act_of_force():
    evs = read("قصفت قوات النظام بلدة كفرنبل واجتمعت مع الوفد.", ["كفرنبل"])
    assert evs["MEETING"].places == []


def test_an_arrest_its_own_clause_places_keeps_its_own_place():
    evs = read("قصفت قوات النظام بلدة كفرنبل واعتقلت عشرة شبان في بلدة حاس.", ["كفرنبل", "حاس"])
    assert evs["ARREST"].places == ["E3"]
    assert "inherited" not in evs["ARREST"].extra["why"]["places"]["E3"]


def test_a_strike_that_inherits_the_place_of_the_fighting_before_it_is_still_part_of_it():
    evs = read("اشتبكت قوات النظام مع جبهة النصرة في بلدة كفرنبل، وقصفت بالمدفعية.", ["كفرنبل"],
               actors=("قوات النظام", "جبهة النصرة"))
    assert evs["ARMED_CLASH"].places == ["E3"]
    assert "SHELLING" not in evs
