"""rasd.geo.candidates on a hand-made gazetteer: the point a compass part of a country stands for."""
from __future__ import annotations

from rasd.geo.candidates import country_part, region_part, region_place
from rasd.geo.regions import RegionTable
from rasd.kb.gazetteer import Gazetteer, Place

LAND = Place("world:xx", "بلد", "Land", 30.0, 40.0, "country", country="xx")
# ten towns spread evenly 4 degrees north-south and 6 east-west around the country's point
TOWNS = [Place(f"world:xx-{k}", f"بلدة{k}", f"Town {k}", 28.0 + 4 * k / 9, 37.0 + 6 * k / 9, "city", country="xx")
         for k in range(10)]


def gazetteer(places) -> Gazetteer:
    return Gazetteer({p.id: p for p in places}, [(p.name_ar, p.id) for p in places])


def test_the_east_of_a_country_is_where_its_eastern_towns_lie_and_keeps_its_id():
    p, why = country_part(LAND, "east", gazetteer([LAND, *TOWNS]))
    # towns 5-9 lie east of the point; the farther half (7, 8, 9) has its median at town 8
    assert p.id == LAND.id and (p.lat, p.lon) == (round(TOWNS[8].lat, 2), round(TOWNS[8].lon, 2))
    assert "east" in why and "5 known places" in why and "median" in why


def test_a_part_follows_the_towns_not_the_middle_of_the_land():
    # a desert country whose towns all lie along its northern coast: its east is on that coast
    coast = [Place(f"world:xx-c{k}", f"ساحل{k}", f"Coast {k}", 32.0, 36.0 + k, "city", country="xx") for k in range(9)]
    p, _ = country_part(LAND, "east", gazetteer([LAND, *coast]))
    assert p.lat == 32.0 and p.lon > LAND.lon


def test_with_too_few_towns_on_that_side_the_point_moves_by_half_the_spread():
    # no town lies both north and west of the point: the rule before it (half the middle spread)
    p, why = country_part(LAND, "north-west", gazetteer([LAND, *TOWNS]))
    assert p.lat > LAND.lat and p.lon < LAND.lon and "half the spread" in why


def test_too_few_known_places_keep_the_country_point_and_say_so():
    p, why = country_part(LAND, "north", gazetteer([LAND, *TOWNS[:3]]))
    assert (p.lat, p.lon) == (LAND.lat, LAND.lon) and "too few" in why


def test_a_region_phrase_from_a_country_goes_through_country_part():
    gaz = gazetteer([LAND, *TOWNS])
    p, why = region_place({"base_ids": [LAND.id], "direction": "south"}, gaz, None, RegionTable({}, {}))
    assert p.lat < LAND.lat and p.id == LAND.id and why.startswith("the south of Land")


def test_heading_between_two_points():
    from rasd.geo.candidates import heading
    north = Place("world:yy", "بلد آخر", "Other", 38.0, 40.0, "country", country="yy")
    assert heading(LAND, north) == "north" and heading(north, LAND) == "south"
    north_west = Place("world:zz", "بلد ثالث", "Third", 34.0, 35.0, "country", country="zz")
    assert heading(LAND, north_west) == "north-west"


def test_a_border_is_placed_between_the_parts_of_the_two_states_that_face_each_other():
    from rasd.geo.candidates import border_place
    # a second country north of LAND, its towns spread along the same line further north
    other = Place("world:yy", "بلد آخر", "Other", 40.0, 40.0, "country", country="yy")
    towns = [Place(f"world:yy-{k}", f"قرية{k}", f"Village {k}", 36.0 + k, 40.0, "city", country="yy") for k in range(8)]
    p, why = border_place(LAND, other, gazetteer([LAND, other, *TOWNS, *towns]))
    north_of_land, _ = country_part(LAND, "north", gazetteer([LAND, *TOWNS]))
    south_of_other, _ = country_part(other, "south", gazetteer([other, *towns]))
    assert p.lat == round((north_of_land.lat + south_of_other.lat) / 2, 2)
    assert north_of_land.lat < p.lat < south_of_other.lat
    assert "Land" in p.name_en and "Other" in p.name_en and "face each other" in why


def test_a_country_with_provinces_is_told_by_them_not_by_its_crowded_villages():
    # five provinces spread over the land, and forty villages crowded in the far north-east
    provinces = [Place(f"admin:XX{k}", f"محافظة{k}", f"Province {k}", lat, lon, "governorate", country="xx")
                 for k, (lat, lon) in enumerate([(31.0, 42.0), (29.0, 42.5), (31.0, 38.0), (29.0, 37.5), (30.0, 40.0)])]
    villages = [Place(f"ocha:X{k}", f"قرية{k}", f"Village {k}", 33.0, 44.0 + k / 100, "locality", country="xx")
                for k in range(40)]
    p, why = country_part(LAND, "east", gazetteer([LAND, *provinces, *villages]))
    assert (p.lat, p.lon) == (30.0, 42.25) and "2 known provinces" in why   # both eastern provinces


def test_country_part_from_the_kept_grouping_equals_the_gazetteer_scan():
    from rasd.geo.candidates import border_place, country_places
    other = Place("world:yy", "بلد آخر", "Other", 40.0, 40.0, "country", country="yy")
    towns = [Place(f"world:yy-{k}", f"قرية{k}", f"Village {k}", 39.0 + k / 4, 38.0 + k / 2, "locality", country="yy")
             for k in range(8)]
    gaz = gazetteer([LAND, other, *TOWNS, *towns])
    grouped = country_places(gaz)
    assert sorted(grouped) == ["xx", "yy"] and grouped["xx"] == TOWNS      # gazetteer order, no countries
    for direction in ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west",
                      "middle"):
        for country in (LAND, other):
            assert country_part(country, direction, gaz, grouped) == country_part(country, direction, gaz)
    assert border_place(LAND, other, gaz, grouped) == border_place(LAND, other, gaz)
    info = {"base_ids": [LAND.id], "direction": "south"}
    assert region_place(info, gaz, None, RegionTable({}, {}), grouped) == \
        region_place(info, gaz, None, RegionTable({}, {}))


def test_country_parts_are_kept_with_the_grouping_and_answer_as_worked_out():
    """country_part keeps its answers with the grouping it reads (CountryPlaces.parts): a second ask
    is the kept answer, equal to the one worked out without the grouping."""
    from rasd.geo.candidates import country_places
    gaz = gazetteer([LAND, *TOWNS])
    grouped = country_places(gaz)
    first = country_part(LAND, "east", gaz, grouped)
    assert grouped.parts == {(LAND, "east"): first}
    assert country_part(LAND, "east", gaz, grouped) is first
    assert first == country_part(LAND, "east", gaz)
    assert country_part(LAND, None, gaz, grouped) == country_part(LAND, None, gaz) and len(grouped.parts) == 2


def test_the_word_gate_answers_as_the_three_tests_it_stands_for():
    """word_gate computes a reading's canon once for the named-region and gazetteer first-word
    tests: its answer is the old formula's on names behind proclitics, ية/يا spellings and other words."""
    from types import SimpleNamespace

    from rasd.arabic.clitics import readings
    from rasd.geo.candidates import word_gate

    places = [Place("sy:1", "كفرية", "Kafriya", 35.0, 36.0, "locality"),
              Place("sy:2", "الحمراء", "Hamra", 35.1, 36.1, "locality"),
              Place("sy:3", "تل الخنزير", "Tall", 35.2, 36.2, "locality")]
    gaz = gazetteer(places)
    cues = SimpleNamespace(heads=frozenset({"ريف", "شمال"}))
    named = {"غوطه شرقيا": None, "سهل غاب": None}   # index keys (canon) of named regions
    firsts = {k.split(" ", 1)[0] for k in named}

    def old(key: str) -> bool:
        rs = readings(key)
        return any(gaz.canon(f) in firsts for _, f in rs) or not cues.heads.isdisjoint(f for _, f in rs) \
            or any(len(f) >= 3 and gaz.may_start(f) for _, f in rs)

    opens = word_gate(gaz, cues, named)
    words = ["كفريه", "وكفريا", "بالحمرا", "الحمراء", "تل", "وتل", "بريف", "شمال", "الغوطه", "والغوطه",
             "سهل", "قصف", "مدينه", "هو", "ب", "الكفريه"]
    assert [opens(w) for w in words] == [old(w) for w in words]
    assert opens("وكفريا") and opens("بريف") and opens("والغوطه") and not opens("قصف")


STRIP = Place("world:xx-strip", "شريط", "Strip", 31.42, 34.38, "region", country="xx")
# eight towns of the region (admin1 its Arabic name), four north of its point and four south
STRIP_TOWNS = [Place(f"world:xx-s{k}", f"بلدة{k}", f"Strip town {k}", lat, 34.4, "city", admin1="شريط", country="xx")
               for k, lat in enumerate((31.45, 31.5, 31.53, 31.55, 31.38, 31.34, 31.29, 31.25))]


def test_the_north_of_a_world_region_is_where_its_northern_towns_lie_and_keeps_its_id():
    p, why = region_part(STRIP, "north", gazetteer([STRIP, *STRIP_TOWNS]))
    assert p.id == STRIP.id and p.lat > 31.5 and why.startswith("the north of Strip")


def test_a_region_part_needs_towns_of_that_region_on_that_side():
    outside = [Place(f"world:xx-o{k}", f"قرية{k}", f"Other {k}", 31.6 + k / 10, 34.4, "city", country="xx")
               for k in range(4)]   # north of the point, but not in the region (no admin1)
    assert region_part(STRIP, "north", gazetteer([STRIP, *outside])) is None
    p, why = region_place({"base_ids": [STRIP.id], "direction": "north"}, gazetteer([STRIP, *outside]), None,
                          RegionTable({}, {}))
    assert p == STRIP and why.startswith("surroundings of Strip")


def test_a_region_phrase_from_a_world_region_goes_through_region_part():
    gaz = gazetteer([STRIP, *STRIP_TOWNS])
    p, why = region_place({"base_ids": [STRIP.id], "direction": "south"}, gaz, None, RegionTable({}, {}))
    assert p.lat < 31.34 and p.id == STRIP.id and why.startswith("the south of Strip")
