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


def test_the_geo_kind_sets_agree_with_place_kinds_yaml(index):
    """rasd.geo (another branch's files) still holds two of the sets as constants: until it reads
    them from Resources.place_kinds, they must not drift from knowledge/place_kinds.yaml."""
    from conftest import RES

    from rasd.geo import candidates, regions
    from rasd.kb.gazetteer import KINDS

    kinds = RES.place_kinds
    assert set(regions._BASE_KINDS) == kinds["region_base"]
    assert set(candidates._CONTEXT_KINDS) == kinds["context"]
    assert all(k <= set(KINDS) for k in kinds.values())
