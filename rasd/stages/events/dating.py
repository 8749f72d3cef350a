"""The date of an event: the date expression of its sentence nearest its trigger; the days a date covers.

:func:`span_of` and :func:`apart_in_time` are the one test of "two tellings told of two times" that the
events stage (merging a report's tellings) and eventcoref (rank.decide: different dates) share.
"""
from __future__ import annotations

import datetime as _dt

from rasd.arabic.dates import find_dates
from rasd.stages.events.clauses import Sent
from rasd.stages.events.lexicon import MAX_YEARS_BACK
from rasd.stages.events.triggers import Trig


class Dating:
    """Dates of a sentence, read once per sentence."""

    def sentence_dates(self, st: Sent) -> list:
        """Dates of the sentence that can date an event of this report: a year long before the
        report was published (عام 1219 in a history aside) dates no event it reports."""
        if self._dates_for is not st:
            ds = find_dates(self.doc.text[st.start:st.end], self.dates_kn, self.published)
            if self.published is not None:
                ds = [d for d in ds if not d.value or int(d.value[:4]) >= self.published.year - MAX_YEARS_BACK]
            self._dates_for, self._dates = st, ds
        return self._dates

    def date(self, st: Sent, t: Trig) -> dict | None:
        ds = self.sentence_dates(st)
        if not ds:
            return None
        pos = self.toks[t.i].start - st.start
        d = min(ds, key=lambda d: abs(d.start - pos))
        j = d.to_json()
        j["text"] = self.doc.text[st.start + d.start:st.start + d.end]
        return j

    def date_at(self, st: Sent) -> dict | None:
        ds = self.sentence_dates(st)
        if not ds:
            return None
        j = ds[0].to_json()
        j["text"] = self.doc.text[st.start + ds[0].start:st.start + ds[0].end]
        return j


def span_of(date: dict | None) -> tuple[str, str] | None:
    """The first and last day (ISO) an event's date covers: a day itself, a week from its value to its
    end (or six days on), a month or a year whole; None when the telling has no date."""
    if not date or not date.get("value"):
        return None
    v, prec = str(date["value"]), date.get("precision")
    if prec == "day" and len(v) == 10:
        return v, v
    if prec == "week" and len(v) == 10:
        end = date.get("end") or (_dt.date.fromisoformat(v) + _dt.timedelta(days=6)).isoformat()
        return v, str(end)
    if prec == "month" and len(v) == 7:
        y, m = int(v[:4]), int(v[5:])
        last = (_dt.date(y + m // 12, m % 12 + 1, 1) - _dt.timedelta(days=1)).isoformat()
        return f"{v}-01", last
    if prec == "year" and len(v) == 4:
        return f"{v}-01-01", f"{v}-12-31"
    return None


def day_span(date: dict | None) -> tuple[str, str] | None:
    """:func:`span_of` of a date told to the day; None for a week, month or year, or no date."""
    return span_of(date) if date and date.get("precision") == "day" else None


def apart_in_time(x: tuple[str, str] | None, y: tuple[str, str] | None) -> bool:
    """The two tellings' dates share no day (a month holds every day of it; a day of another month, or
    another month, is another time: an act of last month told in the body is not the lead's act)."""
    return x is not None and y is not None and (x[1] < y[0] or y[1] < x[0])


def narrower(x: tuple[str, str] | None, y: tuple[str, str] | None) -> tuple[str, str] | None:
    """The more exact of two date spans (the one covering fewer days), the other when one is None."""
    if x is None or y is None:
        return x or y
    return x if _days(x) <= _days(y) else y


def _days(x: tuple[str, str]) -> int:
    return (_dt.date.fromisoformat(x[1]) - _dt.date.fromisoformat(x[0])).days
