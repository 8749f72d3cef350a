"""scripts/actor_place_aliases.py: the gazetteer places inside actor names, read through the article and a
one-letter proclitic, never the name's first word; --prep-only keeps a place after the preposition only."""
from __future__ import annotations

import pytest
from script_loader import load_script


@pytest.fixture(scope="module")
def ap():
    return load_script("actor_place_aliases")


@pytest.fixture
def names():
    from rasd.arabic.normalize import fold_str
    return {fold_str("قطاع غزة"): ("ps-gaza-strip", "region"), fold_str("غزة"): ("ps-gaza", "city"),
            fold_str("أنقرة"): ("tr-ankara", "city"), fold_str("بغداد"): ("iq-baghdad", "city")}


def test_the_longest_place_after_the_preposition(ap, names):
    got = ap.places_in("المقاومة في قطاع غزة", names, prep="في")
    assert [(w, k) for w, _, k in got] == [("قطاع غزة", "region")]


def test_a_place_without_the_preposition_is_listed_only_without_prep_only(ap, names):
    assert ap.places_in("قيادة عمليات بغداد", names, prep="في") == []
    assert [w for w, _, _ in ap.places_in("قيادة عمليات بغداد", names)] == ["بغداد"]


def test_article_and_proclitic_are_read_through_but_the_first_word_is_never_a_place(ap, names):
    assert [w for w, _, _ in ap.places_in("الفصائل الموالية لأنقرة", names)] == ["لأنقرة"]
    assert ap.places_in("بغداد الجديدة", names) == []
