"""Offsets hold on whatever text the pipeline gets (design §1): every span points at its text.

Texts are generated from a small vocabulary: Arabic letters, proclitics, known names, report
words, digits, punctuation and diacritics, so that the finders fire often on odd neighbours.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasd

NAMES = ["الجيش السوري", "ريف حلب الشمالي", "قرية الزهراء", "قرية تل حسن", "تنظيم داعش", "مدينة إدلب",
         "المرصد السوري لحقوق الإنسان", "قوات سوريا الديمقراطية", "بلدة كفرنبل", "دمشق", "بغداد"]
WORDS = ["قصف", "قصفت", "هاجم", "اشتباكات", "سيطرت", "انسحب", "مقتل", "قتلى", "غارة", "جوية", "أمس",
         "يوم", "الخميس", "في", "على", "قرب", "عناصر", "من", "مصادر", "محلية", "قالت", "إن", "ثلاثة", "٣",
         "12", "آذار", "2019", "لم", "لا"]
CLITICS = ["", "", "", "و", "ف", "ب", "ل", "ال", "وب", "لل", "وال"]
LETTERS = st.text(alphabet="ابتثجحخدرزسشصطعغفقكلمنهويءأإآىةؤئ", min_size=1, max_size=6)
MARKS = ["", "", "", "\u064b", "\u064e", "\u0651", "\u0640", "\u200f"]
SEPS = [" ", " ", " ", "، ", ". ", "\n", "؟ ", " «", "» ", " - ", "\n\n"]

word = st.one_of(st.sampled_from(NAMES), st.sampled_from(WORDS), LETTERS)
token = st.tuples(st.sampled_from(CLITICS), word, st.sampled_from(MARKS), st.sampled_from(SEPS)).map("".join)
texts = st.lists(token, min_size=1, max_size=40).map("".join)


def check_document(doc: dict) -> None:
    text = doc["text"]
    n = len(text)
    ids = {e["id"] for e in doc["entities"]}
    assert len(ids) == len(doc["entities"])
    for s, e in doc["sentences"]:
        assert 0 <= s < e <= n
    for ent in doc["entities"]:
        for m in ent["mentions"]:
            assert 0 <= m["start"] < m["end"] <= n
            assert text[m["start"]:m["end"]] == m["text"], ent
    for v in doc["events"]:
        if v["trigger"] is not None:
            t = v["trigger"]
            assert 0 <= t["start"] < t["end"] <= n and text[t["start"]:t["end"]] == t["text"]
        for s, e in v["evidence"]:
            assert 0 <= s < e <= n
        refs = v["agents"] + v["targets"] + v["partners"] + v["places"]
        if v["attribution"] is not None:
            refs.append(v["attribution"])
        assert set(refs) <= ids, v
    for r in doc["relations"]:
        assert {r["head"], r["tail"]} <= ids, r
        assert all(0 <= s < e <= n for s, e in r["evidence"])
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, "2019-03-14"]))
def test_offsets_ids_and_json_round_trip(installed, text, published):
    check_document(rasd.extract(text, published=published))


def test_a_written_report(installed):
    text = ("قالت مصادر محلية إن عناصر من تنظيم داعش هاجموا أمسِ نقطةً للجيشِ السوري قرب قرية تل حسن "
            "في ريف حلب الشمالي، ما أدى إلى مقتل ثلاثة جنود.\nوردّت قوات النظام بقصفٍ مدفعي على مواقع التنظيم.")
    doc = rasd.extract(text, published="2019-03-14")
    check_document(doc)
    assert doc["text"] == text
