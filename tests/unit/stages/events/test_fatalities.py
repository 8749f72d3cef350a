"""Death tolls on hand-written sentences (rasd/stages/events/fatalities.py, over the number reader)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.kb.numbers import lexicon
from rasd.stages.events.fatalities import read_toll

LEX = lexicon()
ARABIC = st.text(alphabet=st.sampled_from(list("قتلمدنيوعشرينخمسةأحدآلافغارتنحو0123456789٣٥ ،.-/ـً")),
                 max_size=60)


@pytest.mark.parametrize("text,value,kind,span", [
    ("أدى القصف إلى مقتل 12 مدنيا في 7 تموز", 12, "exact", "12"),
    ("قتل 15 آخرون في الاشتباكات", 15, "exact", "15"),
    ("سقوط 12 قتيلا و30 جريحا", 12, "exact", "12"),
    ("قتل مدني وجرح عشرة آخرين", 1, "exact", "مدني"),
    ("ارتفع عدد القتلى إلى 20", 20, "exact", "20"),
    ("مقتل 12 من قوات النظام و9 من المعارضة", 21, "exact", "12 من قوات النظام و9"),
    ("لقي 5 أشخاص حتفهم", 5, "exact", "5"),
    ("أسفر عن مقتل طفلين", 2, "exact", "طفلين"),
    ("مقتل 5 بينهم 3 أطفال", 5, "exact", "5"),
    ("أودى بحياة ما لا يقل عن 8 أشخاص", 8, "at_least", "ما لا يقل عن 8"),
    ("استشهد نحو عشرين شخصا", 20, "about", "نحو عشرين"),
    ("مقتل مدني في قصف على 3 قرى", 1, "exact", "مدني"),
    ("سقط القصف دون وقوع إصابات", 0, "exact", "دون وقوع إصابات"),
    ("اقتصرت أضرارها على الخسائر المادية", 0, "exact", "اقتصرت أضرارها على الخسائر المادية"),
    ("لم يصب أحد بأذى", 0, "exact", "لم يصب أحد"),
])
def test_fatalities(text, value, kind, span):
    got = read_toll("xx " + text, LEX, 100)
    assert (got.value, got.kind) == (value, kind)
    assert ("xx " + text)[got.start - 100:got.end - 100] == span


@pytest.mark.parametrize("text", [
    "دون معلومات عن خسائر بشرية", "سقوط قتلى وجرحى", "شن الطيران 5 غارات", "جرح 30 شخصا",
    "دون معلومات عن وقوع إصابات", "وصل 40 مقاتلا إلى البلدة"])
def test_no_fatalities(text):
    assert read_toll(text, LEX, 0) is None



@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_tolls_never_raise_and_spans_inside(text):
    f = read_toll(text, LEX, 7)
    if f is not None:
        assert 7 <= f.start < f.end <= len(text) + 7 and f.value >= 0


@settings(deadline=None)
@given(st.text(max_size=80))
def test_tolls_any_text(text):
    read_toll(text, LEX, 0)


def test_a_toll_followed_by_and_wounding_others_is_still_a_toll():
    # "killed three soldiers and wounded others": the wounding opens a new clause
    assert read_toll("أدى الهجوم إلى مقتل ثلاثة جنود وإصابة آخرين", LEX).value == 3
