"""Round 28 (tolls28): more counted people count 1 after a killing word and 2 as duals. With controls."""
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
    ("مقتل مستوطن وإصابة آخر في عملية", 1, "مستوطن"),
    ("أدى إلى مقتل رضيع فلسطيني", 1, "رضيع"),
    ("قتلت طفلتان في القصف", 2, "طفلتان"),
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


def test_the_toll_of_an_act_reaches_past_the_group_the_counted_are_of():
    """tolls28: "9 عناصر من داعش قتلوا في الغارات": read as the toll of an act told in the sentence
    (AFTER_ACT), the killing word after the group counts; with the default reach (a toll with no act) it
    does not, and a preposition past three words stops the longer reach too."""
    from rasd.stages.events.fatalities import AFTER_ACT

    text = "ذكر المرصد أن تسعة عناصر من تنظيم داعش قتلوا في الغارات الجوية"
    got = read_toll(text, LEX, 0, AFTER_ACT)
    assert got is not None and got.value == 9 and text[got.start:got.end] == "تسعة"
    assert read_toll(text, LEX) is None
    assert read_toll("اعتقلت الشرطة 5 أشخاص من سكان المدينة في الحي الذي قتلوا فيه", LEX, 0, AFTER_ACT) is None


def test_the_events_stage_gives_an_act_the_toll_of_the_group_killed():
    from hand_docs import doc_of, entity

    from rasd.kb.resources import Resources
    from rasd.stages.events import Events

    doc = doc_of("قال المرصد إن تسعة عناصر من التنظيم قتلوا في الغارات الجوية على القرية.")
    entity(doc, "E1", "ACTOR", "التنظيم", category="non_state")
    entity(doc, "P1", "PLACE", "القرية")
    evs = Events(Resources("/nonexistent-rasd-data"))(doc).events
    assert [(e.type, e.fatalities) for e in evs] == [("AIRSTRIKE", 9)]
