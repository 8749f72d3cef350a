"""Dates in Arabic text, absolute and relative to the published date.

:func:`find_dates` reads day-month-year dates (Levantine, Egyptian/Gulf and Hijri month names,
ordinal days, 7/8/2015, 2015-08-07), months and years alone, and expressions relative to the
publication date (أمس، فجر اليوم، مساء الأربعاء، الأسبوع الماضي، قبل 4 سنوات، منذ 11 تموز).
Spans are code-point offsets into the original text; words live in ``rasd/knowledge/dates.yaml``
and are compiled once into a single regular expression over the folded text.

Hijri dates use the tabular (arithmetic, "Kuwaiti") calendar, leap years 2, 5, 7, 10, 13, 16, 18,
21, 24, 26, 29 of each 30-year cycle.  It can differ from the sighted or Umm al-Qura calendar by a
day (rarely two).  Why no library: hijri-converter/ummalqura only cover 1343–1500 AH and add a
dependency for ten lines of arithmetic.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from rasd.arabic.normalize import fold, fold_str
from rasd.arabic.numbers import NumberLexicon, find_numbers
from rasd.arabic.tokens import tokenize

PRECISIONS = ("day", "week", "month", "year")
_ISLAMIC_EPOCH = 1948439.5  # Julian day of 1 Muharram 1 AH (civil epoch)
_ORDINAL_JD = 1721424.5     # Julian day of date.fromordinal(1) minus one


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression.  ``value`` is ISO (YYYY-MM-DD, YYYY-MM or YYYY) or None when it cannot
    be resolved (a relative date without a published date); ``value_end`` closes a range
    (منذ …, a Hijri month or year)."""

    start: int
    end: int
    text: str
    value: str | None
    value_end: str | None
    precision: str  # day | week | month | year
    relative: bool

    def to_json(self) -> dict:
        """The ``date`` object of rasd.document/1 (spec/output.md)."""
        return {"value": self.value, "end": self.value_end, "precision": self.precision,
                "text": self.text}


# ---- Hijri ------------------------------------------------------------------------------------

def _hijri_jd(y: int, m: int, d: int) -> float:
    return d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + _ISLAMIC_EPOCH - 1


def hijri_to_gregorian(y: int, m: int, d: int) -> dt.date:
    """Tabular Hijri date → Gregorian (±1 day against sighting-based calendars)."""
    return dt.date.fromordinal(int(_hijri_jd(y, m, d) - _ORDINAL_JD))


def gregorian_to_hijri(day: dt.date) -> tuple[int, int, int]:
    jd = day.toordinal() + _ORDINAL_JD
    y = math.floor((30 * (jd - _ISLAMIC_EPOCH) + 10646) / 10631)
    m = min(12, math.ceil((jd - (29 + _hijri_jd(y, 1, 1))) / 29.5) + 1)
    return y, m, int(jd - _hijri_jd(y, m, 1)) + 1


def _hijri_month(y: int, m: int) -> tuple[dt.date, dt.date]:
    first = hijri_to_gregorian(y, m, 1)
    nxt = hijri_to_gregorian(y + m // 12, m % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


# ---- knowledge --------------------------------------------------------------------------------

@dataclass(frozen=True)
class DateKnowledge:
    regex: re.Pattern
    months: dict[str, tuple[str, int, bool]]   # folded name → (calendar, month, strict)
    ordinals: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    periods: dict[str, tuple[str, int]]
    units: dict[str, tuple[str, str]]          # folded → (unit, singular|dual|plural)
    hijri_era: frozenset[str]
    past: frozenset[str]
    since: frozenset[str]
    vague_count: int
    numbers: NumberLexicon                          # how counts (قبل ثلاثة أيام) are read


def _key(s: str) -> str:
    return " ".join(fold_str(s).split())


def _alt(words) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any white space."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len,
                                                                           reverse=True))


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


class _Resolver:
    def __init__(self, kn: DateKnowledge, published: dt.date | None):
        self.kn, self.pub = kn, published

    def month(self, name: str) -> tuple[str, int, bool]:
        return self.kn.months[_key(name)]

    def absolute(self, g: dict) -> tuple[str | None, str | None, str, bool] | None:
        """(value, value_end, precision, relative) of an absolute match; None to drop it."""
        pub = self.pub
        if g["nd"] or g["iy"]:
            d = _valid(int(g["ny"] or g["iy"]), int(g["nm"] or g["im"]), int(g["nd"] or g["id"]))
            return (_iso(d) if d else None), None, "day", False
        if g["day"]:
            day = int(g["day"]) if g["day"].isdigit() else self.kn.ordinals[_key(g["day"])]
            cal, m, _ = self.month(g["month"])
            ry = self._relative_year(cal, g.get("ryear"))
            if ry is not None:
                d = _valid(ry, m, day)
                return (_iso(d) if d else None), None, "day", True
            return self._day(cal, m, day, g["year"])
        if g["month_a"]:
            cal, m, strict = self.month(g["month_a"])
            if strict and not (g["year_a"] or g["mword"]):
                return None
            if cal == "hijri":
                y = int(g["year_a"]) if g["year_a"] else self._hijri_year(m, 1)
                if y is None:
                    return None, None, "month", True
                first, last = _hijri_month(y, m)
                return _iso(first), _iso(last), "month", not g["year_a"]
            if g["year_a"]:
                return f"{int(g['year_a']):04d}-{m:02d}", None, "month", False
            ry = self._relative_year(cal, g.get("ryear_a"))
            if ry is not None:
                return f"{ry:04d}-{m:02d}", None, "month", True
            if pub is None:
                return None, None, "month", True
            y = pub.year if m <= pub.month else pub.year - 1
            return f"{y:04d}-{m:02d}", None, "month", True
        y = int(g["year_y"])
        if g["era_y"] and _key(g["era_y"]) in self.kn.hijri_era:
            first, _ = _hijri_month(y, 1)
            _, last = _hijri_month(y, 12)
            return _iso(first), _iso(last), "year", False
        return f"{y:04d}", None, "year", False

    def _relative_year(self, cal: str, period: str | None) -> int | None:
        """The year a relative year period after a Gregorian day or month names (شباط العام الماضي: the
        published year less one), or None (no such period, no published date, a Hijri month)."""
        if not period or self.pub is None or cal != "gregorian":
            return None
        unit, off = self.kn.periods[_key(period)]
        return self.pub.year + off if unit == "year" else None

    def _hijri_year(self, m: int, d: int) -> int | None:
        if self.pub is None:
            return None
        hy, hm, hd = gregorian_to_hijri(self.pub)
        return hy if (m, d) <= (hm, hd) else hy - 1

    def _day(self, cal: str, m: int, day: int, year: str | None):
        pub = self.pub
        if cal == "hijri":
            y = int(year) if year else self._hijri_year(m, day)
            if y is None or not 1 <= day <= 30:
                return None, None, "day", not year
            return _iso(hijri_to_gregorian(y, m, day)), None, "day", not year
        if year:
            d = _valid(int(year), m, day)
            return (_iso(d) if d else None), None, "day", False
        if pub is None:
            return None, None, "day", True
        d = _valid(pub.year, m, day)
        if d is None or d > pub:
            d = _valid(pub.year - 1, m, day)
        return (_iso(d) if d else None), None, "day", True

    def relative(self, g: dict) -> tuple[str | None, str | None, str, bool] | None:
        pub, kn = self.pub, self.kn
        if g["rday"]:
            off = kn.relative_days[_key(g["rday"])]
            return (_iso(pub + dt.timedelta(days=off)) if pub else None), None, "day", True
        if g["wd"]:
            if pub is None:
                return None, None, "day", True
            back = (pub.weekday() - kn.weekdays[_key(g["wd"])]) % 7
            mod = _key(g["wdmod"]) if g["wdmod"] else None
            if mod is None or mod in kn.past:
                back = back or (7 if mod else 0)
                return _iso(pub - dt.timedelta(days=back)), None, "day", True
            return _iso(pub + dt.timedelta(days=(-back) % 7 or 7)), None, "day", True
        if g["period"]:
            unit, off = kn.periods[_key(g["period"])]
            if unit == "week" and off == 0 and pub is not None:
                # هذا الأسبوع: what the report tells of this week is done by its day, so the week is the
                # seven days up to the published date, not the seven from it
                return _iso(pub - dt.timedelta(days=6)), _iso(pub), unit, True
            return self._minus(unit, -off), None, unit, True
        unit, form = kn.units[_key(g["unit"])]
        amount = g["amount"].strip()
        if amount and form != "singular" and _only_qualifier(amount, kn.numbers):
            amount = ""  # "قبل حوالى أسبوعين"
        if amount:
            nums = find_numbers(amount, kn.numbers)
            if len(nums) != 1 or nums[0].start != 0 or nums[0].end != len(amount) or form == "dual":
                return None
            n = nums[0].value
        else:
            n = {"singular": 1, "dual": 2, "plural": kn.vague_count}[form]
        return self._minus(unit, n), None, unit, True

    def _minus(self, unit: str, n: int) -> str | None:
        pub = self.pub
        if pub is None:
            return None
        if unit in ("day", "week"):
            try:
                return _iso(pub - dt.timedelta(days=n * (7 if unit == "week" else 1)))
            except OverflowError:
                return None   # منذ 730120 يوم: before the first day of the calendar, no date
        if unit == "month":
            y, m = _shift_month(pub.year, pub.month, -n)
            return f"{y:04d}-{m:02d}" if y >= 1 else None
        return f"{pub.year - n:04d}" if pub.year - n >= 1 else None


def _only_qualifier(s: str, numbers: NumberLexicon) -> bool:
    toks = tokenize(s)
    hit = numbers.qualifiers.match_at(toks, 0) if toks else None
    return hit is not None and hit.j == len(toks)


def find_dates(text: str, kn: DateKnowledge, published: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, left to right.

    Relative expressions are resolved against ``published``; without it they are still found,
    with value None.  A weekday is the latest such day on or before ``published`` (الماضي: before
    it, المقبل: after it); a month or day-month without a year is the latest one not after it.
    """
    f = fold(text)
    res = _Resolver(kn, published)
    out = []
    for m in kn.regex.finditer(f.key):
        g = m.groupdict()
        r = res.relative(g) if (g["rday"] or g["wd"] or g["period"] or g["ago"]) else res.absolute(g)
        if r is None:
            continue
        value, value_end, precision, relative = r
        if g["since"] or (g["ago"] and _key(g["ago"]) in kn.since):
            value_end = _iso(published) if published else None
        start, end = f.span(m.start("core"), m.end("core"))
        out.append(DateMention(start, end, text[start:end], value, value_end, precision, relative))
    return out
