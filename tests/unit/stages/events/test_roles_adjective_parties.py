"""Event participants named by nationality adjectives (issue 8) on composed sentences: the
adjective of an act of force is its agent, the adjective of a facility names its target, two
adjectives name two agents, and an air strike with no named doer takes no guessed state force.
The adjective mentions are placed by hand as open_actors makes them (``party_of``)."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def party(doc, eid: str, name: str, surface: str, kind: str | None, kb: str, category: str = "state_force"):
    e = entity(doc, eid, "ACTOR", name, [surface], category=category, kb_id=kb)
    for m in e.mentions:
        m.party_of = kind
    return e


def place(doc, name: str, eid: str = "P1"):
    entity(doc, eid, "PLACE", name)


def roles(ev):
    return ev.agents, ev.targets


def test_the_party_of_an_act_of_force_is_its_agent():
    doc = doc_of("تواصلت الغارات الإسرائيلية على رفح.")
    party(doc, "E1", "الجيش الإسرائيلي", "الإسرائيلية", "attack", "actor:idf")
    place(doc, "رفح")
    (ev,) = EVENTS(doc).events
    assert ev.type == "AIRSTRIKE" and roles(ev) == (["E1"], [])
    assert "nationality adjective of the act" in ev.extra["why"]["agents"]["E1"]


def test_the_party_of_a_facility_names_the_target_not_the_agent():
    text = "قصف القاعدة الأميركية في رفح."
    doc = doc_of(text)
    party(doc, "E1", "الجيش الأمريكي", "الأميركية", "facility", "actor:us_military")
    place(doc, "رفح")
    (ev,) = EVENTS(doc).events
    assert roles(ev) == ([], ["E1"]) and "owns the facility" in ev.extra["why"]["targets"]["E1"]
    # control: the same word read as a plain name right after the noun is its genitive doer; after
    # the struck object (القاعدة, a fixed site) it holds that object, a target (round 31, coord31)
    doc = doc_of("قصف الأميركية في رفح.")
    party(doc, "E1", "الجيش الأمريكي", "الأميركية", None, "actor:us_military")
    place(doc, "رفح")
    (ev,) = EVENTS(doc).events
    assert roles(ev) == (["E1"], [])
    doc = doc_of(text)
    party(doc, "E1", "الجيش الأمريكي", "الأميركية", None, "actor:us_military")
    place(doc, "رفح")
    (ev,) = EVENTS(doc).events
    assert roles(ev) == ([], ["E1"]) and "held_objects" in ev.extra["why"]["targets"]["E1"]


def test_two_adjectives_of_one_act_name_two_agents():
    doc = doc_of("تواصلت الغارات الأميركية البريطانية على صنعاء.")
    party(doc, "E1", "الجيش الأمريكي", "الأميركية", "attack", "actor:us_military")
    party(doc, "E2", "القوات البريطانية", "البريطانية", "attack", "actor:uk_forces")
    place(doc, "صنعاء")
    (ev,) = EVENTS(doc).events
    assert roles(ev) == (["E1", "E2"], [])
    assert "second nationality adjective" in ev.extra["why"]["agents"]["E2"]


def test_an_air_strike_with_no_named_doer_gets_no_guessed_state_force():
    # the report names the Syrian army (a state force) twice, but not as the doer of the strike
    doc = doc_of("أعلن الجيش السوري حالة التأهب. وأكد الجيش السوري جاهزيته. وشنت طائرات حربية غارات على إدلب.")
    entity(doc, "E1", "ACTOR", "الجيش السوري", category="state_force", kb_id="actor:saa")
    place(doc, "إدلب")
    evs = [e for e in EVENTS(doc).events if e.type == "AIRSTRIKE"]
    assert evs and all(e.agents == [] for e in evs)


def test_an_air_strike_takes_the_nationality_of_an_act_named_in_its_sentence():
    # the Syrian army is the state force the report names most; the sentence says the act is Turkish
    doc = doc_of("أعلن الجيش السوري حالة التأهب. وأكد الجيش السوري جاهزيته. "
                 "وشنت طائرات حربية غارات على إدلب، ضمن العدوان التركي المتواصل.")
    entity(doc, "E2", "ACTOR", "الجيش السوري", category="state_force", kb_id="actor:saa")
    party(doc, "E1", "الجيش التركي", "التركي", "attack", "actor:turkish_forces")
    place(doc, "إدلب")
    evs = [e for e in EVENTS(doc).events if e.type == "AIRSTRIKE"]
    assert evs and evs[0].agents == ["E1"]
    assert evs[0].extra["why"]["agents"]["E1"].startswith("the nationality adjective of an act of force in the same sentence")


def test_the_owner_of_a_site_a_deal_names_is_no_opponent():
    doc = doc_of("وقعت إيران اتفاقا مع الوكالة يسمح بدخول المواقع الإيرانية في فيينا.")
    entity(doc, "E1", "ACTOR", "إيران", category="government", kb_id="actor:iran")
    party(doc, "E2", "القوات الإيرانية", "الإيرانية", "facility", "actor:iran_forces")
    place(doc, "فيينا")
    evs = [e for e in EVENTS(doc).events if e.type == "AGREEMENT"]
    assert evs and all("E2" not in e.targets for e in evs)
