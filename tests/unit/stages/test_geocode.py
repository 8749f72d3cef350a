"""The geocode stage on self-written reports with the miniature gazetteer."""
import re

import geo_fake
import pytest

from rasd.arabic.normalize import fold_str, strip_article
from rasd.doc import Doc, Entity, Mention
from rasd.geo.regions import match_region
from rasd.kb.resources import Resources
from rasd.stages.geocode import Geocode

RES = Resources("/nonexistent-rasd-data").provide(gazetteer=geo_fake.fake_gazetteer())


class geocode:   # noqa: N801 - reads like the module it replaces in the tests below
    run = Geocode(RES)


@pytest.fixture
def gaz():
    return RES.gazetteer


def make_doc(text, names, gaz, cues=None):
    """PLACE entities for each name (all its occurrences), as the mention finder would give them."""
    doc = Doc(text)
    doc.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    for n, name in enumerate(names):
        ms = []
        for m in re.finditer(re.escape(name), text):
            key = strip_article(fold_str(name))
            info = {"key": key, "place_ids": [p.id for p in gaz.lookup(key)]}
            if cues and name in cues:
                info["cue"] = cues[name]
            tok = next(t for t in doc.tokens if t.start >= m.start())
            hit = match_region(doc.tokens, tok.i, gaz, RES.geo_cues, RES.region_table.named)
            if hit and doc.tokens[hit[0] - 1].end >= m.end():
                info["region"] = hit[1]
            ms.append(Mention(m.start(), m.end(), name, "PLACE", **info))
        doc.entities.append(Entity(f"P{n}", "PLACE", name, None, None, ms))
    return doc


def test_namesake_resolved_by_the_subdistrict_in_the_sentence(gaz):
    doc = make_doc("سيطرت الفصائل على قرية المشيرفة التابعة لناحية التمانعة.", ["المشيرفة"], gaz)
    geocode.run(doc)
    e = doc.entities[0]
    assert e.kb_id == "ocha:C9001" and e.geo["precision"] == 1 and e.geo["admin3"] == "التمانعة"
    assert e.name_en.startswith("Mushayrifa") and e.geo["why"]


def test_namesake_resolved_by_the_other_places_of_the_report(gaz):
    doc = make_doc("تقدمت القوات نحو أبو دالي. ثم دخلت المشيرفة بعد معارك.", ["أبو دالي", "المشيرفة"], gaz)
    geocode.run(doc)
    assert doc.entities[1].kb_id == "ocha:C9001"


def test_unknown_place_gets_an_explicit_none(gaz):
    doc = make_doc("قصف على بلدة خيالية.", ["خيالية"], gaz)
    geocode.run(doc)
    e = doc.entities[0]
    assert e.kb_id is None and e.geo["lat"] is None and e.geo["precision"] is None and e.geo["why"]


def test_region_phrase_is_coded_to_an_area_with_precision_3(gaz):
    doc = make_doc("غارات على ريف إدلب الجنوبي.", ["ريف إدلب الجنوبي"], gaz)
    geocode.run(doc)
    e = doc.entities[0]
    assert e.geo["precision"] == 3 and e.kb_id == "admin:SY0702"   # regions.yaml: southern Idlib


def test_facility_cue_gives_precision_2(gaz):
    doc = make_doc("استهدف القصف مطار سنجار.", ["سنجار"], gaz, cues={"سنجار": "مطار"})
    geocode.run(doc)
    assert doc.entities[0].geo["precision"] == 2


def test_document_without_places_is_unchanged(gaz):
    doc = Doc("بيان بلا أماكن.")
    assert geocode.run(doc) is doc and doc.entities == []


def test_governorate_anaphor_is_the_last_governorate_named(gaz):
    doc = make_doc("تقع البلدة في محافظة إدلب. وقصفت الطائرات مواقع في المحافظة.", ["محافظة إدلب", "المحافظة"], gaz)
    doc.entities[1].mentions = [m for m in doc.entities[1].mentions if m.start > 20]
    geocode.run(doc)
    assert doc.entities[1].kb_id == "admin:SY07" and doc.entities[1].geo["precision"] == 3


def test_countryside_anaphor_uses_the_last_governorate(gaz):
    doc = make_doc("سيطرت الفصائل على المشيرفة في محافظة إدلب. وتقدمت في الريف الجنوبي للمحافظة.",
                   ["محافظة إدلب", "الريف الجنوبي للمحافظة"], gaz)
    geocode.run(doc)
    assert doc.entities[1].kb_id == "admin:SY0702"     # regions.yaml: southern Idlib


def test_a_syrian_only_namesake_without_a_type_word_is_dropped_in_a_report_about_elsewhere(gaz):
    text = "قصفت الطائرات سنجار. وعاد النازحون إلى سنجار. وقال إن أبو دالي بعيد. وقصف قرية المشيرفة."
    doc = make_doc(text, ["سنجار", "أبو دالي", "المشيرفة"], gaz, cues={"المشيرفة": "قريه"})
    for e in doc.entities:
        if e.name_ar == "سنجار":
            for m in e.mentions:
                m.place_ids = ["world:iq-sinjar"]
    geocode.run(doc)
    names = {e.name_ar: e for e in doc.entities}
    assert "أبو دالي" not in names                 # an everyday reading, nothing says it is a village
    kept = names["المشيرفة"]                       # after قرية it stays a place, unplaced
    assert kept.geo["lat"] is None and "Syrian namesake" in kept.geo["why"]


def test_a_site_named_with_an_ordinary_word_is_not_the_village_of_that_word(gaz):
    res = Resources("/nonexistent-rasd-data").provide(gazetteer=geo_fake.fake_gazetteer(),
                                                      common_words=frozenset({strip_article(fold_str("المشيرفة"))}))
    doc = make_doc("قصفت الطائرات حقل المشيرفة.", ["المشيرفة"], gaz)
    for m in doc.entities[0].mentions:
        m.pattern, m.facility, m.place_ids = True, True, []
    Geocode(res)(doc)
    assert doc.entities[0].kb_id is None and doc.entities[0].geo["lat"] is None
    doc = make_doc("قصفت الطائرات حقل المشيرفة.", ["المشيرفة"], gaz)   # a name, no ordinary word: the village
    for m in doc.entities[0].mentions:
        m.pattern, m.facility, m.place_ids = True, True, []
    Geocode(Resources("/nonexistent-rasd-data").provide(gazetteer=geo_fake.fake_gazetteer(),
                                                        common_words=frozenset()))(doc)
    assert doc.entities[0].kb_id in {"ocha:C9001", "ocha:C9002"}
