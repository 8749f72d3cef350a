"""Event-worthiness (issue 8, item 3): drop the events of clauses that name an act but report none.

The events stage reads an event wherever a trigger word has arguments. Many such clauses report
nothing: an act named as the motive of another (ردا على قصف …), an opinion, fear or warning
(تخشى إسرائيل دخول حزب الله المعركة), a habitual or generic statement, an act against a
phenomenon (التصدي للإرهاب), a campaign's quoted name (معركة "طوفان الأقصى"), the aim of an
attempt (يحاول التقدم للسيطرة على …) or an operation named by it (عملية تحرير أبين), a trend of acts
(تزايد الهجمات), an open-ended vow, or the trigger word in another sense
(تقدم بالتعازي، قوات التحالف). An event read as negated because a negation denies its toll
(لم تسجل إصابات بسقوط صاروخين) is asserted again; a demanded one (ضرورة الإفراج عن الأسرى) is planned, and so
is a foretold one (ستعقد الأمم المتحدة جولة محادثات في جنيف: a future governs its clause). Cue words live in knowledge/worthiness.yaml; the decisions in
:mod:`rasd.stages.worthiness.rules` are pure. A dropped event is not lost silently: the
document's warnings keep it with its reason (``rasd extract --trace`` shows them).

Background events told as past facts stay: the gold conventions (corpus/dev/NOTES.md) code them.
"""
from __future__ import annotations

import bisect

from rasd.doc import Doc, Event
from rasd.pipeline import Stage
from rasd.stages.clauses import ClauseCuts, clause_cuts
from rasd.stages.worthiness.cues import sentence_forms
from rasd.stages.worthiness.rules import OPENING_QUOTES, Site, modality, unworthy


class Worthiness(Stage):
    name = "worthiness"
    requires = ("sentences", "events")
    assigns = ("events",)

    @classmethod
    def defaults(cls):
        return {"enabled": True}

    def __call__(self, doc: Doc) -> Doc:
        if not self.config["enabled"] or not doc.events:
            return doc
        cues = self.resources.worthiness_cues
        starts = doc.token_starts
        forms: dict = {}   # a sentence's cue readings, read once for all its events
        cuts = clause_cuts(doc, self.resources)   # the clauses the events stage cut the text into
        kept = []
        for ev in doc.events:
            site = site_of(doc, ev, starts, cues.clause_ends, forms, cuts)
            why = unworthy(site, cues) if site is not None else None
            if why is None and site is not None and (mod := modality(site, cues)):
                ev.modality = mod[0]
                ev.extra.setdefault("why", {})["modality"] = mod[1]
            if why is None:
                kept.append(ev)
                continue
            trig = doc.text[ev.trigger[0]:ev.trigger[1]]
            doc.warnings.append(f"worthiness: no event from {ev.type} '{trig}' at {ev.trigger[0]}: {why}")
        doc.events = kept
        return doc


def site_of(doc: Doc, ev: Event, starts: list[int], ends: str = "", forms: dict | None = None,
            cuts: ClauseCuts | None = None) -> Site | None:
    """The words of the event's first evidence sentence and where its trigger stands in them;
    None for an event read without a trigger (a toll sentence). ``ends``: the marks that end a
    clause (the first one after the trigger, within its sentence, is the Site's ``clause_end``).
    ``forms``: the caller's memo of each sentence's cue readings (token range → its
    ``sentence_forms``), kept for one document: the events of one sentence share them. ``cuts``: the
    document's clause cuts (rasd.stages.clauses; the word after the last clause mark before the trigger,
    within its sentence, is the Site's ``clause_start``; its first word without them)."""
    if ev.trigger is None or not ev.evidence:
        return None
    t0, t1 = ev.trigger
    # the sentence of the trigger (an event the events stage merged has several)
    a, b = next(((x, y) for x, y in ev.evidence if x <= t0 < y), ev.evidence[0])
    lo = bisect.bisect_left(starts, a)
    hi = bisect.bisect_left(starts, b)
    i = max(bisect.bisect_right(starts, t0) - 1, lo)
    j = max(bisect.bisect_left(starts, t1), i + 1)
    if not (lo <= i < hi):
        return None
    keys = doc.keys[lo:hi]   # the tokens' keys (Doc.keys: keys[k] == tokens[k].key)
    after = doc.text[t1:t1 + 3].lstrip()
    end = next((ch for ch in doc.text[t1:b] if ch in ends), "") if ends else ""
    # the words' cue readings, read once per sentence (not once per event) when the caller keeps a memo
    fs = forms.get((lo, hi)) if forms is not None else None
    if fs is None:
        fs = sentence_forms(keys)
        if forms is not None:
            forms[lo, hi] = fs
    cut = cuts.mark_before(a, t0) if cuts is not None else -1
    start = max(bisect.bisect_right(starts, cut) - lo, 0) if cut >= 0 else 0
    # the proclitics written before the trigger inside its word (the events stage starts a trigger after them)
    prefix = doc.text[doc.tokens[i].start:t0] if doc.tokens[i].start < t0 else ""
    return Site(keys, i - lo, min(j, hi) - lo, ev.type, ev.modality, bool(ev.places),
                bool(after) and after[0] in OPENING_QUOTES, end, fs, clause_start=min(start, i - lo),
                prefix=prefix)
