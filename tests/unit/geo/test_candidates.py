"""rasd.geo.candidates on a hand-made gazetteer: the point a compass part of a country stands for."""
from __future__ import annotations

from rasd.geo.candidates import country_part, region_place
from rasd.geo.regions import RegionTable
from rasd.kb.gazetteer import Gazetteer, Place

LAND = Place("world:xx", "بلد", "Land", 30.0, 40.0, "country", country="xx")
# ten towns spread evenly 4 degrees north-south and 6 east-west around the country's point
TOWNS = [Place(f"world:xx-{k}", f"بلدة{k}", f"Town {k}", 28.0 + 4 * k / 9, 37.0 + 6 * k / 9, "city", country="xx")
         for k in range(10)]


def gazetteer(places) -> Gazetteer:
    return Gazetteer({p.id: p for p in places}, [(p.name_ar, p.id) for p in places])


def test_the_east_of_a_country_lies_east_of_its_point_and_keeps_its_id():
    p, why = country_part(LAND, "east", gazetteer([LAND, *TOWNS]))
    assert p.id == LAND.id and p.lat == LAND.lat and 42.0 <= p.lon <= 43.0   # half the middle 80 % spread
    assert "east" in why and "10 known places" in why


def test_a_diagonal_moves_both_ways():
    p, _ = country_part(LAND, "north-west", gazetteer([LAND, *TOWNS]))
    assert p.lat > LAND.lat and p.lon < LAND.lon


def test_too_few_known_places_keep_the_country_point_and_say_so():
    p, why = country_part(LAND, "north", gazetteer([LAND, *TOWNS[:3]]))
    assert (p.lat, p.lon) == (LAND.lat, LAND.lon) and "too few" in why


def test_a_region_phrase_from_a_country_goes_through_country_part():
    gaz = gazetteer([LAND, *TOWNS])
    p, why = region_place({"base_ids": [LAND.id], "direction": "south"}, gaz, None, RegionTable({}, {}))
    assert p.lat < LAND.lat and p.id == LAND.id and why.startswith("the south of Land")
