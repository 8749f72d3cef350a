"""Sentences as token ranges with their mentions, and the clause around a trigger."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from rasd.arabic.clitics import starts_with_and
from rasd.arabic.script import BIDI_MARKS
from rasd.doc import Mention
from rasd.stages.clauses import ClauseCuts, clause_cuts
from rasd.stages.cuematch import cue_length, in_list
from rasd.stages.events.triggers import Trig

# words at most between a noun trigger and a relative pronoun that opens a clause about it (an adjective)
RELATIVE_GAP = 1


@dataclass
class Sent:
    start: int
    end: int
    lo: int                      # token range
    hi: int
    mentions: list[Mention] = field(default_factory=list)


# a headline of fewer words may recur by chance; a link line's lead-in before the repeated title
MIN_REPEAT_WORDS = 5
REPEAT_LEAD_WORDS = 6


class Clauses:
    """Token helpers, sentences and clauses of the reader."""

    def key(self, i: int) -> str:
        return self.keys[i] if 0 <= i < len(self.keys) else ""

    def span_text(self, i: int, j: int) -> str:
        return self.doc.text[self.toks[i].start:self.toks[j - 1].end]

    def near_before(self, i: int, name: str, window: int, lo: int) -> int | None:
        """The nearest token of the ``window`` before ``i`` that is (or opens) a cue of list ``name``."""
        opens, keys = self.L.cue_starts.lookup, self.keys   # the gate of cue_at, without its frame
        for k in range(i - 1, max(lo, i - window) - 1, -1):
            if name in opens(keys[k]) and self.cue_at(k, name, i):
                return k
        return None

    def cue_at(self, k: int, name: str, end: int | None = None) -> int:
        """How many tokens from ``k`` (ending by ``end``) make a cue of list ``name``: a phrase of
        several words (في حين، غير أن) or one word; 0 when none does."""
        return cue_length(self.L, self.keys, k, name, len(self.toks) if end is None else end)

    @cached_property
    def cuts(self) -> ClauseCuts:
        """The document's clause cuts (rasd.stages.clauses), shared with the worthiness stage."""
        return clause_cuts(self.doc, self.res, self.breaks)

    def clause_break(self, k: int, end: int) -> int:
        """How many tokens the clause-break word or phrase at ``k`` spans (ending by ``end``); 0 if none."""
        return self.cuts.break_at(k, end)

    def sentences(self) -> list[Sent]:
        out, ti = [], 0
        # tokens are in text order and do not overlap: their starts and ends both ascend
        starts, ends = self.doc.token_starts, self.doc.token_ends
        for s, e in self.doc.sentences:
            ti = bisect_left(starts, s, ti)     # the first token from ti starting at s or after
            tj = bisect_right(ends, e, ti)      # … and the first from there ending after e
            out.append(Sent(s, e, ti, tj))
            ti = tj
        ms = sorted((m for e in self.doc.entities for m in e.mentions), key=lambda m: m.start)
        k = 0
        for st in out:
            while k < len(ms) and ms[k].start < st.end:
                if ms[k].start >= st.start:
                    st.mentions.append(ms[k])
                k += 1
        return out

    def clause(self, st: Sent, t: Trig) -> tuple[int, int]:
        lo, hi = st.lo, st.hi
        cuts = self.cuts
        for k in reversed(cuts.breaks_between(st.lo, t.i)):
            if cuts.break_at(k, t.i):
                lo = k
                break
        for k in cuts.breaks_between(t.j, st.hi):
            if cuts.break_at(k, st.hi):
                if self.describes(t, k):
                    continue      # التفجير الذي وقع في X: the relative clause tells where and on whom
                hi = k
                break
        # a following verb trigger joined by و opens a new clause (سيطر على X ويتابع تقدمه نحو Y)
        nxt = next((o.i for o in self.sentence_triggers if o.i >= t.j and self.opens_clause(o)), None)
        if nxt is not None and nxt < hi:
            hi = nxt
        # … and that clause is its own: the places and actors of the clause before are not its (a
        # relative clause goes on: التي استولت عليها … والانفراد بالسيطرة على X still refers back)
        if self.opens_clause(t) and not self.relative_clause(lo) and any(o.i < t.i for o in self.sentence_triggers):
            lo = max(lo, t.i)
        return lo, hi

    def opens_clause(self, t: Trig) -> bool:
        """A trigger that opens a clause of its own: a verb joined by و (وقصفت), or a trigger right
        after a word joined by و (ونفذت غارات). An instrument (قصف الطيران المروحي والحربي بالبراميل)
        opens none: it goes on with the act it is the weapon of."""
        return (t.d.pos == "verb" and (starts_with_and(self.key(t.i)) or self.after_comma(t.i))) or (
            starts_with_and(self.key(t.i - 1)) and len(self.key(t.i - 1)) > 3 and not self.instrument(t))

    def after_comma(self, i: int) -> bool:
        """A comma stands right before token ``i`` (…، استهدفت …: a verb after a comma starts a clause)."""
        return i > 0 and any(c in self.doc.text[self.toks[i - 1].end:self.toks[i].start] for c in "،,")

    def describes(self, t: Trig, k: int) -> bool:
        """A relative pronoun at ``k`` opens a clause about a noun trigger itself (التفجير الذي وقع في
        X، الهجومين اللذين استهدفا X): it stands right after the trigger or after one word that
        qualifies it (الاستهداف الصاروخي، الذي طال …), so that clause's places and participants are
        the act's own. When the word between opens a place or actor mention (قصف إدلب التي تسيطر
        عليها …), the clause describes that mention, not the act; a nationality adjective (القصف
        الإسرائيلي الذي …) still qualifies the act."""
        if not (t.d.pos == "noun" and k - t.j <= RELATIVE_GAP and self.relative_clause(k)):
            return False
        return k == t.j or self.toks[t.j].start not in self.named_starts

    @cached_property
    def named_starts(self) -> frozenset[int]:
        """Start offsets of the report's PLACE and ACTOR mentions named by a noun (not a nationality
        adjective, ``party_of``); worked out once per reader (one reader reads one document)."""
        return frozenset(m.start for e in self.doc.entities if e.type in ("PLACE", "ACTOR")
                         for m in e.mentions if not m.party_of)

    def relative_clause(self, lo: int) -> bool:
        return in_list(self.L, "relatives", self.key(lo))

    def sent_keys(self, st: Sent) -> list[str]:
        return [self.key(k) for k in range(st.lo, st.hi)]

    def near_spans(self, st: Sent) -> list[tuple[int, int]]:
        """Token ranges of the sentences before and after."""
        sents, n = self.all_sentences, self.all_sentences.index(st)
        return [(s2.lo, s2.hi) for s2 in sents[max(0, n - 1):n] + sents[n + 1:n + 2]]

    def near_keys(self, st: Sent) -> list[str]:
        """Words of the sentences before and after."""
        sents, n = self.all_sentences, self.all_sentences.index(st)
        return [k for s2 in sents[max(0, n - 1):n] + sents[n + 1:n + 2] for k in self.sent_keys(s2)]

    def is_headline(self, st: Sent) -> bool:
        """A sentence on a title or sub-heading line: a short line that ends unpunctuated. A direction
        mark after the line's last stop (".\u200f", a right-to-left mark some sites put at the end of
        each paragraph) is invisible: the line ends on the stop."""
        text = self.doc.text
        a = text.rfind("\n", 0, st.start) + 1
        b = text.find("\n", st.end)
        b = len(text) if b < 0 else b
        line = text[a:b]
        while line and (line[-1].isspace() or line[-1] in BIDI_MARKS):
            line = line[:-1]
        return len(self.doc.sentences) > 1 and 0 < len(line) < 160 and line[-1] not in ".!?؟:،,"

    def headline_repeats(self, sents: list[Sent], headline: list[bool]) -> list[bool]:
        """Which sentences repeat the report's headline word for word further down: a site's link line
        after the story (a title after a short lead-in, "the link to the story: <title>") or a title
        told twice. They restate the headline as the headline does, so they open no event of their own.
        The lead (the first sentence after the headline) is never such a repeat: it tells the story,
        often in the headline's words.
        The headline is the report's first line when its sentences read as one (``is_headline``) and
        it has at least ``MIN_REPEAT_WORDS`` words (a shorter title may recur by chance). A sentence
        repeats it when it lies inside a later occurrence of the title's words, or opens at most
        ``REPEAT_LEAD_WORDS`` words before one (the lead-in)."""
        out = [False] * len(sents)
        if not sents or not headline[0]:
            return out
        first = [n for n, st in enumerate(sents) if headline[n] and "\n" not in self.doc.text[sents[0].start:st.start]]
        hk = [k for n in first for k in self.sent_keys(sents[n]) if k]
        if len(hk) < MIN_REPEAT_WORDS:
            return out
        start = sents[first[-1]].hi
        lead = first[-1] + 1   # the lead tells the headline's story, often in its words (review14)
        keys = self.keys
        spans = []
        for k in range(start, len(keys) - len(hk) + 1):
            if keys[k] == hk[0] and keys[k:k + len(hk)] == hk:
                spans.append((k, k + len(hk)))
        for a, b in spans:
            for n, st in enumerate(sents):
                if st.lo >= start and st.lo < b and st.hi > a and st.lo >= a - REPEAT_LEAD_WORDS \
                        and st.hi <= b and n > lead:
                    out[n] = True
        return out
