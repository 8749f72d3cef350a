"""lexicon.yaml place_preps: اتجاه (في اتجاه X, the written-out form of باتجاه) lets a bare name after it
be a place, as باتجاه and نحو do (round 30, args30)."""
from __future__ import annotations

import pytest
from conftest import at


@pytest.mark.parametrize("text,word", [("أطلقت صواريخ في اتجاه البلدة.", "اتجاه"),
                                       ("أطلقت صواريخ باتجاه البلدة.", "باتجاه"),
                                       ("انطلقت القذائف من اتجاه البلدة.", "اتجاه")])
def test_a_word_of_direction_is_a_place_preposition(finder, text, word):
    f = finder(text)
    assert "place_preps" in f.lists[at(f, word)], text
