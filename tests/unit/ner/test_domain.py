"""Projection of gold names onto report text as NER training sentences (rasd.ner.domain), on
hand-written sentences and records."""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.ner.corpus import HeldOutGuard, spans
from rasd.ner.domain import Alias, aliases, domain_sentences, held_out_guard, project, tokens
from rasd.ner.features import Lexicons

LEX = Lexicons(places={fold_str("سوريا"): "country", fold_str("دمشق"): "city"},
               lists={"person_titles": frozenset({fold_str("العقيد")}),
                      "place_cues": frozenset({fold_str("مدينة"), fold_str("مطار")}),
                      "facility_cues": frozenset({fold_str("مطار")})})
COMMON = frozenset(fold_str(w) for w in ("المعارضة", "الجيش", "السوري", "العاصمة", "السورية"))
RECORD = {
    "persons": [{"key": "h", "aliases": ["العقيد حسان الشيخ", "حسان الشيخ"]}],
    "places": [{"key": "d", "aliases": ["مدينة دمشق", "العاصمة السورية دمشق"]},
               {"key": "m", "aliases": ["مطار المزة"]}],
    "actors": [{"key": "o", "category": "non_state_armed_group", "aliases": ["المعارضة", "جيش الفتح"]},
               {"key": "s", "category": "government", "aliases": ["سوريا"]},
               {"key": "u", "category": "government", "aliases": ["الولايات المتحدة"]},
               {"key": "c", "category": "civilians", "aliases": ["المدنيين"]}],
}


def _tagged(sentence: str, names) -> list[tuple[str, str]]:
    toks = tokens(sentence)[0]
    sent = project(toks, names)
    return [(" ".join(toks[i:j]), c) for i, j, c in sorted(spans([g for _, g in sent]))]


def test_aliases_follow_anercorp_conventions():
    got = {(" ".join(a.words), a.cls) for a in aliases(RECORD, LEX, COMMON, frozenset({fold_str("الولايات المتحدة")}))}
    assert (fold_str("حسان الشيخ"), "PERS") in got                  # the title is no part of the name
    assert (fold_str("دمشق"), "LOC") in got                          # the settlement word and a description cut
    assert (fold_str("مطار المزة"), "LOC") in got                    # a facility keeps its head
    assert (fold_str("جيش الفتح"), "ORG") in got
    assert (fold_str("سوريا"), "LOC") in got                         # a state acting is LOC
    assert (fold_str("الولايات المتحدة"), "LOC") in got
    assert not any(w == fold_str("المعارضة") for w, _ in got)       # a description, not a name
    assert not any(w == fold_str("المدنيين") for w, _ in got)       # civilians are no name
    assert not any(c == "ORG" and w == fold_str("الولايات المتحدة") for w, c in got)


def test_projection_reads_clitics_and_takes_the_longest_name():
    names = aliases(RECORD, LEX, COMMON)
    got = _tagged("وقال العقيد حسان الشيخ إن مقاتلي جيش الفتح دخلوا مدينة دمشق وبسوريا.", names)
    assert got == [("حسان الشيخ", "PERS"), ("جيش الفتح", "ORG"), ("دمشق", "LOC"), ("وبسوريا", "LOC")]
    # a word that only contains a name is no match (the name is read on token boundaries)
    assert _tagged("دمشقي الهوى.", names) == []


def test_only_the_first_word_carries_clitics():
    names = [Alias((fold_str("جيش"), fold_str("الفتح")), "ORG")]
    assert _tagged("ولجيش الفتح مقاتلون.", names) == [("ولجيش الفتح", "ORG")]
    assert _tagged("جيش والفتح.", names) == []


def test_tokens_split_marks_as_anercorp_does():
    assert tokens("قال: «دمشق» تقصف.\nسطر ثان") == [["قال", ":", "«", "دمشق", "»", "تقصف", "."], ["سطر", "ثان"]]


def test_held_out_text_and_repeats_never_reach_training():
    held = "قصفت الطائرات مدينة دمشق صباح اليوم وقتلت عشرة مدنيين في السوق الكبير."
    train = held + " وقال العقيد حسان الشيخ إن الهجوم صد في ريف المدينة الشرقي بعد ساعات من القتال."
    guard = held_out_guard([held])
    data = domain_sentences([("a-1", train, RECORD), ("a-2", train, RECORD)], LEX, COMMON, guard)
    assert data.dropped == 2 and data.repeats == 1
    assert [d for d, _ in data.sentences] == ["a-1"]
    assert not any(guard.seen(t for t, _ in s) for _, s in data.sentences)
    assert data.sentences[0][1][2:4] == [("حسان", "B-PERS"), ("الشيخ", "I-PERS")]
    # nothing is dropped by an empty guard
    assert domain_sentences([("a-1", train, RECORD)], LEX, COMMON, HeldOutGuard()).dropped == 0


def test_install_trains_without_domain_sentences_when_the_annotations_are_absent(tmp_path):
    from rasd.ner.corpus import TrainingData
    from rasd.ner.train import domain_training

    got, info = domain_training(tmp_path / "ner", LEX, TrainingData([], {}, 0, None, HeldOutGuard()), COMMON,
                                annotations=tmp_path / "annotations")
    assert got == [] and "skipped" in info


def test_domain_sentences_join_the_training_data_with_every_other_field_kept():
    """rasd.ner.train.with_domain (review: the data was rebuilt by position and lost held_out, raw
    and skipped)."""
    from rasd.ner.corpus import TrainingData
    from rasd.ner.train import with_domain

    s1, s2 = [("حسان", "B-PERS")], [("دمشق", "B-LOC")]
    data = TrainingData([("ANERcorp", s1)], {"ANERcorp": 2}, 3, None, HeldOutGuard(), held_out=[s1], raw=[s1],
                        skipped=["AQMAR: absent"])
    got = with_domain(data, [("domain", s2)], weight=2)
    assert got.sentences == [("ANERcorp", s1), ("domain", s2), ("domain", s2)]
    assert (got.dropped, got.repeats, got.held_out, got.raw, got.skipped) == ({"ANERcorp": 2}, 3, [s1], [s1],
                                                                              ["AQMAR: absent"])
    assert data.sentences == [("ANERcorp", s1)]   # the input is left as it was
