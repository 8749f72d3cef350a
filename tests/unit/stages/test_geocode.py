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


def test_a_name_with_a_namesake_in_the_country_the_report_is_about_is_that_namesake(gaz):
    # the report names Iraqi Sinjar twice (a city: it tells the country); a second entity of the same
    # name keeps both namesakes, and whatever the ranking says it is the Iraqi one, placed and explained
    text = "قصفت الطائرات مدينة سنجار. وعاد النازحون إلى مدينة سنجار. وقال إن قضاء سنجار محاصر."
    doc = make_doc(text, ["مدينة سنجار", "قضاء سنجار"], gaz)
    for m in doc.entities[0].mentions:
        m.place_ids = ["world:iq-sinjar"]
    for m in doc.entities[1].mentions:
        m.place_ids = ["ocha:C9004", "world:iq-sinjar"]
    geocode.run(doc)
    e = doc.entities[1]
    assert e.kb_id == "world:iq-sinjar" and e.geo["lat"] == 36.32 and e.geo["why"]


def test_a_syrian_namesake_the_ranking_chose_gives_way_to_the_one_in_the_reports_country():
    from rasd.stages.geocode import _country_prior
    told = Entity("A", "PLACE", "سنجار", None, None, [Mention(0, 5, "سنجار", "PLACE")] * 2)
    chosen = Entity("B", "PLACE", "سنجار", None, None, [Mention(20, 25, "سنجار", "PLACE")])
    resolved = {"A": geo_fake.SINJAR_IQ, "B": geo_fake.SINJAR_SY}
    pending = {"B": (chosen, [geo_fake.SINJAR_SY, geo_fake.SINJAR_IQ])}
    lex = {"place_cues": frozenset(), "strong_place_cues": frozenset()}
    assert _country_prior([told, chosen], resolved, {"B": []}, lex, pending) == set()
    assert resolved["B"] is geo_fake.SINJAR_IQ and chosen.kb_id == "world:iq-sinjar"
    assert chosen.geo["lat"] == 36.32 and "about IQ" in chosen.geo["why"]
    # without a namesake there, the old rule holds: unplaced, and dropped for want of a type word
    alone = Entity("C", "PLACE", "سنجار", None, None, [Mention(30, 35, "سنجار", "PLACE")])
    resolved["C"] = geo_fake.SINJAR_SY
    assert _country_prior([told, alone], resolved, {"C": []}, lex, {"C": (alone, [geo_fake.SINJAR_SY])}) == {"C"}
    assert alone.geo["lat"] is None


def test_report_country_needs_one_country_to_stand_out():
    from rasd.stages.geocode import _report_country
    one = Entity("A", "PLACE", "سنجار", None, None, [Mention(0, 5, "سنجار", "PLACE")] * 2)
    other = Entity("B", "PLACE", "المشيرفة", None, None, [Mention(6, 12, "المشيرفة", "PLACE")] * 2)
    assert _report_country([one], {"A": geo_fake.SINJAR_IQ}) == "iq"
    assert _report_country([one, other], {"A": geo_fake.SINJAR_IQ, "B": geo_fake.GOV_ALEPPO}) is None  # a tie
    assert _report_country([one], {}) is None
    single = Entity("C", "PLACE", "سنجار", None, None, [Mention(0, 5, "سنجار", "PLACE")])
    assert _report_country([single], {"C": geo_fake.SINJAR_IQ}) is None   # named once: not enough


def test_a_border_with_no_known_states_stays_unplaced_and_says_it_is_a_border(gaz):
    from rasd.stages.geocode import _no_entry
    e = Entity("B", "PLACE", "الحدود السورية", None, None, [Mention(0, 14, "الحدود السورية", "PLACE")])
    assert "border" in _no_entry(e, frozenset({fold_str("الحدود")}))
    assert "no gazetteer entry" in _no_entry(e, frozenset())


def test_names_kept_per_token_equal_a_fresh_scan_for_every_window_end(gaz):
    from rasd.geo.candidates import DocPlaces, _firsts, _longest
    doc = make_doc("سيطرت الفصائل على قرية المشيرفة التابعة لناحية التمانعة قرب أبو دالي في ريف إدلب.",
                   ["المشيرفة"], gaz)
    lookup = DocPlaces(doc, gaz, RES.geo_cues, RES.region_table)
    toks, kinds = doc.tokens, RES.geo_cues.context_kinds
    found = 0
    for stop in range(len(toks), 0, -1):             # the windows of later mentions end anywhere
        for j in range(stop):
            fresh = _longest(toks, j, stop, gaz, kinds, _firsts(toks[j], gaz))
            assert lookup.name_at(j, stop) == fresh
            found += fresh is not None
    assert found     # the sentence does name places (ناحية التمانعة، أبو دالي)


def test_in_a_report_about_elsewhere_only_a_syrian_unit_that_holds_the_village_keeps_it_syrian():
    """حي النهضة بمديرية الثورة in a report about Yemen: a Syrian unit named in the sentence keeps a
    Syrian-only namesake Syrian only when it contains that village (or a village near it is named)."""
    from rasd.stages.geocode import _country_prior
    told = Entity("A", "PLACE", "سنجار", None, None, [Mention(0, 5, "سنجار", "PLACE")] * 2)
    village = Entity("B", "PLACE", "المشيرفة", None, None, [Mention(20, 28, "المشيرفة", "PLACE")])
    lex = {"place_cues": frozenset(), "strong_place_cues": frozenset()}
    for unit, kept in ((geo_fake.SUB_OTHER, False), (geo_fake.SUB_TAMANAH, True)):
        resolved = {"A": geo_fake.SINJAR_IQ, "B": geo_fake.VILLAGE_A}
        village.geo, village.kb_id = None, None
        _country_prior([told, village], resolved, {"B": [(unit.name_ar, [unit])]}, lex,
                       {"B": (village, [geo_fake.VILLAGE_A])})
        assert (resolved["B"] is geo_fake.VILLAGE_A and village.geo is None) is kept, unit.name_en
        if not kept:
            assert village.geo["lat"] is None and "about IQ" in village.geo["why"]


def test_a_region_of_no_country_tells_no_report_country():
    from rasd.stages.geocode import _report_country
    from rasd.kb.gazetteer import Place
    sea = Place("world:zz-sea-red", "البحر الأحمر", "Red Sea", 20.0, 38.5, "region", country="zz", rank=4,
                source=geo_fake.SINJAR_IQ.source)
    e = Entity("A", "PLACE", "البحر الأحمر", None, None, [Mention(0, 5, "البحر الأحمر", "PLACE")] * 3)
    assert _report_country([e], {"A": sea}) is None


def test_a_syrian_town_its_mention_calls_syrian_is_kept_in_a_report_about_lebanon(installed):
    """مدينة الزبداني السورية in a report about Lebanon: the state adjective after the name says the
    town is Syrian, so the Syrian place stays located (the report-country prior does not unplace it)."""
    from rasd import extract
    d = extract("أكدت مصادر في بيروت سقوط خمسة قتلى في مدينة الزبداني السورية، وقال مسؤول في بيروت "
                "وطرابلس وصيدا إن لبنان", published="2015-08-01")
    zab = next(e for e in d["entities"] if e["type"] == "PLACE" and e["name_ar"] == "الزبداني")
    assert zab["geo"]["lat"] is not None and abs(zab["geo"]["lat"] - 33.72) < 0.05
