"""Numbers and death tolls on hand-written sentences (rasd/arabic/numbers.py)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.arabic.numbers import fatalities, find_numbers, lexicon

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
    got = fatalities("xx " + text, LEX, 100)
    assert (got.value, got.kind) == (value, kind)
    assert ("xx " + text)[got.start - 100:got.end - 100] == span


@pytest.mark.parametrize("text", [
    "دون معلومات عن خسائر بشرية", "سقوط قتلى وجرحى", "شن الطيران 5 غارات", "جرح 30 شخصا",
    "دون معلومات عن وقوع إصابات", "وصل 40 مقاتلا إلى البلدة"])
def test_no_fatalities(text):
    assert fatalities(text, LEX, 0) is None


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_numbers_never_raise_and_spans_inside(text):
    for n in find_numbers(text, LEX):
        assert 0 <= n.start < n.end <= len(text)
        assert n.value >= 0 and n.kind in ("exact", "at_least", "about", "vague")
    f = fatalities(text, LEX, 7)
    if f is not None:
        assert 7 <= f.start < f.end <= len(text) + 7 and f.value >= 0


@settings(deadline=None)
@given(st.text(max_size=80))
def test_numbers_any_text(text):
    for n in find_numbers(text, LEX):
        assert 0 <= n.start < n.end <= len(text) and not text[n.start].isspace()
    fatalities(text, LEX, 0)


def test_a_toll_followed_by_and_wounding_others_is_still_a_toll():
    # "killed three soldiers and wounded others": the wounding opens a new clause
    assert fatalities("أدى الهجوم إلى مقتل ثلاثة جنود وإصابة آخرين", LEX).value == 3
