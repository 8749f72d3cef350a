"""Dates on hand-written sentences (rasd/arabic/dates.py)."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.arabic.dates import find_dates, gregorian_to_hijri, hijri_to_gregorian
from rasd.kb.dates import knowledge

PUB = dt.date(2015, 7, 24)  # a Friday
KN = knowledge()


@pytest.mark.parametrize("text,span,value,end,precision,relative", [
    ("قتل يوم الخميس 23 تموز/يوليو 2015 عشرة", "يوم الخميس 23 تموز/يوليو 2015", "2015-07-23", None, "day", False),
    ("وقع في السابع من يوليو", "السابع من يوليو", "2015-07-07", None, "day", True),
    ("في الحادي والثلاثين من كانون الأول 2014", "الحادي والثلاثين من كانون الأول 2014", "2014-12-31", None, "day", False),
    ("بتاريخ 7/8/2015", "7/8/2015", "2015-08-07", None, "day", False),
    ("بتاريخ 2015-08-07", "2015-08-07", "2015-08-07", None, "day", False),
    ("بتاريخ ٧/٨/٢٠١٥", "٧/٨/٢٠١٥", "2015-08-07", None, "day", False),
    ("في ابريل", "ابريل", "2015-04", None, "month", True),
    ("في أكتوبر", "أكتوبر", "2014-10", None, "month", True),
    ("في شباط 2013", "شباط 2013", "2013-02", None, "month", False),
    ("منذ عام 2014", "منذ عام 2014", "2014", "2015-07-24", "year", False),
    ("خلال عام 2014", "عام 2014", "2014", None, "year", False),
    ("فجر اليوم", "فجر اليوم", "2015-07-24", None, "day", True),
    ("صباح أمس", "صباح أمس", "2015-07-23", None, "day", True),
    ("وأمس", "أمس", "2015-07-23", None, "day", True),
    ("بالأمس", "الأمس", "2015-07-23", None, "day", True),
    ("أول أمس", "أول أمس", "2015-07-22", None, "day", True),
    ("غدا", "غدا", "2015-07-25", None, "day", True),
    ("مساء الأربعاء", "مساء الأربعاء", "2015-07-22", None, "day", True),
    ("ليوم الخميس", "يوم الخميس", "2015-07-23", None, "day", True),
    ("يوم الجمعة", "يوم الجمعة", "2015-07-24", None, "day", True),
    ("الجمعة الماضي", "الجمعة الماضي", "2015-07-17", None, "day", True),
    ("السبت المقبل", "السبت المقبل", "2015-07-25", None, "day", True),
    ("الأسبوع الماضي", "الأسبوع الماضي", "2015-07-17", None, "week", True),
    # this week: the seven days up to the published day, not the seven from it
    ("خلال هذا الأسبوع", "هذا الأسبوع", "2015-07-18", "2015-07-24", "week", True),
    ("في الأسبوع الجاري", "الأسبوع الجاري", "2015-07-18", "2015-07-24", "week", True),
    # a day or month without its year, then a year relative to the published one
    ("في 24 شباط العام الماضي", "24 شباط العام الماضي", "2014-02-24", None, "day", True),
    ("في العاشر من آب العام الماضي", "العاشر من آب العام الماضي", "2014-08-10", None, "day", True),
    ("في شباط العام الماضي", "شباط العام الماضي", "2014-02", None, "month", True),
    ("كما أعلن في 24 آذار/مارس من العام الماضي", "24 آذار/مارس من العام الماضي", "2014-03-24", None, "day", True),
    ("في حزيران من السنة الماضية", "حزيران من السنة الماضية", "2014-06", None, "month", True),
    ("منذ آذار هذا العام", "منذ آذار هذا العام", "2015-03", "2015-07-24", "month", True),
    ("الشهر الماضي", "الشهر الماضي", "2015-06", None, "month", True),
    ("العام الماضي", "العام الماضي", "2014", None, "year", True),
    ("قبل 4 سنوات", "قبل 4 سنوات", "2011", None, "year", True),
    ("قبل أسبوعين", "قبل أسبوعين", "2015-07-10", None, "week", True),
    ("قبل حوالى أسبوعين", "قبل حوالى أسبوعين", "2015-07-10", None, "week", True),
    ("قبل ثلاثة أيام", "قبل ثلاثة أيام", "2015-07-21", None, "day", True),
    ("قبل أشهر", "قبل أشهر", "2015-04", None, "month", True),
    ("منذ 11 تموز", "منذ 11 تموز", "2015-07-11", "2015-07-24", "day", True),
    ("منذ عامين", "منذ عامين", "2013", "2015-07-24", "year", True),
    ("في 10 شوال 1436 هـ", "10 شوال 1436 هـ", "2015-07-27", None, "day", False),
    ("في شهر رمضان", "شهر رمضان", "2015-06-18", "2015-07-17", "month", True),
])
def test_date(text, span, value, end, precision, relative):
    got = find_dates(text, KN, PUB)
    assert [(text[d.start:d.end], d.text, d.value, d.value_end, d.precision, d.relative)
            for d in got] == [(span, span, value, end, precision, relative)]


@pytest.mark.parametrize("text", ["مارس ضغوطا كبيرة", "وصل صفر", "زار أب وابنه", "عام من القتال"])
def test_not_a_date(text):
    assert find_dates(text, KN, PUB) == []


def test_relative_without_published():
    got = find_dates("يوم الخميس قبل أسبوعين وفي 7 تموز 2015", KN, None)
    assert [(d.text, d.value, d.relative) for d in got] == [
        ("يوم الخميس", None, True), ("قبل أسبوعين", None, True), ("7 تموز 2015", "2015-07-07", False)]


def test_invalid_day_keeps_mention():
    (d,) = find_dates("31 شباط 2015", KN, PUB)
    assert d.value is None and d.precision == "day"


def test_to_json_matches_output_contract():
    (d,) = find_dates("منذ 11 تموز", KN, PUB)
    assert d.to_json() == {"value": "2015-07-11", "end": "2015-07-24", "precision": "day",
                           "text": "منذ 11 تموز"}


@pytest.mark.parametrize("h,g", [((1, 1, 1), dt.date(622, 7, 19)), ((1436, 9, 1), dt.date(2015, 6, 18)),
                                 ((1437, 1, 1), dt.date(2015, 10, 15))])
def test_hijri_known_dates_within_a_day(h, g):
    assert abs((hijri_to_gregorian(*h) - g).days) <= 1


@given(st.dates(min_value=dt.date(700, 1, 1), max_value=dt.date(2200, 1, 1)))
def test_hijri_round_trip(day):
    assert hijri_to_gregorian(*gregorian_to_hijri(day)) == day


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("أمسيومالخيسقبلنذشهرتموز2015/-٧ ،ـُ")), max_size=60),
       st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))))
def test_never_raises_and_spans_match(text, published):
    for d in find_dates(text, KN, published):
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.precision in ("day", "week", "month", "year")


@settings(deadline=None)
@given(st.text(max_size=80))
def test_any_text(text):
    for d in find_dates(text, KN, PUB):
        assert text[d.start:d.end] == d.text


def test_a_span_back_beyond_the_calendar_is_no_date_and_raises_nothing():
    kn = knowledge()
    pub = dt.date(2000, 1, 1)
    for text in ("منذ 730120 يوم", "قبل 3000 عام", "قبل 40000 شهر"):
        for m in find_dates(text, kn, pub):
            assert m.value is None or m.value >= "0001"
