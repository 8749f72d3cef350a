"""A toll's place is not a person's home town (prec12): in "زفّت المقاومة الشهيد X من بلدة Y" the place after
the origin word that follows the person's name tells where X is from; the toll takes the sentence's next
place, or none. Each with its control case."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def toll(text: str, person: str | None, places: list[str]):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "المقاومة", category="non_state")
    if person:
        entity(doc, "E2", "PERSON", person)
    for n, p in enumerate(places):
        entity(doc, f"P{n}", "PLACE", p)
    return [e for e in EVENTS(doc).events if e.type == "CASUALTIES"]


def test_a_martyrs_home_town_is_no_place_of_his_death():
    (ev,) = toll("زفت المقاومة الشهيد حسن بديع عاشور من شقرا في جنوب لبنان.", "حسن بديع عاشور",
                 ["شقرا", "جنوب لبنان"])
    assert ev.places == ["P1"]
    (ev,) = toll('زفت المقاومة الشهيد أحمد عبود "زين العابدين" من شقرا.', "أحمد عبود", ["شقرا"])
    assert ev.places == []


def test_control_a_place_after_min_with_no_person_before_it_is_the_tolls():
    (ev,) = toll("قتل 3 عناصر من المقاومة في شقرا.", None, ["شقرا"])
    assert ev.places == ["P0"]
