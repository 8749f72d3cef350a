"""A dual anaphor (القريتين، البلدتين) refers back to two places (the place_context stage gives the word a
mention of each): two event places, one event each (ontology.md), not a place and its qualifier."""
from __future__ import annotations

from hand_docs import doc_of, entity, mention

from rasd.kb.resources import Resources
from rasd.stages.events import Events
from rasd.stages.events.places import Places

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def read(text: str, dual: str | None):
    """The events of ``text`` with the places كفرنبل (P1) and حاس (P2), the state force قوات النظام, and,
    when ``dual`` is given, that word as an anaphor mention of both places."""
    doc = doc_of(text)
    entity(doc, "A1", "ACTOR", "قوات النظام", category="state_force", kb_id="actor:saa")
    places = [entity(doc, "P1", "PLACE", "كفرنبل"), entity(doc, "P2", "PLACE", "حاس")]
    if dual:
        for e in places:
            m = mention(doc, dual, "PLACE", 0)
            m.entity, m.anaphor = e.id, True
            e.mentions.append(m)
            doc.mentions = sorted(doc.mentions + [m], key=lambda x: x.start)
    return EVENTS(doc).events


def test_a_dual_anaphor_gives_one_event_per_place_it_refers_to():
    evs = read("انسحب المقاتلون من كفرنبل وحاس، ثم قصفت قوات النظام القريتين بالمدفعية.", "القريتين")
    shelling = [ev for ev in evs if ev.type == "SHELLING"]
    assert sorted(p for ev in shelling for p in ev.places) == ["P1", "P2"]
    assert len(shelling) == 2
    why = next(ev.extra["why"]["places"] for ev in shelling if ev.places == ["P2"])
    assert "dual anaphor 'القريتين'" in why["P2"] and "one event per place" in why["P2"]


def test_only_two_anaphor_mentions_of_one_word_and_two_places_are_a_dual():
    doc = doc_of("قصفت قوات النظام كفرنبل والقريتين.")
    a, b = (mention(doc, "القريتين", "PLACE", 0, anaphor=True, entity=x) for x in ("P1", "P2"))
    named = mention(doc, "كفرنبل", "PLACE", 0, entity="P2")
    assert Places.dual_anaphor(a, b)
    assert not Places.dual_anaphor(a, a)                   # one place twice
    assert not Places.dual_anaphor(named, b)               # a named place before an anaphor: a list, read as one
