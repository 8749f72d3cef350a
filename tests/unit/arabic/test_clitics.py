"""The one clitic API (rasd.arabic.clitics) on hand-written words: full readings, cue readings,
word-set lookups and list indexes; its letters come from knowledge/clitics.yaml."""
from __future__ import annotations

import pickle
from dataclasses import replace

import pytest
import yaml

from rasd.arabic import clitics
from rasd.arabic.clitics import (ListIndex, cue_readings, has_article, in_cue_set, letters, matches_form, prefix_in,
                                 reads_as, readings, starts_with_and, with_article, without_article)
from rasd.arabic.normalize import fold_str


def stems_of(word: str) -> list[str]:
    return [stem for _, stem in readings(fold_str(word))]


def words(*ws: str) -> frozenset:
    return frozenset(fold_str(w) for w in ws)


@pytest.mark.parametrize("word, stem, prefix", [
    ("وبريف", "ريف", 2),          # و + ب
    ("للمعارضة", "معارضه", 2),    # ل + ال written لل
    ("بالجيش", "جيش", 3),         # ب + ال
    ("فالقوات", "قوات", 3),       # ف + ال
    ("وللجيش", "جيش", 3),         # و + ل + ال
    ("كالعادة", "عاده", 3),       # ك + ال
])
def test_clitic_readings(word, stem, prefix):
    assert (prefix, stem) in readings(fold_str(word))


def test_unstripped_reading_comes_first():
    for word in ("وبريف", "للمعارضة", "بالجيش", "لبنان"):
        assert readings(fold_str(word))[0] == (0, fold_str(word))


def test_only_leading_clitics_are_stripped():
    assert stems_of("ريف") == ["ريف"]
    assert "حلب" not in stems_of("محلبية")     # a name inside a word is not a reading
    assert "حلب" not in stems_of("حلبي")
    assert all(len(s) >= 2 for s in stems_of("وبه"))


def test_reads_as_and_prefix_in_try_every_reading():
    artillery = words("المدفعية")
    assert reads_as(artillery, fold_str("بالمدفعية")) and reads_as(artillery, fold_str("مدفعية"))
    assert not reads_as(artillery, fold_str("مدفعيات"))
    assert prefix_in(words("ريف"), fold_str("وبريف")) == 2
    assert prefix_in(words("ريف"), fold_str("حلب")) == 0


def test_cue_readings_strip_a_conjunction_and_the_article_but_no_preposition():
    assert fold_str("ان") not in cue_readings(fold_str("وكان"))       # ك + ان is not إن
    assert in_cue_set(words("قصف"), fold_str("والقصف"))
    assert not in_cue_set(words("قصف"), fold_str("بالقصف"))          # cue lists spell prepositions out
    assert reads_as(words("قصف"), fold_str("بالقصف"))                  # the full reading strips it


def test_list_index_names_the_lists_a_word_reads_into():
    lists = {"towns": words("بلدة"), "villages": words("قرية", "القرى")}
    full, cue = ListIndex(lists), ListIndex(lists, cue=True)
    assert full(fold_str("وبالبلدة")) == {"towns"}
    assert cue(fold_str("وبالبلدة")) == frozenset()
    assert cue(fold_str("والقرى")) == {"villages"}
    back = pickle.loads(pickle.dumps(full))
    assert back(fold_str("بقرية")) == {"villages"} and back.cue is False


def test_article_and_conjunction_helpers():
    assert with_article("حلب") == fold_str("الحلب") and has_article(fold_str("الرقة"))
    assert without_article(fold_str("الرقة")) == fold_str("رقة") and without_article("حلب") == "حلب"
    assert starts_with_and(fold_str("وحلب")) and not starts_with_and(fold_str("فحلب"))


def test_the_letters_are_those_of_the_knowledge_file():
    data = yaml.safe_load(clitics.CLITICS_FILE.read_text(encoding="utf-8"))
    L = letters()
    assert L.conj == tuple(data["conjunctions"]) and L.preps == tuple(data["prepositions"])
    assert L.article == data["article"] and L.and_ == data["and"] and L.and_ in L.conj
    assert L.bi in L.preps and L.li in L.preps and L.lam_article == L.li + L.article[1:]


def test_a_pattern_word_matches_with_either_article_and_a_star_is_a_prefix():
    assert matches_form(fold_str("مدفعي"), fold_str("المدفعي"))
    assert matches_form(fold_str("المدفعي"), fold_str("مدفعي"))
    assert matches_form(fold_str("صواريخ*"), fold_str("بالصواريخية"))
    assert not matches_form(fold_str("صواريخ"), fold_str("بالصواريخية"))


def test_a_broken_letters_file_is_a_knowledge_error_naming_it(tmp_path):
    from rasd.errors import KnowledgeError

    broken = tmp_path / "clitics.yaml"
    broken.write_text("conjunctions: [و]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="clitics.yaml"):
        clitics.load_letters(broken)


def test_a_scope_changes_the_letters_and_its_end_restores_them():
    packaged = letters()
    no_bi = clitics.Clitics(replace(packaged, preps=tuple(p for p in packaged.preps if p != packaged.bi)))
    assert "ريف" in stems_of("بريف")
    with clitics.using(no_bi):
        assert clitics.current() is no_bi and "ريف" not in stems_of("بريف")
        assert not reads_as(words("ريف"), fold_str("بريف"))
    assert clitics.current() is clitics.PACKAGED and "ريف" in stems_of("بريف")


def test_the_packaged_clitics_keep_no_cache_and_a_clitics_owns_a_bounded_one():
    assert clitics.PACKAGED.size == 0 and not hasattr(clitics.PACKAGED.readings, "cache_info")
    own = clitics.Clitics(letters(), size=8)
    for w in ("بريف", "وبريف", "للمعارضه", "بالجيش", "فالقوات", "وللجيش", "كالعاده", "والقرى", "بحلب"):
        own.readings(fold_str(w))
    assert own.readings.cache_info().currsize == 8
    back = pickle.loads(pickle.dumps(own))
    assert back.letters == own.letters and back.readings.cache_info().currsize == 0


def test_a_list_index_keeps_the_letters_it_was_built_with():
    packaged = letters()
    no_bi = clitics.Clitics(replace(packaged, preps=tuple(p for p in packaged.preps if p != packaged.bi)))
    with clitics.using(no_bi):
        index = ListIndex({"rif": words("ريف")})
    assert index(fold_str("بريف")) == frozenset()          # asked outside the scope: still its letters
    assert ListIndex({"rif": words("ريف")})(fold_str("بريف")) == {"rif"}


def test_list_index_answers_are_shared_between_words():
    from rasd.arabic.clitics import ListIndex

    idx = ListIndex({"titles": frozenset({"وزير", "قايد"}), "cues": frozenset({"قريه"})})
    assert idx("الوزير") == {"titles"} and idx("وزير") is idx("بالوزير") is idx("القايد")
    assert idx("كرمول") == frozenset() and idx("كرمول") is idx("زيتوني")
    assert idx("قريه") == {"cues"} and idx("والقريه") is idx("قريه")


def test_proclitic_strings_are_built_from_the_letters():
    L = letters()
    every = L.proclitic_strings()
    assert "" in every and set(L.conj) <= every and set(L.preps) <= every
    assert fold_str("وب") in every and fold_str("فك") in every and fold_str("بو") not in every
    assert len(every) == 1 + len(L.conj) + len(L.preps) + len(L.conj) * len(L.preps)
    only = L.proclitic_strings((L.bi, L.li))
    assert fold_str("ك") not in only and fold_str("وك") not in only and fold_str("فل") in only
    assert L.lam_article_strings() == (L.lam_article, *(c + L.lam_article for c in L.conj))
    assert fold_str("للمعارضه").startswith(L.article_ends()) and fold_str("بالجيش")[:3].endswith(L.article_ends())
    fewer = replace(L, conj=(L.and_,))
    assert fold_str("فب") in every and fold_str("فب") not in fewer.proclitic_strings()


def test_the_letters_file_holds_the_new_endings():
    raw = yaml.safe_load(clitics.CLITICS_FILE.read_text(encoding="utf-8"))
    L = letters()
    assert L.attached_pronouns == tuple(raw["attached_pronouns"]) and set(L.pronoun_suffixes) <= set(L.attached_pronouns)
    assert L.nisba_masculine in L.nisba_suffixes and L.ka in L.preps
    assert L.nisba_plural_suffixes == tuple(raw["nisba_plural_suffixes"])
    assert L.plural_dual_endings == tuple(raw["plural_dual_endings"]) and L.participle_prefix == raw["participle_prefix"]


@pytest.mark.parametrize("word, expected", [
    # و + لل (ل + ال elided) before ل alone; a reading is listed once, in this order
    ("وللجيش", [(0, "وللجيش"), (1, "للجيش"), (3, "جيش"), (2, "لجيش")]),
    ("بالجيش", [(0, "بالجيش"), (1, "الجيش"), (3, "جيش")]),
    ("الجيش", [(0, "الجيش"), (2, "جيش")]),
    ("بال", [(0, "بال"), (1, "ال")]),           # no stem shorter than two letters
    ("وب", [(0, "وب")]),
])
def test_full_readings_in_order(word, expected):
    assert list(readings(fold_str(word))) == [(n, fold_str(s)) for n, s in expected]


def test_every_reading_is_the_end_of_its_word_with_a_stem_of_two_letters_or_more():
    L = letters()
    pieces = ["", *L.conj, *L.preps, L.article, L.lam_article]
    for a in pieces:
        for b in pieces:
            for c in pieces:
                for stem in ("", "ر", "ريف", "الريف"):
                    key = a + b + c + stem
                    rs = readings(key)
                    assert all(s == key[n:] and len(s) >= 2 for n, s in rs)
                    assert len({n for n, _ in rs}) == len(rs)
                    assert (rs[0] == (0, key)) if len(key) >= 2 else rs == ()


def test_a_list_index_names_every_list_a_word_reads_into():
    lists = {"a": words("قرية", "بلدة"), "b": words("القرية"), "c": words("مدينة"), "d": words("ريف القرية")}
    full, cue = ListIndex(lists), ListIndex(lists, cue=True)
    for word in ("وبالقرية", "قرية", "القرية", "بلدة", "مدن", "ريف", "والمدينة"):
        key = fold_str(word)
        forms = {key} | {s for _, s in readings(key)} | {with_article(s) for _, s in readings(key)}
        assert full(key) == {n for n, ws in lists.items() if forms & ws}
        assert full.lookup(key) is full(key)
        cue_forms = set(cue_readings(key)) | {with_article(f) for f in cue_readings(key)}
        assert cue(key) == {n for n, ws in lists.items() if cue_forms & ws}
    assert full(fold_str("بالقرية")) == {"a", "b"} and cue(fold_str("بالقرية")) == frozenset()


def test_a_clitics_caches_cue_readings_too_and_the_packaged_one_none():
    assert not hasattr(clitics.PACKAGED.cue_readings, "cache_info")
    own = clitics.Clitics(letters(), size=4)
    with clitics.using(own):
        for w in ("والقصف", "بالقصف", "وكان", "القوات", "فالجيش"):
            assert cue_readings(fold_str(w)) == clitics._cue_readings(letters(), fold_str(w))
    assert own.cue_readings.cache_info().currsize == 4


def test_a_reading_table_reads_each_word_form_once_on_its_first_ask():
    keys = [fold_str(w) for w in ("وبريف", "حلب", "وبريف", "للمعارضة", "حلب", "والقرى")]
    asked: list[str] = []
    table = clitics.ReadingTable(lambda key: asked.append(key) or clitics.readings(key))
    assert [table[k] for k in keys] == [clitics.readings(k) for k in keys]
    assert sorted(asked) == sorted(set(keys))          # one reading per distinct word form
    assert table[keys[0]] is table[keys[2]] and len(table) == len(set(keys))


def test_a_clitics_reading_table_reads_with_its_own_letters():
    packaged = letters()
    no_bi = clitics.Clitics(replace(packaged, preps=tuple(p for p in packaged.preps if p != packaged.bi)))
    key = fold_str("بريف")
    assert "ريف" in [s for _, s in clitics.PACKAGED.table()[key]]
    assert "ريف" not in [s for _, s in no_bi.table()[key]]


def test_a_cue_readings_column_reads_each_distinct_word_once_in_order():
    keys = [fold_str(w) for w in ("والقوات", "حلب", "والقوات", "الجيش")]
    asked: list[str] = []
    own = clitics.Clitics(letters(), size=0)
    real = own.cue_readings
    own.cue_readings = lambda key: asked.append(key) or real(key)
    assert own.cue_readings_column(keys) == [cue_readings(k) for k in keys]
    assert sorted(asked) == sorted(set(keys))
    assert own.cue_readings_column([]) == []


def test_pronoun_stems_read_the_teh_marbuta_written_open_before_a_pronoun():
    from rasd.arabic.clitics import pronoun_stems
    from rasd.arabic.normalize import fold_str

    L = letters()
    # سيطرتهم: سيطرت once the pronoun is off, read also as سيطرة (folded)
    stem = fold_str("سيطرتهم")[:-len(fold_str("هم"))]
    assert pronoun_stems(stem) == (stem, fold_str("سيطرة"))
    assert L.pronoun_stems(stem) == pronoun_stems(stem)
    # a stem without the open teh, or too short to be a noun's, is read only as written
    assert pronoun_stems(fold_str("موقع")) == (fold_str("موقع"),)
    assert pronoun_stems(fold_str("بت")) == (fold_str("بت"),)
