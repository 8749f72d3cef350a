"""Cue phrases, the article on verb triggers, purpose before a gathering verb, what a vow answers,
background words and clause breaks — on hand-built Docs with the real knowledge files."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def shelling(text: str):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "قوات النظام", category="state_force", kb_id="actor:saa")
    entity(doc, "E2", "PLACE", "كفرنبل")
    return EVENTS(doc)


# ---- a verb trigger never carries the article ------------------------------------------------

def test_a_verb_stem_does_not_match_its_noun_with_the_article():
    L = RES.triggers
    assert any(d.pos == "verb" and d.type == "PROTEST" for _, d in L.candidates("احتجوا"))
    assert any(d.pos == "verb" and d.type == "PROTEST" for _, d in L.candidates("واحتجوا"))
    assert not any(d.pos == "verb" for _, d in L.candidates("الاحتجاج"))
    assert not any(d.pos == "verb" for _, d in L.candidates("والتظاهرات"))
    assert not any(d.pos == "verb" for _, d in L.candidates("للتظاهر"))


# ---- modality cues of several words ------------------------------------------------------------

def test_a_conditional_phrase_is_matched_as_a_phrase():
    (ev,) = shelling("في حال قصفت قوات النظام بلدة كفرنبل.").events
    assert ev.modality == "conditional"
    assert "'في حال'" in ev.extra["why"]["modality"]


def test_the_first_word_of_a_phrase_alone_is_no_cue():
    (ev,) = shelling("في الصباح قصفت قوات النظام بلدة كفرنبل.").events
    assert ev.modality == "asserted"


# ---- what a vow answers has happened -------------------------------------------------------------

def vow(text: str):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "الحركة", category="armed_group")
    entity(doc, "E2", "PERSON", "أبو محمد")
    return EVENTS(doc).events


def test_a_vow_to_respond_leaves_the_event_it_answers_asserted():
    (ev,) = vow("توعدت الحركة بالرد على اغتيال أبو محمد.")
    assert ev.type == "ATTACK_ON_CIVILIANS" and ev.modality == "asserted"


def test_a_vow_without_a_response_word_still_makes_the_event_planned():
    (ev,) = vow("توعدت الحركة باغتيال أبو محمد.")
    assert ev.modality == "planned" and "توعدت" in ev.extra["why"]["modality"]


# ---- a gathering verb's purpose may stand before it ----------------------------------------------

def gathering(text: str):
    doc = doc_of(text)
    entity(doc, "E1", "PLACE", "كفرنبل")
    return EVENTS(doc).events


def test_a_purpose_before_a_gathering_verb_makes_it_a_protest():
    (ev,) = gathering("للتنديد بالقرار احتشد الآلاف في كفرنبل.")
    assert ev.type == "PROTEST" and ev.places == ["E1"]


def test_a_gathering_verb_without_a_purpose_is_no_protest():
    assert gathering("احتشد الآلاف في كفرنبل.") == []


# ---- background words --------------------------------------------------------------------------

def test_an_event_after_a_background_word_joins_the_one_told_before():
    doc = shelling("قصفت قوات النظام بلدة كفرنبل. وعاد الهدوء غداة قصف قوات النظام.")
    (ev,) = doc.events
    assert ev.places == ["E2"] and len(ev.evidence) == 2
    assert "background" in ev.extra["why"]["merged"][0]["why"]


def test_an_event_after_a_background_word_with_nothing_told_before_stays():
    (ev,) = shelling("وعاد الهدوء غداة قصف قوات النظام بلدة كفرنبل.").events
    assert ev.type == "SHELLING" and ev.modality == "asserted"


# ---- clause breaks of several words ------------------------------------------------------------

def test_a_clause_break_of_two_words_keeps_each_clause_s_place():
    doc = doc_of("قصفت قوات النظام بلدة كفرنبل في حين اشتبك مقاتلو الفصائل في بلدة حاس.")
    entity(doc, "E1", "ACTOR", "قوات النظام", category="state_force")
    entity(doc, "E2", "PLACE", "كفرنبل")
    entity(doc, "E3", "ACTOR", "الفصائل", category="armed_group")
    entity(doc, "E4", "PLACE", "حاس")
    evs = {e.type: e for e in EVENTS(doc).events}
    assert evs["SHELLING"].places == ["E2"] and evs["SHELLING"].targets == []   # not the other clause's fighters
    assert evs["ARMED_CLASH"].places == ["E4"] and "E1" not in evs["ARMED_CLASH"].agents


# ---- a clause opened by a joined word is the trigger's own ----------------------------------------

def test_a_trigger_after_a_joined_verb_does_not_take_the_place_of_the_clause_before():
    doc = shelling("قصفت قوات النظام بلدة كفرنبل ويتابع تقدمه.")
    evs = {e.type: e for e in doc.events}
    assert evs["SHELLING"].places == ["E2"]
    clash = [e for e in doc.events if e.type == "ARMED_CLASH"]
    # not as a place of its own clause: only inherited, as the place of the act it goes on from, by
    # the same doers (places.inherited_places), and its why says so
    assert all("inherited from the act its clause goes on from" in e.extra["why"]["places"][p]
               for e in clash for p in e.places)


def test_a_verb_after_a_comma_does_not_take_the_place_of_the_clause_before():
    doc = doc_of("قصفت قوات النظام بلدة كفرنبل، اشتبك مقاتلو الفصائل.")
    entity(doc, "E1", "ACTOR", "قوات النظام", category="state_force")
    entity(doc, "E2", "PLACE", "كفرنبل")
    entity(doc, "E3", "ACTOR", "الفصائل", category="armed_group")
    evs = EVENTS(doc).events
    assert [e.places for e in evs if e.type == "SHELLING"] == [["E2"]]
    assert all("E2" not in e.places for e in evs if e.type == "ARMED_CLASH")


# ---- the cached "no cue here" answer ----------------------------------------------------------

def test_cue_starts_holds_every_list_word_and_phrase_opening():
    from rasd.stages.cuematch import in_list

    L = RES.triggers
    for name, words in L.words.items():
        for w in sorted(words)[:40]:
            first = w.split()[0]
            assert name in L.cue_starts(first), (name, w)
            for key in (first, "و" + first, "ال" + first):   # as a cue word may be written
                assert L.lists_of(key) <= L.cue_starts(key), (name, key)
        for ph in L.phrases[name]:
            assert name in L.cue_starts(ph[0])
    assert not L.cue_starts("كرمول")      # a word on no list: the fast "no cue" answer
    some = next(w for w in L.words["clause_breaks"] if " " not in w)
    assert in_list(L, "clause_breaks", some) and "clause_breaks" in L.cue_starts(some)
