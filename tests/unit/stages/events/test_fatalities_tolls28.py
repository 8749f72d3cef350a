"""Round 28 (tolls28): duals of more counted people, a killing word after the group the counted are
of, and a toll's place named after it rather than its announcer's. Each with its control case."""
from __future__ import annotations

import pytest
from hand_docs import doc_of, entity

from rasd.kb.numbers import lexicon
from rasd.kb.resources import Resources
from rasd.stages.events import Events
from rasd.stages.events.fatalities import read_toll

LEX = lexicon()
RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


@pytest.mark.parametrize("text,value,span", [
    ("وقتل عضوان من قوات الأمن أمس", 2, "عضوان"),
    ("وقتلت عضوين من الحزب الذي يقاتل", 2, "عضوين"),
    ("استشهد فلسطينيان، فيما أصيب جندي", 2, "فلسطينيان"),
    ("قتل مستوطنان في عملية إطلاق نار", 2, "مستوطنان"),
    ("أكد الجيش أن 7 عناصر من تنظيم داعش قتلوا في المنطقة", 7, "7"),
    ("أن تسعة مقاتلين من الفصيل قتلوا في الغارات", 9, "تسعة"),
])
def test_a_toll_of_the_duals_and_of_a_group_killed(text, value, span):
    got = read_toll(text, LEX)
    assert got is not None and got.value == value and text[got.start:got.end] == span


@pytest.mark.parametrize("text", [
    "أصيب فلسطينيان برصاص القوات",                      # wounded, not killed
    "اعتقلت الشرطة 5 أشخاص في المدينة التي قتلوا فيها",   # a preposition between: another phrase
    "وصل 7 عناصر من الفصيل إلى البلدة",
])
def test_control_no_toll(text):
    assert read_toll(text, LEX) is None


def toll(text: str, places: list[str]):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "قيادة العمليات", category="state_force")
    for n, p in enumerate(places):
        entity(doc, f"P{n}", "PLACE", p)
    return [e for e in EVENTS(doc).events if e.type == "CASUALTIES"]


def test_a_tolls_place_is_the_one_named_after_it_not_its_announcers():
    (ev,) = toll("وأوضحت قيادة العمليات في العراق أن 7 عناصر قتلوا في البوشجل.", ["العراق", "البوشجل"])
    assert ev.places == ["P1"] and "after the toll" in ev.extra["why"]["places"]["P1"]


def test_control_a_place_before_the_toll_alone_is_its_place():
    (ev,) = toll("وفي البوشجل، أعلنت قيادة العمليات مقتل 7 عناصر.", ["البوشجل"])
    assert ev.places == ["P0"] and "first place of the sentence" in ev.extra["why"]["places"]["P0"]
