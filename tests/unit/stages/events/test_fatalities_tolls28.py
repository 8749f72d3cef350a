"""Round 28 (tolls28): the duals of more counted people count 2 after a killing word. With controls."""
from __future__ import annotations

import pytest
from rasd.kb.numbers import lexicon
from rasd.stages.events.fatalities import read_toll

LEX = lexicon()


@pytest.mark.parametrize("text,value,span", [
    ("وقتل عضوان من قوات الأمن أمس", 2, "عضوان"),
    ("وقتلت عضوين من الحزب الذي يقاتل", 2, "عضوين"),
    ("قتل مستوطنان في عملية إطلاق نار", 2, "مستوطنان"),
    ("وقتل ناشطان في المواجهات", 2, "ناشطان"),
])
def test_a_toll_of_the_duals(text, value, span):
    got = read_toll(text, LEX)
    assert got is not None and got.value == value and text[got.start:got.end] == span


@pytest.mark.parametrize("text", [
    "أصيب مستوطنان برصاص المقاومين",                    # wounded, not killed
    "وصل عضوان من اللجنة إلى البلدة",
])
def test_control_no_toll(text):
    assert read_toll(text, LEX) is None
