"""Which places are an event's (rasd/stages/events/places.py): list items split on quoted names and on
و + a settlement, site or edge noun or a place preposition; a region-headed chain placed at its finer
settlement; a clause of place (حيث) at the place right before it — on hand-built Docs with the real
knowledge files."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)
REGION = {"lat": 35.8, "lon": 36.6, "precision": 3, "feature": "region", "why": "hand-built region"}
GOVERNORATE = {"lat": 35.8, "lon": 36.6, "precision": 3, "feature": "governorate", "why": "hand-built governorate"}


def read(text: str, places: list[str], actor: str = "قوات النظام", geo: dict | None = None, cue: dict | None = None,
         region: dict | None = None, unknown: tuple = ()):
    """The events of ``text`` with one state-force actor and the given places (E2, E3 …)."""
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", actor, category="state_force", kb_id="actor:saa")
    for n, name in enumerate(places, 2):
        kb = None if name in unknown else f"ocha:T{n}"
        e = entity(doc, f"E{n}", "PLACE", name, geo=(geo or {}).get(name), kb_id=kb)
        for m in e.mentions:
            m.cue = (cue or {}).get(name)
            m.region = (region or {}).get(name)
    return EVENTS(doc).events


def places_of(events) -> list[list[str]]:
    return [ev.places for ev in events]


# ---- lists of places ---------------------------------------------------------------------------

def test_a_quoted_name_after_and_is_a_second_place():
    evs = read('استهدفت قوات النظام مواقع العاصي و"بركة ريشا".', ["العاصي", "بركة ريشا"])
    assert places_of(evs) == [["E2"], ["E3"]]


def test_a_place_after_its_container_still_qualifies_it():
    evs = read("قصفت قوات النظام بلدة كفرنبل في ريف إدلب.", ["كفرنبل", "ريف إدلب"])
    assert places_of(evs) == [["E2"]]
    assert "only qualifies it" in evs[0].extra["why"]["places"]["E2"]


def test_and_with_an_edge_noun_opens_the_next_item():
    evs = read("قصفت قوات النظام أطراف بلدة كفرنبل في القطاع الشرقي، ومحيط بلدة حاس.", ["كفرنبل", "حاس"])
    assert places_of(evs) == [["E2"], ["E3"]]


def test_and_with_a_site_noun_inside_the_gap_opens_the_next_item():
    evs = read("استهدفت قوات النظام قاعدة التنف وقواعد أخرى في محيط مخيم الركبان.", ["التنف", "مخيم الركبان"])
    assert places_of(evs) == [["E2"], ["E3"]]


def test_an_edge_noun_with_the_article_opens_no_item():
    # والمحيط الهندي is the ocean, not the edge of a place: what follows is the destination
    evs = read("استهدفت قوات النظام سفنا في البحر الأحمر والمحيط الهندي المتجهة إلى ميناء حيفا.", ["البحر الأحمر", "حيفا"])
    assert places_of(evs) == [["E2"]]


def test_a_destination_after_the_opening_word_is_no_item():
    evs = read("هاجمت قوات النظام بلدة كفرنبل ومواقع باتجاه بلدة حاس.", ["كفرنبل", "حاس"])
    assert places_of(evs) == [["E2"]]


def test_a_word_that_only_starts_with_waw_opens_no_item():
    # وسط is "the middle of", not و + a place noun: the second place still qualifies the first
    evs = read("قصفت قوات النظام حي الميدان وسط دمشق.", ["الميدان", "دمشق"])
    assert places_of(evs) == [["E2"]]


def test_and_with_a_place_preposition_opens_the_next_item():
    evs = read("قصفت قوات النظام منطقة الأغوات في حي غويران، وفي حي الزهور.", ["غويران", "الزهور"])
    assert places_of(evs) == [["E2"], ["E3"]]


def test_and_in_followed_by_other_words_opens_no_item():
    evs = read("قصفت قوات النظام بلدة كفرنبل، وفي الأثناء دخلت إلى حاس.", ["كفرنبل", "حاس"])
    assert ["E3"] not in places_of(evs)


# ---- the finest place of a chain ---------------------------------------------------------------

def test_a_governorate_head_gives_way_to_a_settlement_with_its_type_word():
    evs = read("قصفت قوات النظام مواقع في محافظة إدلب، في محيط قرية كفرنبل.", ["محافظة إدلب", "قرية كفرنبل"],
               geo={"محافظة إدلب": GOVERNORATE}, cue={"قرية كفرنبل": "قرية"})
    assert places_of(evs) == [["E3"]]
    assert "most specific place" in evs[0].extra["why"]["places"]["E3"]


def test_a_name_the_gazetteer_lacks_after_a_governorate_only_qualifies_it():
    # an open-vocabulary name after a type word may be a common noun (منطقة مترامية)
    evs = read("قصفت قوات النظام مواقع في محافظة إدلب، في محيط قرية كفرنبل.", ["محافظة إدلب", "قرية كفرنبل"],
               geo={"محافظة إدلب": GOVERNORATE}, cue={"قرية كفرنبل": "قرية"}, unknown=("قرية كفرنبل",))
    assert places_of(evs) == [["E2"]]


def test_a_bare_name_after_a_governorate_only_qualifies_it():
    evs = read("قصفت قوات النظام مواقع في محافظة إدلب، في محيط كفرنبل.", ["محافظة إدلب", "كفرنبل"],
               geo={"محافظة إدلب": GOVERNORATE})
    assert places_of(evs) == [["E2"]]


def test_the_side_of_a_settlement_is_no_broad_head():
    # شرق مخيم X is a region phrase (precision 3) but narrower than the city that qualifies it
    evs = read("قصفت قوات النظام مواقع شرق مخيم المغازي في مدينة غزة.", ["شرق مخيم المغازي", "مدينة غزة"],
               geo={"شرق مخيم المغازي": REGION}, cue={"مدينة غزة": "مدينة"},
               region={"شرق مخيم المغازي": {"direction": "east", "base_ids": ["world:ps-maghazi"]}})
    assert places_of(evs) == [["E2"]]


def test_the_compass_part_of_a_country_is_a_broad_head():
    evs = read("قصفت قوات النظام مواقع شمال شرقي سوريا في مدينة الحسكة.", ["شمال شرقي سوريا", "مدينة الحسكة"],
               geo={"شمال شرقي سوريا": REGION}, cue={"مدينة الحسكة": "مدينة"},
               region={"شمال شرقي سوريا": {"direction": "north-east", "base_ids": ["world:sy"]}})
    assert places_of(evs) == [["E3"]]


# ---- a clause of place ---------------------------------------------------------------------------

def test_a_clause_opened_by_where_is_at_the_place_before_it():
    evs = read("وتواصلت العمليات في مدينة سجنان، حيث اعتقلت قوات النظام ثلاثة أشخاص.", ["مدينة سجنان"])
    arrests = [ev for ev in evs if ev.type == "ARREST"]
    assert arrests and arrests[0].places == ["E2"]
    assert "clause of place" in arrests[0].extra["why"]["places"]["E2"]


def test_where_after_other_words_takes_no_place():
    evs = read("وتواصلت العمليات في مدينة سجنان وذلك عن طريق الوسطاء، حيث اعتقلت قوات النظام ثلاثة أشخاص.",
               ["مدينة سجنان"])
    arrests = [ev for ev in evs if ev.type == "ARREST"]
    assert arrests and arrests[0].places == []


# ---- the outskirts of a place (round 24, miss24) -----------------------------------------------

def test_an_act_on_the_outskirts_of_a_town_is_placed_at_the_town():
    # على مشارف X، على تخوم X: the act is at X's edge, not aimed at X (triggers.yaml destination_markers)
    for edge in ("مشارف", "تخوم"):
        evs = read(f"هاجمت قوات النظام حاجزا للمعارضة على {edge} بلدة كفرزيتا.", ["كفرزيتا"])
        assert places_of(evs) == [["E2"]]


def test_a_place_reached_is_still_a_destination():
    evs = read("تقدمت قوات النظام إلى بلدة كفرزيتا بعد اشتباكات في اللطامنة.", ["كفرزيتا", "اللطامنة"])
    assert all("E2" not in p for p in places_of(evs))
