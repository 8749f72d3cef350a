"""Only RasdError escapes ``rasd.extract`` (issue 9): arbitrary text and source fields give a
document or a coded error, never a ValueError/OverflowError/UnicodeEncodeError from inside."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rasd
from rasd.errors import InputError, RasdError

PIECES = ["قتل", "٥", "9" * 5000, "٤٣٠١", "في ٣٠ رمضان ١٤٣٦ هـ", "١٤٣٦ هـ", "يوم الخميس", "أمس", "عام",
          "99999999999999999999", "ألف", "مليون", "في 31 شوال 99999", "\ud800", " إدلب ", "\x00", "\u202e",
          "قصفت طائرات حربية مدينة حلب", "مقتل 12 مدنيا", "في 12/5/2015", "1436 هـ", "منذ 999999 يوم"]
texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
                  st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=10).map("".join))
dates = st.one_of(st.none(), st.dates().map(str), st.sampled_from(["0001-01-01", "9999-12-31", "14/03/2026", ""]),
                  st.text(max_size=12), st.integers(), st.floats())
fields = st.one_of(st.none(), st.text(max_size=20), st.integers())


def extract_or_error(text, **source):
    try:
        return rasd.extract(text, **source)
    except RasdError as e:
        return e


@settings(max_examples=150)
@given(texts, dates, fields, fields)
def test_only_rasd_errors_escape(installed, text, published, title, outlet):
    out = extract_or_error(text, published=published, title=title, outlet=outlet)
    assert isinstance(out, (dict, RasdError))


@pytest.mark.parametrize("text,source", [
    ("قتل 5 مدنيين \ud800 في إدلب", {}),
    ("قتل 5 مدنيين", {"title": "عنوان \udc00"}),
    ("عدد القتلى " + "9" * 4400 + " شخصا", {}),
    ("قتل 5 مدنيين أمس", {"published": "0001-01-01"}),
    ("قتل 5 مدنيين", {"published": 20150720}),
    ("في 31 شوال 99999 هـ قتل 5 مدنيين", {}),
    ("قتل 5 مدنيين", {"published": "2015-07-24", "nonsense": 1}),
])
def test_the_inputs_fuzzing_found(installed, text, source):
    out = extract_or_error(text, **source)
    assert isinstance(out, (dict, InputError))


def test_a_huge_number_is_not_a_count(installed):
    doc = rasd.extract("عدد القتلى " + "9" * 4400 + " شخصا في إدلب", published="2015-07-24")
    assert all(ev["fatalities"] is None or ev["fatalities"] < 10 ** 30 for ev in doc["events"])
