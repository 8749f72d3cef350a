"""Each event's place and participants from its own clause (issue 8 item 4, args8), on composed
sentences with the real knowledge files: fire "from the direction of" a place came from there; a new
list item with a place phrase of its own is a new event place, unless that place holds the one before
or refers back to it; an actor after a number, a preposition or (a person) after a noun is no VSO
subject of the verb before it."""
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


def read(text: str, places: dict[str, str | None], actors: dict[str, str] | None = None,
         persons: tuple[str, ...] = (), events: Events = EVENTS, anaphors: tuple[str, ...] = ()):
    """The events of ``text`` with the given places (name → gazetteer id or None), state-force actors
    (name → kb id) and persons; entity ids are P1 …, A1 …, H1 … in that order."""
    doc = doc_of(text)
    for n, (name, kb) in enumerate((actors or {}).items(), 1):
        entity(doc, f"A{n}", "ACTOR", name, category="state_force", kb_id=kb)
    for n, name in enumerate(persons, 1):
        entity(doc, f"H{n}", "PERSON", name)
    for n, (name, kb) in enumerate(places.items(), 1):
        e = entity(doc, f"P{n}", "PLACE", name, kb_id=kb)
        for m in e.mentions:
            m.anaphor = name in anaphors
    return events(doc).events


# ---- fire from the direction of a place -------------------------------------------------------

def test_fire_from_the_direction_of_a_place_did_not_land_there():
    evs = read("قصفت قوات النظام من اتجاه بلدة كفرنبل، مستهدفة مواقع في حاس.",
               {"كفرنبل": "ocha:T1", "حاس": "ocha:T2"}, {"قوات النظام": "actor:saa"})
    assert [ev.places for ev in evs] == [["P2"]]
    assert "where the fire landed" in evs[0].extra["why"]["places"]["P2"]


def test_fire_towards_a_place_still_lands_there():
    evs = read("قصفت قوات النظام باتجاه بلدة كفرنبل.", {"كفرنبل": "ocha:T1"}, {"قوات النظام": "actor:saa"})
    assert [ev.places for ev in evs] == [["P1"]]
    assert "where the fire was aimed" in evs[0].extra["why"]["places"]["P1"]


# ---- a new list item with its own place phrase ------------------------------------------------

def test_a_new_item_with_its_own_place_phrase_is_a_second_event_place():
    evs = read("قصفت قوات النظام مقرا في بلدة كفرنبل، ومقار أخرى في بلدة حاس.",
               {"كفرنبل": "ocha:T1", "حاس": "ocha:T2"}, {"قوات النظام": "actor:saa"})
    assert [ev.places for ev in evs] == [["P1"], ["P2"]]
    assert "a new list item with a place phrase of its own" in evs[1].extra["why"]["places"]["P2"]
    assert "named after the trigger" in evs[0].extra["why"]["places"]["P1"]


def test_an_item_added_with_in_addition_to_is_a_second_event_place():
    evs = read("قصفت قوات النظام مقرا في بلدة كفرنبل، بالإضافة إلى تجمع في بلدة حاس.",
               {"كفرنبل": "ocha:T1", "حاس": "ocha:T2"}, {"قوات النظام": "actor:saa"})
    assert [ev.places for ev in evs] == [["P1"], ["P2"]]


def test_an_item_whose_place_holds_the_one_before_only_qualifies_it():
    # the governorate holds the village (the fake gazetteer's admin ids): it says where the village is
    evs = read("قصفت قوات النظام مقرا في المشيرفة، ومقار قريبة في إدلب.",
               {"المشيرفة": "ocha:C9001", "إدلب": "admin:SY07"}, {"قوات النظام": "actor:saa"},
               events=GEO_EVENTS)
    assert [ev.places for ev in evs] == [["P1"]]


def test_an_item_in_another_governorate_is_a_second_event_place():
    evs = read("قصفت قوات النظام مقرا في المشيرفة، ومقار أخرى في حماة.",
               {"المشيرفة": "ocha:C9001", "حماة": "admin:SY05"}, {"قوات النظام": "actor:saa"},
               events=GEO_EVENTS)
    assert [ev.places for ev in evs] == [["P1"], ["P2"]]


def test_an_item_at_a_place_that_refers_back_only_qualifies_it():
    evs = read("قصفت قوات النظام ثكنة هنانو، وفرع المرور داخل المدينة.",
               {"ثكنة هنانو": "ocha:T1", "المدينة": "ocha:T2"}, {"قوات النظام": "actor:saa"}, anaphors=("المدينة",))
    assert [ev.places for ev in evs] == [["P1"]]


def test_a_long_gap_after_and_opens_no_item():
    # the place after a whole second clause (واستخدامها … مؤكدا أن … في X) is no item of the list
    evs = read("قصفت قوات النظام بلدة كفرنبل، واستخدامها حوالي ألف عنصر، مؤكدا أن الأهمية تكمن في بلدة حاس.",
               {"كفرنبل": "ocha:T1", "حاس": "ocha:T2"}, {"قوات النظام": "actor:saa"})
    assert [ev.places for ev in evs] == [["P1"]]


# ---- no VSO subject past an object ------------------------------------------------------------

def test_persons_named_after_a_noun_are_the_ones_arrested():
    evs = read("واعتقل الجيش الشابين محمد أحمد وخالد علي في بلدة حاس.", {"حاس": "ocha:T1"},
               persons=("محمد أحمد", "خالد علي"))
    (ev,) = evs
    assert ev.type == "ARREST" and ev.agents == [] and set(ev.targets) == {"H1", "H2"}


def test_an_actor_after_a_number_is_the_object():
    evs = read("اعتقلت 10 عناصر من جبهة النصرة في بلدة حاس.", {"حاس": "ocha:T1"},
               {"جبهة النصرة": "actor:nusra"})
    (ev,) = evs
    assert ev.agents == [] and ev.targets == ["A1"]


def test_an_actor_right_after_the_verb_is_still_its_subject():
    evs = read("اعتقلت قوات النظام الشاب محمد أحمد في بلدة حاس.", {"حاس": "ocha:T1"},
               {"قوات النظام": "actor:saa"}, persons=("محمد أحمد",))
    (ev,) = evs
    assert ev.agents == ["A1"] and ev.targets == ["H1"]


def test_part_of_a_group_after_the_verb_is_still_its_subject():
    # من is no object gap word: مقاتلون من المعارضة are the ones who took the checkpoint
    evs = read("وسيطر مقاتلون من جبهة النصرة على حاجز في بلدة حاس.", {"حاس": "ocha:T1"},
               {"جبهة النصرة": "actor:nusra"})
    assert evs and all(ev.agents == ["A1"] for ev in evs)


def test_a_joined_phrase_after_a_protest_opens_no_item():
    # only acts of force list struck objects with their places; after a protest the phrase is another act
    evs = read("تظاهر آلاف الأشخاص في بلدة كفرنبل، وتمزيق نسخة أخرى في بلدة حاس.",
               {"كفرنبل": "ocha:T1", "حاس": "ocha:T2"})
    assert [ev.type for ev in evs] == ["PROTEST"] and [ev.places for ev in evs] == [["P1"]]


# ---- no doer carried over to a protest ----------------------------------------------------------

def test_a_protest_takes_no_agent_from_the_event_before():
    # the previous event's force is not who protests (18 of 20 blocked carries right on the news)
    evs = read("قصفت قوات النظام بلدة كفرنبل. وخرجت تظاهرات في بلدة حاس.",
               {"كفرنبل": "ocha:T1", "حاس": "ocha:T2"}, {"قوات النظام": "actor:saa"})
    assert [(ev.type, ev.agents) for ev in evs] == [("SHELLING", ["A1"]), ("PROTEST", [])]


def test_a_strike_still_takes_the_agent_from_the_event_before():
    evs = read("قصفت قوات النظام بلدة كفرنبل. واستهدفت بلدة حاس بالمدفعية.",
               {"كفرنبل": "ocha:T1", "حاس": "ocha:T2"}, {"قوات النظام": "actor:saa"})
    assert [ev.agents for ev in evs] == [["A1"], ["A1"]]
    assert "carried over" in evs[1].extra["why"]["agents"]["A1"]


def test_a_party_after_a_place_with_the_lam_qualifies_the_place_not_the_act():
    # round 23: استهداف قريتي X وY المواليتين لنظام الأسد: the villages are what is struck; the regime
    # they are loyal to is no genitive of the act, and the subject of the verb before it is its doer
    from hand_docs import parties_events
    from rasd.kb.resources import Resources
    from rasd.stages.events import Events
    stage = Events(Resources("/nonexistent-rasd-data"))
    evs = parties_events(stage, "واصل الثوار استهداف بلدة الفوعة الموالية للنظام بالمدفعية.",
                         {"E1": ("الثوار", "armed_group"), "E2": ("النظام", "state_force")}, "الفوعة")
    assert [e.type for e in evs] == ["SHELLING"] and evs[0].agents == ["E1"]

