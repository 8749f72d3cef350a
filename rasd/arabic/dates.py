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
from pathlib import Path

from rasd.arabic.normalize import fold, fold_str
from rasd.arabic.numbers import NumberLexicon, find_numbers
from rasd.arabic.tokens import tokenize
from rasd.errors import KnowledgeError
from rasd.kb.yamlfile import KNOWLEDGE_DIR, load, require, str_list

PRECISIONS = ("day", "week", "month", "year")
_DEFAULT_FILE = KNOWLEDGE_DIR / "dates.yaml"
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
class _Knowledge:
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


def _table(data: dict, section: str, key_name: str, value_name: str | None = None, path: Path = _DEFAULT_FILE):
    """Entries of a list of mappings {key_name: …, words: […]} as folded word → entry."""
    out = {}
    entries = data.get(section)
    require(isinstance(entries, list), path, data, f"'{section}' must be a list")
    for e in entries:
        require(isinstance(e, dict) and key_name in e, path, e, f"'{section}' entries need '{key_name}'")
        for w in str_list(path, e, "words"):
            out[_key(w)] = e
    return out


def _numbered(data: dict, section: str, path: Path = _DEFAULT_FILE) -> dict[str, int]:
    table = data.get(section)
    require(isinstance(table, dict), path, data, f"'{section}' must map numbers to word lists")
    out = {}
    for n, words in table.items():
        if n == "__line__":
            continue
        require(isinstance(n, int), path, table, f"'{section}': {n!r} must be a number")
        for w in str_list(path, {"w": words, "__line__": table["__line__"]}, "w"):
            out[_key(w)] = n
    return out


def knowledge(path: Path | None = None, numbers: NumberLexicon | None = None) -> _Knowledge:
    """Load dates.yaml and compile the date regex (not cached); KnowledgeError names file and line.
    ``numbers`` is the number lexicon (read from numbers.yaml beside ``path`` when not given)."""
    from rasd.arabic.numbers import lexicon

    path = path or _DEFAULT_FILE
    numbers = numbers or lexicon(path.with_name("numbers.yaml"))
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping")
    months = {}
    for w, e in _table(data, "months", "month", path=path).items():
        require(e.get("calendar") in ("gregorian", "hijri") and e["month"] in range(1, 13), path, e,
                "a month needs 'month: 1..12' and 'calendar: gregorian|hijri'")
        months[w] = (e["calendar"], e["month"], bool(e.get("strict")))
    rel = {w: e["offset"] for w, e in _table(data, "relative_days", "offset", path=path).items()}
    periods = {}
    for w, e in _table(data, "relative_periods", "unit", path=path).items():
        require(e["unit"] in ("week", "month", "year") and isinstance(e.get("offset"), int), path, e,
                "a period needs 'unit: week|month|year' and an integer 'offset'")
        periods[w] = (e["unit"], e["offset"])
    units = {}
    for e in data.get("units") or []:
        require(isinstance(e, dict) and e.get("unit") in ("day", "week", "month", "year"), path, e,
                "a unit needs 'unit: day|week|month|year'")
        for form in ("singular", "dual", "plural"):
            for w in str_list(path, e, form):
                units[_key(w)] = (e["unit"], form)
    vague = data.get("vague_count")
    if not isinstance(vague, int) or vague < 1:
        raise KnowledgeError(f"{path.name}: 'vague_count' must be a positive integer")
    ordinals, weekdays = _numbered(data, "ordinals", path), _numbered(data, "weekdays", path)
    words = {name: [_key(w) for w in str_list(path, data, name)]
             for name in ("month_word", "year_words", "hijri_era", "gregorian_era", "day_word",
                          "past_words", "future_words", "day_parts", "ago_words", "since_words",
                          "of_words", "equals_words")}
    return _Knowledge(_compile(months, ordinals, weekdays, rel, periods, units, words, numbers.proclitics), months,
                      ordinals, weekdays, rel, periods, units, frozenset(words["hijri_era"]),
                      frozenset(words["past_words"]), frozenset(words["since_words"]), vague, numbers)


def _compile(months, ordinals, weekdays, rel, periods, units, w, proclitics: str) -> re.Pattern:
    month, wd, day_word = _alt(months), _alt(weekdays), _alt(w["day_word"])
    era = _alt(w["hijri_era"] + w["gregorian_era"])
    of = rf"(?:\s+(?:{_alt(w['of_words'])}))?"
    proclitics = re.escape(proclitics)
    year = (rf"{of}\s*(?:(?:{_alt(w['year_words'])})\s+)?(?P<{{y}}>\d{{{{4}}}})"
            rf"(?:\s*(?P<{{e}}>{era})(?!\w))?")
    parts = rf"(?:(?:{_alt(w['day_parts'])})\s+)"
    month2 = rf"(?:\s*[/(\-]\s*(?:{month})\s*\)?)?"
    absolute = (
        rf"(?P<since>(?:{_alt(w['since_words'])})\s+)?"
        rf"(?:{parts}?(?:(?:{day_word})\s+)?(?:{wd})\s+(?:(?:{_alt(w['equals_words'])})\s+)?)?"
        rf"(?:(?P<nd>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<nm>\d{{1,2}})\s*(?P=sep)\s*(?P<ny>\d{{4}})"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
        rf"|(?P<day>\d{{1,2}}|{_alt(ordinals)}){of}\s+(?:(?:{_alt(w['month_word'])})\s+)?"
        rf"(?P<month>{month}){month2}(?:{year.format(y='year', e='era')})?"
        rf"|(?P<mword>(?:{_alt(w['month_word'])})\s+)?(?P<month_a>{month}){month2}"
        rf"(?:{year.format(y='year_a', e='era_a')})?"
        rf"|(?:{_alt(w['year_words'])})\s+(?P<year_y>\d{{4}})(?:\s*(?P<era_y>{era})(?!\w))?)")
    relative = (
        rf"{parts}?(?P<rday>{_alt(rel)})"
        rf"|(?P<part>{parts})?(?:(?:{day_word})\s+)?(?P<wd>{wd})"
        rf"(?:\s+(?P<wdmod>{_alt(w['past_words'] + w['future_words'])}))?"
        rf"|(?P<period>{_alt(periods)})"
        rf"|(?P<ago>{_alt(w['ago_words'] + w['since_words'])})\s+(?P<amount>(?:\S+\s+){{0,3}}?)"
        rf"(?P<unit>{_alt(units)})")
    return re.compile(rf"(?<!\w)[{proclitics}]{{0,2}}(?P<core>{absolute}|{relative})(?!\w)")


# ---- reading ----------------------------------------------------------------------------------

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
    def __init__(self, kn: _Knowledge, published: dt.date | None):
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
            return _iso(pub - dt.timedelta(days=n * (7 if unit == "week" else 1)))
        if unit == "month":
            y, m = _shift_month(pub.year, pub.month, -n)
            return f"{y:04d}-{m:02d}"
        return f"{pub.year - n:04d}"


def _only_qualifier(s: str, numbers: NumberLexicon) -> bool:
    toks = tokenize(s)
    hit = numbers.qualifiers.match_at(toks, 0) if toks else None
    return hit is not None and hit.j == len(toks)


def find_dates(text: str, kn: _Knowledge, published: dt.date | None = None) -> list[DateMention]:
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
