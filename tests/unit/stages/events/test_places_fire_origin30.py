"""Fire told from an origin towards an object named farther on (round 30, args30): the place after the
object is where the fire was aimed (rasd/stages/events/places.py aimed_past_origin, aimed_between), not
the origin after من — on hand-built Docs with the real knowledge files."""
from __future__ import annotations

from test_event_places import places_of, read

COUNTRY = {"lat": 33.9, "lon": 35.9, "precision": 3, "feature": "country", "why": "hand-built country"}
REGION = {"lat": 32.9, "lon": 35.4, "precision": 3, "feature": "region", "why": "hand-built region"}


def test_fire_from_a_country_towards_an_object_in_a_region_is_placed_in_the_region():
    evs = read("أطلقت قوات النظام صاروخا من لبنان في اتجاه موقع للجيش في الجليل.", ["لبنان", "الجليل"],
               geo={"لبنان": COUNTRY, "الجليل": REGION})
    assert places_of(evs) == [["E3"]]


def test_two_aimed_objects_each_with_its_place_are_two_places():
    evs = read("أطلقت قوات النظام صواريخ من لبنان باتجاه هدفين عسكريين، الأول في محيط موقع الضهيرة، "
               "والثاني في الجليل.", ["لبنان", "الضهيرة", "الجليل"],
               geo={"لبنان": COUNTRY, "الجليل": REGION})
    got = places_of(evs)
    assert ["E3"] in got and ["E4"] in got and all("E2" not in p for p in got)


def test_from_the_direction_of_a_place_is_still_the_origin():
    # من اتجاه X: where the fire came from; the place it landed after في stays the event's
    evs = read("أطلقت قوات النظام صواريخ من اتجاه لبنان على مواقع في الجليل.", ["لبنان", "الجليل"],
               geo={"لبنان": COUNTRY, "الجليل": REGION})
    assert all("E2" not in p for p in places_of(evs))


def test_a_place_after_min_with_no_direction_word_is_not_taken_for_an_origin():
    # no direction word between the two places: the rule does not read an origin
    evs = read("قصفت قوات النظام مواقع قريبة من بلدة كفرزيتا في ريف حماة.", ["كفرزيتا", "ريف حماة"])
    assert places_of(evs) and places_of(evs)[0][0] == "E2"


def test_fire_from_a_country_onto_a_place_is_placed_where_it_fell():
    # من X على Y: the preposition of fire's target after its origin (triggers.yaml fire_target_prepositions)
    evs = read("أطلقت قوات النظام صواريخ من لبنان على بلدة كفرزيتا.", ["لبنان", "كفرزيتا"],
               geo={"لبنان": COUNTRY})
    assert places_of(evs) == [["E3"]]


def test_a_place_near_which_fire_fell_is_no_origin():
    # بالقرب من X على Y: a distance point (triggers.yaml origin_proximity), X stays the event's place
    evs = read("قصفت قوات النظام مواقع بالقرب من بلدة كفرزيتا على طريق اللطامنة.", ["كفرزيتا", "اللطامنة"])
    assert places_of(evs) and places_of(evs)[0][0] == "E2"
