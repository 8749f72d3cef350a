"""The date of an event: the date expression of its sentence nearest its trigger."""
from __future__ import annotations

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
