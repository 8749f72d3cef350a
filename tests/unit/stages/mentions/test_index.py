"""rasd.stages.mentions.index: which finders may start at a word (token classes)."""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.stages.mentions.index import KB, ORG, PERSON, PLACE


def test_token_classes(index):
    flags, _ = index.token_class(fold_str("وسامر"))
    assert flags & PERSON
    flags, _ = index.token_class(fold_str("والمشيرفة"))
    assert flags & PLACE
    flags, _ = index.token_class(fold_str("حركة"))
    assert flags & ORG and not flags & PLACE
    flags, _ = index.token_class(fold_str("قوات"))
    assert flags & KB


def test_a_type_word_makes_the_next_word_worth_a_look(index):
    assert index.token_class(fold_str("قرية"))[1]
    assert not index.token_class(fold_str("المعارك"))[1]


def test_place_kinds_come_from_knowledge(index):
    assert {"governorate", "city"} <= index.major_kinds and "locality" not in index.major_kinds
    assert index.region_base_kinds == {"governorate", "region"}


def test_the_geo_kind_sets_are_read_from_place_kinds_yaml():
    """rasd.geo holds no kind sets of its own: its cues carry place_kinds.yaml's, per Resources."""
    from conftest import RES

    from rasd.kb.gazetteer import KINDS

    kinds = RES.place_kinds
    cues = RES.geo_cues
    assert (cues.base_kinds, cues.direction_kinds, cues.context_kinds) == \
        (kinds["region_base"], kinds["direction_base"], kinds["context"])
    assert all(k <= set(KINDS) for k in kinds.values())



def test_a_word_is_read_once_into_its_class_and_its_lists(index):
    """MentionIndex.word: the class and the lexicon lists of a word, from one bounded cache."""
    for w in ("وسامر", "قرية", "بالقرية", "المعارك", "حركة", "كرمول"):
        key = fold_str(w)
        flags, after_cue, lists = index.word(key)
        assert (flags, after_cue) == index.token_class(key) == index._classify(key)
        assert lists == index.lists_of(key)
        assert index.word(key) is index.word(key)
    assert index.word.cache_info().maxsize is not None


def test_the_finder_reads_each_token_once(finder):
    f = finder("في قرية المشيرفة قتل سامر")
    assert f.words == [f.R.word(t.key) for t in f.toks]
    assert all(f.is_(i, lst) == (lst in f.R.lists_of(t.key)) for i, t in enumerate(f.toks)
               for lst in ("place_cues", "person_titles", "name_stops"))
