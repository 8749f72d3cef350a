"""Numbers on hand-written sentences (rasd/arabic/numbers.py); death tolls are in
tests/unit/stages/events/test_fatalities.py."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.arabic.numbers import find_numbers
from rasd.kb.numbers import lexicon

LEX = lexicon()
ARABIC = st.text(alphabet=st.sampled_from(list("قتلمدنيوعشرينخمسةأحدآلافغارتنحو0123456789٣٥ ،.-/ـً")),
                 max_size=60)


@pytest.mark.parametrize("text,value,kind,span", [
    ("قتل 1,200 شخص", 1200, "exact", "1,200"),
    ("قتل 1.200 شخص", 1200, "exact", "1.200"),
    ("سقط ١٥ قتيلا", 15, "exact", "١٥"),
    ("قاتل خمسة وعشرين مقاتلا", 25, "exact", "خمسة وعشرين"),
    ("نزح ثلاثة آلاف وخمسمئة", 3500, "exact", "ثلاثة آلاف وخمسمئة"),
    ("أصيب أحد عشر جنديا", 11, "exact", "أحد عشر"),
    ("وصل مئة وخمسة عشر", 115, "exact", "مئة وخمسة عشر"),
    ("وبثلاث مئة رجل", 300, "exact", "ثلاث مئة"),
    ("سقط قتيلان", 2, "exact", "قتيلان"),
    ("نفذ الطيران غارتين", 2, "exact", "غارتين"),
    ("نزح عشرات الآلاف", 10000, "vague", "عشرات الآلاف"),
    ("وصل بضعة أشخاص", 3, "vague", "بضعة"),
    ("وآلاف النازحين", 1000, "vague", "آلاف"),
    ("نحو 30 شخصا", 30, "about", "نحو 30"),
    ("بحوالي عشرين", 20, "about", "حوالي عشرين"),
    ("أكثر من 100", 100, "at_least", "أكثر من 100"),
    ("ما لا يقل عن عشرة", 10, "at_least", "ما لا يقل عن عشرة"),
    ("12 قتيلا على الأقل", 12, "at_least", "12 قتيلا على الأقل"),
    ("كلفت 2.5 مليون", 2500000, "exact", "2.5 مليون"),
    ("مقتل أحد عناصر الشرطة", 1, "exact", "أحد"),
])
def test_single_number(text, value, kind, span):
    nums = find_numbers(text, LEX)
    assert [(n.value, n.kind, text[n.start:n.end]) for n in nums] == [(value, kind, span)]
    assert nums[0].approx == (kind != "exact")


@pytest.mark.parametrize("text", [
    "يوم الاثنين", "في 7/8/2015", "مدنيين", "لم يصب أحد في الهجوم", "طائرة اف16", "مقاتلين"])
def test_no_number(text):
    assert find_numbers(text, LEX) == []


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_numbers_never_raise_and_spans_inside(text):
    for n in find_numbers(text, LEX):
        assert 0 <= n.start < n.end <= len(text)
        assert n.value >= 0 and n.kind in ("exact", "at_least", "about", "vague")


@settings(deadline=None)
@given(st.text(max_size=80))
def test_numbers_any_text(text):
    for n in find_numbers(text, LEX):
        assert 0 <= n.start < n.end <= len(text) and not text[n.start].isspace()
