"""An act whose own clause names no place took place at the first place of the clause right after it that
a scene word opens (بعد، وذلك: rasd/stages/events/places.py scene_places, triggers.yaml scene_breaks and
scene_stops) — on hand-built Docs with the real knowledge files and composed sentences."""
from __future__ import annotations

from hand_docs import actors_and_places

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def read(text: str, places: list[str], typ: str, actors: tuple[str, ...] = ("قوات الأمن",)):
    doc = actors_and_places(text, actors, places, categories=("state_force", "armed_group"))
    return [e for e in EVENTS(doc).events if e.type == typ]


def test_an_arrest_after_a_raid_on_a_house_is_where_the_house_is():
    evs = read("اعتقلت قوات الأمن الشاب سامر بعد مداهمة منزله في بلدة كفرزيتا شمال المدينة.", ["كفرزيتا"], "ARREST")
    assert [e.places for e in evs] == [["E2"]]
    assert "scene_breaks" in evs[0].extra["why"]["places"]["E2"]


def test_a_blast_told_then_placed_by_wadhalika_during_a_sweep():
    evs = read("انفجرت عبوة ناسفة بدورية لقوات الأمن، وذلك أثناء تمشيط الوحدات أحياء مدينة تلكلخ.",
               ["تلكلخ"], "BOMBING")
    assert ["E2"] in [e.places for e in evs]


def test_a_span_of_time_after_the_scene_word_gives_no_place():
    evs = read("اعتقلت قوات الأمن الشاب سامر بعد يومين من الهجوم على مخفر في بلدة كفرزيتا.", ["كفرزيتا"], "ARREST")
    assert evs and all("scene_breaks" not in str(e.extra["why"]["places"]) for e in evs)   # read, unplaced by it


def test_a_frame_after_wadhalika_gives_no_place():
    evs = read("واصلت قوات الأمن اعتقال المطلوبين، وذلك في إطار حملتها على الخلايا في بلدة كفرزيتا.", ["كفرزيتا"],
               "ARREST")
    assert evs and all("scene_breaks" not in str(e.extra["why"]["places"]) for e in evs)   # read, unplaced by it


def test_a_place_of_its_own_clause_wins():
    evs = read("اعتقلت قوات الأمن الشاب سامر في بلدة حلفايا بعد مداهمة منزله في بلدة كفرزيتا.",
               ["حلفايا", "كفرزيتا"], "ARREST")
    evs = [e for e in evs if e.trigger[0] == 0]   # the arrest, not the raid's own event
    assert [e.places for e in evs] == [["E2"]]
    assert "scene_breaks" not in evs[0].extra["why"]["places"]["E2"]


def test_not_across_a_comma_inside_the_scene_clause():
    evs = read("اعتقلت قوات الأمن الشاب سامر بعد مداهمة منزله، كما قصفت المدفعية بلدة كفرزيتا.", ["كفرزيتا"], "ARREST")
    assert evs and all("scene_breaks" not in str(e.extra["why"]["places"]) for e in evs)   # read, unplaced by it


def test_not_for_a_meeting():
    evs = read("التقى وفد قوات الأمن بالوجهاء بعد وصوله إلى بلدة كفرزيتا.", ["كفرزيتا"], "MEETING")
    assert evs and all("scene_breaks" not in str(e.extra["why"]["places"]) for e in evs)   # read, unplaced by it
