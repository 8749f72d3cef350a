"""Typing, places and glued triggers of the events stage on composed sentences (issue 8): weapon cues
of several words, the air-first adjective after a bare قصف, the reported content's places, and a
trigger written glued to the word before it. Each decision keeps its control case."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.arabic.tokens import tokenize
from rasd.kb.resources import Resources
from rasd.stages.events import Events
from rasd.stages.events.triggers import find_triggers, glued

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def with_base(text: str):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "المقاومة", category="non_state_armed_group")
    entity(doc, "E2", "PLACE", "قاعدة الرادار")
    return EVENTS(doc)


def test_a_weapon_phrase_of_two_words_types_a_targeting_as_missile_fire():
    (ev,) = with_base("استهدفت المقاومة قاعدة الرادار بالأسلحة المناسبة.").events
    assert ev.type == "SHELLING" and "weapon" in ev.extra["why"]["type"]
    # the second word alone is no weapon: a targeting of a site with nothing named is typed by the site
    # (triggers.yaml fixed_sites, types9), not by a weapon
    (ev,) = with_base("استهدفت المقاومة مواقع قاعدة الرادار المناسبة.").events
    assert "weapon_cues" not in ev.extra["why"]["type"] and "fixed_sites" in ev.extra["why"]["type"]


def test_direct_fire_is_a_shelling_trigger_of_its_own():
    (ev,) = with_base("تعرضت قاعدة الرادار لنيران مباشرة من المقاومة.").events
    assert ev.type == "SHELLING" and ev.places == ["E2"]


def bombard(text: str):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "الاحتلال", category="state_force")
    entity(doc, "E2", "PLACE", "رفح")
    return EVENTS(doc)


def test_a_bare_bombardment_with_an_air_first_adjective_is_an_airstrike():
    (ev,) = bombard("قتل عشرة في القصف الإسرائيلي على رفح الذي شنه الاحتلال.").events
    assert ev.type == "AIRSTRIKE" and "air_first_adjectives" in ev.extra["why"]["type"]


def test_a_ground_weapon_in_the_clause_wins_over_the_adjective():
    (ev,) = bombard("قتل عشرة في القصف الإسرائيلي بالمدفعية على رفح الذي شنه الاحتلال.").events
    assert ev.type == "SHELLING"


def test_without_the_adjective_a_bare_bombardment_keeps_its_listed_type():
    (ev,) = bombard("قتل عشرة في القصف على رفح الذي شنه الاحتلال.").events
    assert ev.type == "SHELLING" and "no air or ground cue" in ev.extra["why"]["type"]


def test_places_of_the_reporting_frame_are_not_the_events():
    doc = doc_of("قال مدير المكتب في بغداد إن قاعدة عين الأسد في الأنبار تعرضت لهجوم بطائرة مسيرة.")
    entity(doc, "E1", "PLACE", "بغداد")
    entity(doc, "E2", "PLACE", "قاعدة عين الأسد")
    entity(doc, "E3", "PLACE", "الأنبار")
    entity(doc, "E4", "ACTOR", "الجيش الأمريكي", surfaces=["المكتب"], category="state_force")
    (ev,) = EVENTS(doc).events
    assert ev.places == ["E2"], ev.extra["why"]["places"]


def test_without_a_place_in_the_content_the_frame_place_is_kept():
    doc = doc_of("قال مدير المكتب في بغداد إن المقاومة تعرضت لهجوم بطائرة مسيرة.")
    entity(doc, "E1", "PLACE", "بغداد")
    entity(doc, "E2", "ACTOR", "المقاومة", category="non_state_armed_group")
    (ev,) = EVENTS(doc).events
    assert ev.places == ["E1"]


VOCAB = frozenset({"المقاومه", "استهدفت", "العراق", "استهداف", "الم", "دفعي", "الاحتلال"})


def test_a_trigger_glued_to_a_word_before_it_is_split_between_two_news_words():
    L = RES.triggers
    n, cands = glued("المقاومهاستهدفت", L, VOCAB)
    assert n == len("المقاومه") and any(d.weapon for _, d in cands)
    # a word ending in ة is cut by the tokenizer itself (rasd.arabic.tokens GLUED_END): the trigger is a token
    toks = tokenize("قالت المقاومةاستهدفت موقعا.")
    (t,) = find_triggers(toks, 0, len(toks), set(), L, VOCAB)
    assert (t.i, t.glue, t.prefix) == (2, 0, 0)
    # a glue after any other letter is split here, between two news words
    toks = tokenize("قالت قوات الاحتلالاستهدفت موقعا.")
    (t,) = find_triggers(toks, 0, len(toks), set(), L, VOCAB)
    assert (t.i, t.glue, t.prefix) == (2, len("الاحتلال"), len("الاحتلال"))


def test_no_split_inside_a_known_word_into_an_article_fragment_or_without_a_vocabulary():
    L = RES.triggers
    assert glued("المقاومه", L, VOCAB) == (0, ())                 # a word of the news itself
    assert glued("المدفعي", L, VOCAB | {"حاصر"}) == (0, ())       # الم + دفعي: a proclitic run, no word
    assert glued("المقاومهاستهدفت", L, frozenset()) == (0, ())    # no vocabulary, no split
    toks = tokenize("قالت قوات الاحتلالاستهدفت موقعا.")
    assert find_triggers(toks, 0, len(toks), set(), L) == []


def air_force(text: str):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "الطيران", category="state_force")
    entity(doc, "E2", "PLACE", "كفرنبل")
    return EVENTS(doc)


def test_the_weapons_of_an_air_raid_after_a_word_joined_by_and_are_its_instruments():
    doc = air_force("قصف الطيران المروحي والحربي بالبراميل المتفجرة والصواريخ قرية كفرنبل.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]


def test_a_quantifier_or_by_means_of_before_a_weapon_makes_it_an_instrument():
    doc = air_force("قصف الطيران قرية كفرنبل بعدة صواريخ موجهة.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]
    doc = air_force("قصف الطيران قرية كفرنبل بواسطة صواريخ موجهة.")
    assert [e.type for e in doc.events] == ["AIRSTRIKE"]
    # control: missiles told on their own, with no act before them, are an event of their own
    doc = air_force("سقطت عدة صواريخ أطلقها الطيران على قرية كفرنبل.")
    assert [e.type for e in doc.events] == ["SHELLING"]


def test_a_spokesman_before_the_reported_content_is_not_the_agent_of_the_act_in_it():
    doc = doc_of("قال أبو عبيدة إن قوات النظام قصفت بلدة كفرنبل.")
    entity(doc, "E1", "PERSON", "أبو عبيدة")
    entity(doc, "E2", "PLACE", "كفرنبل")
    (ev,) = EVENTS(doc).events
    assert "E1" not in ev.agents
    # control: with no word opening reported content, the person before the verb is its subject
    doc = doc_of("أبو عبيدة قصف بلدة كفرنبل.")
    entity(doc, "E1", "PERSON", "أبو عبيدة")
    entity(doc, "E2", "PLACE", "كفرنبل")
    (ev,) = EVENTS(doc).events
    assert ev.agents == ["E1"]


def test_explosions_heard_are_typed_by_the_fire_around_them_not_as_a_bombing():
    (ev,) = with_base("أفادت مصادر بوقوع انفجارات في قاعدة الرادار.").events
    assert ev.type == "SHELLING"   # at a military object with no weapon named: missile fire
    (ev,) = with_base("أفادت مصادر بوقوع انفجارات في قاعدة الرادار جراء عبوات ناسفة.").events
    assert ev.type == "BOMBING"
    doc = doc_of("سمع دوي انفجارات في أجواء كفرنبل.")
    entity(doc, "E1", "PLACE", "كفرنبل")
    assert EVENTS(doc).events == []   # no weapon, no military object: nothing to code


def test_a_booby_trapped_drone_is_a_drone_strike_and_a_cell_seized_is_an_arrest():
    (ev,) = with_base("هاجمت المقاومة قاعدة الرادار بمسيرة مفخخة.").events
    assert ev.type == "AIRSTRIKE"
    doc = doc_of("أعلنت الشرطة ضبط خلية تابعة للمقاومة في كفرنبل.")
    entity(doc, "E1", "ACTOR", "الشرطة", category="state_force")
    entity(doc, "E2", "ACTOR", "المقاومة", category="non_state_armed_group")
    entity(doc, "E3", "PLACE", "كفرنبل")
    assert [e.type for e in EVENTS(doc).events] == ["ARREST"]
