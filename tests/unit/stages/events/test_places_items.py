"""One event per place of a list and the places of the trigger's own predication (issue 8 item 4,
args9), on composed sentences with the real knowledge files: any place type word the place finder
knows (open_places.yaml), joined by و, opens a new list item and so a new event place, unless the
item is the area that holds the place before or a region name; a complementizer after the trigger
(مشيراً أنّ …) ends the span its places are read from."""
from __future__ import annotations

from geo_fake import fake_gazetteer
from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)
GEO_RES = Resources("/nonexistent-rasd-data")
GEO_RES._built["gazetteer"] = fake_gazetteer()   # the miniature gazetteer of the geo tests
GEO_EVENTS = Events(GEO_RES)
SAA = {"قوات النظام": "actor:saa"}


def read(text: str, places: dict[str, str | None], events: Events = EVENTS, geo: dict | None = None):
    """The events of ``text`` with the given places (name → gazetteer id or None) and the state force
    قوات النظام; place entity ids are P1 … in that order, actor A1; ``geo`` gives an entity its geo."""
    doc = doc_of(text)
    for n, (name, kb) in enumerate(SAA.items(), 1):
        entity(doc, f"A{n}", "ACTOR", name, category="state_force", kb_id=kb)
    for n, (name, kb) in enumerate(places.items(), 1):
        e = entity(doc, f"P{n}", "PLACE", name, kb_id=kb)
        if geo and name in geo:
            e.geo = geo[name]
    return events(doc).events


# ---- a place type word joined by و opens a new list item ------------------------------------------

def test_a_feature_type_word_joined_by_and_opens_a_second_event_place():
    evs = read("قصفت قوات النظام أطراف بلدة كفرنبل ومرتفعات حاس.", {"كفرنبل": None, "حاس": None})
    assert [ev.places for ev in evs] == [["P1"], ["P2"]]
    why = evs[1].extra["why"]["places"]["P2"]
    assert "a new list item opened by the place type word" in why and "one event per place" in why


def test_a_facility_type_word_joined_by_and_opens_a_second_event_place():
    evs = read("قصفت قوات النظام مقرا في كفرنبل ومعسكر حاس.", {"كفرنبل": None, "حاس": None})
    assert [ev.places for ev in evs] == [["P1"], ["P2"]]


def test_an_ordinary_noun_joined_by_and_still_only_qualifies_the_place_before():
    # not a type word of the place finder: the second place stays in the first one's chain
    evs = read("قصفت قوات النظام مقرا في كفرنبل وأهالي حاس.", {"كفرنبل": None, "حاس": None})
    assert [ev.places for ev in evs] == [["P1"]]


def test_a_type_word_before_a_region_name_opens_no_item():
    # جزيرة الأنبار: a type word before a governorate's name makes a name of its own, not a list item
    evs = read("قصفت قوات النظام مقرا في كفرنبل وجزيرة حاس.", {"كفرنبل": None, "حاس": None},
               geo={"حاس": {"precision": 3, "feature": "governorate"}})
    assert [ev.places for ev in evs] == [["P1"]]


def test_a_type_word_item_that_holds_the_place_before_only_qualifies_it():
    # the governorate holds the village (the fake gazetteer's admin ids)
    evs = read("قصفت قوات النظام مقرا في المشيرفة وناحية إدلب.",
               {"المشيرفة": "ocha:C9001", "إدلب": "admin:SY07"}, events=GEO_EVENTS)
    assert [ev.places for ev in evs] == [["P1"]]


# ---- a complementizer after the trigger ends its places --------------------------------------------

def test_a_place_in_the_content_after_a_complementizer_is_not_the_acts():
    evs = read("قصفت قوات النظام بلدة كفرنبل، مشيرة إلى أن صفارات الإنذار دوت في حاس.",
               {"كفرنبل": None, "حاس": None})
    assert [ev.places for ev in evs] == [["P1"]]
    # with no place of its own before the complementizer, the act takes none from the content
    evs = read("قصفت قوات النظام مواقع المعارضة، مشيرة إلى أن صفارات الإنذار دوت في حاس.", {"حاس": None})
    assert "P1" not in [p for ev in evs for p in ev.places]


def test_the_places_before_the_complementizer_are_still_read():
    # وبلدة: the ب is the type word's own letter, not "and in" (the وب guard of conjunct_noun)
    evs = read("قصفت قوات النظام بلدة كفرنبل وبلدة حاس، مؤكدة أن القصف مستمر.", {"كفرنبل": None, "حاس": None})
    assert [ev.places for ev in evs] == [["P1"], ["P2"]]


# ---- a destination marker before the trigger governs the act, not its place ----------------------

def test_a_destination_marker_before_the_trigger_leaves_the_place_after_it():
    # إلى governs استهداف (the act added), not حاس: حاس is where the second strike was
    evs = read("استهدفت قوات النظام بلدة كفرنبل، بالإضافة إلى استهداف حاس بالصواريخ.",
               {"كفرنبل": None, "حاس": None})
    assert [ev.places for ev in evs] == [["P1"], ["P2"]]


def test_a_destination_marker_between_the_trigger_and_the_place_still_excludes_it():
    evs = read("قصفت قوات النظام بلدة كفرنبل قبل انسحابها إلى بلدة حاس.", {"كفرنبل": None, "حاس": None})
    assert "P2" not in [p for ev in evs for p in ev.places]
