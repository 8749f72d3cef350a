"""lexicon.yaml place_preps: اتجاه (في اتجاه X, the written-out form of باتجاه) lets a bare name after it
be a place, as باتجاه and نحو do (round 30, args30)."""
from __future__ import annotations

import pytest
from conftest import at

from rasd.stages.mentions import known


@pytest.mark.parametrize("text,word", [("أطلقت صواريخ في اتجاه البلدة.", "اتجاه"),
                                       ("أطلقت صواريخ باتجاه البلدة.", "باتجاه"),
                                       ("انطلقت القذائف من اتجاه البلدة.", "اتجاه")])
def test_a_word_of_direction_is_a_place_preposition(finder, text, word):
    f = finder(text)
    assert "place_preps" in f.lists[at(f, word)], text


@pytest.mark.parametrize("text,prep", [("أطلقت صواريخ في اتجاه البلدة.", True),
                                       ("أكد أن اتجاه البلدة نحو العقوبات فشل.", False)])
def test_a_direction_noun_makes_a_state_a_place_only_after_fi_or_min(finder, text, prep):
    # bare اتجاه before a state's name is its course (اتجاه تركيا للمنطقة العازلة): lexicon direction_nouns
    f = finder(text)
    assert known._place_prep(f, at(f, "اتجاه")) is prep, text


def test_the_direction_noun_with_its_preposition_glued_stays_a_place_preposition(finder):
    # باتجاه X: the bi reading of باتجاه is the preposition itself, not the bare noun
    f = finder("دفعت السلطات دوما باتجاه البلدة.")
    assert known._place_prep(f, at(f, "باتجاه"))
