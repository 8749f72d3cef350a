"""The features of one proposed event, read from its document (issue 8, item 3).

Each candidate is an event the rule system proposed (after the worthiness rules), seen in the
sentence of its trigger. The features are chosen to carry to outlets nobody annotated: the
trigger's folded word and its lexicon entry (the "lemma": every inflection a triggers.yaml line
matches), folded words in a ±4 window, the cue classes of the lexicons that occur in the sentence
(worthiness.yaml's motive, opinion, habit, vow, aim … lists; the events lexicon's word classes
and weapon lists; quote marks), the sentence's place in the report (headline, lead, body), the
shape of the trigger (first and last letters: tense and person of a verb, plural of a noun), how
many events, places and actors the sentence holds, whether an event of the same type was told
earlier in the report, the kinds of the event's places (a village, a governorate, a country), its
agents' categories, and how many tellings event coreference merged into it; and (VERSION 3)
the weapon words and target classes of the trigger's own clause, the modality cues in scope,
and how many events of the type (and with its place) the report told before, headline apart. No outlet, date or document id: nothing that names one source.

Everything here is a pure function of a Doc and the resources' lexicons; no Arabic literals.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rasd.arabic.clitics import cue_readings
from rasd.arabic.script import CLAUSE_PUNCT
from rasd.doc import Doc, Event
from rasd.stages.worthiness.cues import CueList, Cues, cue_after, cue_before, sentence_forms

WINDOW = 4
VERSION = 3     # raise when the features change: an installed model of another version is retrained
_ENTRY = re.compile(r"\((\w+), triggers\.yaml:(\d+)\)")
_QUOTED = re.compile(r"'[^']*'")
_ASCII_WORD = re.compile(r"[a-z]+")
QUOTES = frozenset('"«»“”')
# worthiness.yaml lists read over the whole sentence, before and after the trigger
# events-lexicon classes read inside the trigger's own clause: what was hit and who was hurt
CLAUSE_CLASSES = ("civilian_objects", "unarmed_victims", "armed_victims", "military_objects", "fixed_sites",
                  "struck_objects", "air_doers", "air_cues", "harm_words")
# modality.yaml lists read in a window before the trigger (negated, planned, conditional) and over
# the sentence before it (reporting verbs, denial)
MODALITY_SCOPES = ("negated", "planned", "conditional")
CUE_LISTS = ("motive", "opinion", "judgement_after", "habitual", "generic_objects", "vow", "aim",
             "toll_negation", "demand", "tally", "timeframe", "launch")


@dataclass(frozen=True)
class Lexicons:
    """The word lists the features name: worthiness cue lists widened to the whole sentence, the
    events lexicon's word classes (name → words) and weapon lists (type → words)."""

    cue_lists: tuple[CueList, ...]
    classes: dict
    weapons: dict
    modality: dict | None = None

    @classmethod
    def of(cls, cues: Cues, triggers) -> "Lexicons":
        wide = tuple(CueList(n, 60, getattr(cues, n).cues) for n in CUE_LISTS)
        return cls(wide, dict(triggers.words), dict(triggers.weapon), dict(triggers.modality))


def stem(key: str) -> str:
    """The last (shortest) cue reading of a folded word: without conjunction and article."""
    return cue_readings(key)[-1]


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3+"


def _skeleton(why: str | None, words: int = 6) -> str:
    """The English words of a why, quoted Arabic removed: the kind of decision, not its words."""
    if not why:
        return "none"
    return "_".join(_ASCII_WORD.findall(_QUOTED.sub(" ", why.lower()))[:words]) or "none"


class DocView:
    """What the features of every candidate of one document share (token starts, mentions by
    sentence, events by sentence)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = doc.token_starts   # the document's columns (read only)
        self.keys = doc.keys
        self.sentence_ids = [doc.sentence_of(e.trigger[0]) if e.trigger else None for e in doc.events]
        self.entities = {e.id: e for e in doc.entities}
        self.mention_types: dict[int, list[str]] = {}
        for m in doc.mentions:
            self.mention_types.setdefault(doc.sentence_of(m.start), []).append(m.type)

    def token_range(self, a: int, b: int) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)


@dataclass(frozen=True)
class Site:
    """Where event ``n`` stands: its sentence ``s`` (offsets ``a``–``b``, tokens ``lo``–``hi``) and
    its trigger's tokens ``i``–``j``."""

    n: int
    s: int
    a: int
    b: int
    lo: int
    hi: int
    i: int
    j: int


def site(view: DocView, n: int) -> Site:
    doc = view.doc
    t0, t1 = doc.events[n].trigger
    s = view.sentence_ids[n]
    a, b = doc.sentences[s] if doc.sentences else (0, len(doc.text))
    lo, hi = view.token_range(a, b)
    i = max(bisect.bisect_right(view.starts, t0) - 1, lo)
    j = max(bisect.bisect_left(view.starts, t1), i + 1)
    return Site(n, s, a, b, lo, hi, i, j)


def features(view: DocView, n: int, lex: Lexicons) -> list[str]:
    """The feature strings of event ``n`` of ``view.doc`` (one with a trigger)."""
    at = site(view, n)
    return ["bias", *trigger_features(view, at), *context_features(view, at, lex),
            *sentence_features(view, at), *event_features(view, at), *clause_features(view, at, lex),
            *modality_features(view, at, lex), *told_features(view, at)]


def _why(ev: Event) -> dict:
    return ev.extra.get("why", {}) if isinstance(ev.extra.get("why"), dict) else {}


def trigger_features(view: DocView, at: Site) -> list[str]:
    """The trigger: its word, lexicon entry and part of speech, shape, the kind of type decision."""
    ev = view.doc.events[at.n]
    word = stem(view.keys[at.i]) if at.i < len(view.keys) else ""
    why = _why(ev)
    type_why = why.get("type") if isinstance(why.get("type"), str) else ""
    m = _ENTRY.search(type_why)
    pos, entry = (m.group(1), m.group(2)) if m else ("none", "none")
    place = "headline" if at.s == 0 else "lead" if at.s == 1 else "body"
    return [f"type={ev.type}", f"w={word}", f"entry={entry}", f"pos={pos}",
            f"type|w={ev.type}|{word}", f"type|pos={ev.type}|{pos}", f"at={place}", f"type|at={ev.type}|{place}",
            f"typewhy={_skeleton(type_why)}", f"modality={ev.modality}",
            f"p1={word[:1]}", f"s1={word[-1:]}", f"s2={word[-2:]}", f"len={_bucket(len(word) // 2)}",
            f"multiword={at.j - at.i > 1}"]


def context_features(view: DocView, at: Site, lex: Lexicons) -> list[str]:
    """Words in the ±4 window; cue lists, word classes and weapon words before and after the trigger."""
    keys, lo, hi, i, j = view.keys, at.lo, at.hi, at.i, at.j
    f = [f"l={stem(keys[k])}" for k in range(max(lo, i - WINDOW), i)]
    f += [f"r={stem(keys[k])}" for k in range(j, min(hi, j + WINDOW))]
    if i - 1 >= lo:
        f.append(f"l1={stem(keys[i - 1])}")
    if j < hi:
        f.append(f"r1={stem(keys[j])}")
    fs = sentence_forms(keys[lo:hi])   # the sentence's cue readings, as worthiness reads them
    for cl in lex.cue_lists:
        if cue_before(fs, i - lo, 0, cl):
            f.append(f"cue<{cl.name}")
        if cue_after(fs, j - lo, len(fs), cl):
            f.append(f"cue>{cl.name}")
    for k in (*range(lo, i), *range(j, hi)):
        side = "<" if k < i else ">"
        reads = fs[k - lo]
        f += [f"cls{side}{name}" for name, words in lex.classes.items() if any(r in words for r in reads)]
        f += [f"weapon{side}{typ}" for typ, words in lex.weapons.items() if any(r in words for r in reads)]
    return f


def sentence_features(view: DocView, at: Site) -> list[str]:
    """Quotes, the sentence's events, mentions by type and length."""
    doc, s = view.doc, at.s
    ev = doc.events[at.n]
    text = doc.text
    f = []
    if sum(ch in QUOTES for ch in text[at.a:ev.trigger[0]]) % 2:
        f.append("inside_quotes")
    if any(ch in QUOTES for ch in text[at.a:at.b]):
        f.append("quotes_in_sentence")
    here = [e for e, x in zip(doc.events, view.sentence_ids) if x == s]
    f.append(f"events_in_sentence={_bucket(len(here))}")
    f.append(f"other_types_in_sentence={_bucket(len({e.type for e in here} - {ev.type}))}")
    kinds = view.mention_types.get(s, [])
    f += [f"{typ.lower()}s={_bucket(kinds.count(typ))}" for typ in ("ACTOR", "PLACE", "PERSON", "SOURCE")]
    f.append(f"sentence_words={_bucket((at.hi - at.lo) // 15)}")
    return f


def event_features(view: DocView, at: Site) -> list[str]:
    """The event's arguments (counts, place kinds, agent categories, how each was read), its merged
    tellings, and the events told before it."""
    doc = view.doc
    ev = doc.events[at.n]
    why = _why(ev)
    f = [f"places={_bucket(len(ev.places))}", f"agents={_bucket(len(ev.agents))}",
         f"targets={_bucket(len(ev.targets))}", f"fatalities={ev.fatalities is not None}",
         f"attributed={ev.attribution is not None}", f"tellings={_bucket(len(ev.evidence))}"]
    for pid in ev.places[:2]:
        ent = view.entities.get(pid)
        f.append(f"place_kind={((ent.geo or {}).get('feature') if ent else None) or 'none'}")
    for aid in ev.agents[:2]:
        ent = view.entities.get(aid)
        f.append(f"agent_category={(ent.category if ent else None) or 'none'}")
    merged = why.get("merged") if isinstance(why.get("merged"), list) else []
    f.append(f"merged={_bucket(len(merged))}")
    for role in ("agents", "places"):
        for w in (why.get(role) or {}).values() if isinstance(why.get(role), dict) else ():
            f.append(f"{role}why={_skeleton(w, 3)}")
    earlier = [e for e, x in zip(doc.events[:at.n], view.sentence_ids[:at.n]) if x is not None and x < at.s]
    f.append(f"same_type_earlier={any(e.type == ev.type for e in earlier)}")
    f.append(f"any_earlier={bool(earlier)}")
    return f


def clause(view: DocView, at: Site, lex: Lexicons) -> tuple[int, int]:
    """The tokens of the trigger's own clause: from after the last clause break (a clause_breaks
    word of the events lexicon, or a comma, semicolon, colon or bracket between two words) before
    the trigger to before the first one after it, inside the sentence."""
    breaks = lex.classes.get("clause_breaks", frozenset())
    text, ends, starts, keys = view.doc.text, view.doc.token_ends, view.starts, view.keys

    def punct_before(k: int) -> bool:    # a clause mark between token k-1 and token k
        return k > at.lo and any(ch in CLAUSE_PUNCT for ch in text[ends[k - 1]:starts[k]])

    def is_break(k: int) -> bool:
        return any(r in breaks for r in cue_readings(keys[k]))

    a = at.i
    while a > at.lo and not punct_before(a) and not is_break(a - 1):
        a -= 1
    b = at.j
    while b < at.hi and not punct_before(b) and not is_break(b):
        b += 1
    return a, b


def clause_features(view: DocView, at: Site, lex: Lexicons) -> list[str]:
    """The weapon/means words and the target classes (civilian places and people, armed men and
    military sites, aircraft) of the trigger's own clause, alone and with the proposed type."""
    typ = view.doc.events[at.n].type
    a, b = clause(view, at, lex)
    f = [f"clause_words={_bucket((b - a) // 5)}"]
    reads = [cue_readings(view.keys[k]) for k in range(a, b) if not at.i <= k < at.j]
    hits = {f"clause_weapon={w}" for w, words in lex.weapons.items() if any(r in words for rs in reads for r in rs)}
    hits |= {f"clause_cls={c}" for c in CLAUSE_CLASSES
             if any(r in lex.classes.get(c, ()) for rs in reads for r in rs)}
    for h in sorted(hits):
        f += [h, f"clause_type|{typ}|{h.split('=', 1)[1]}"]
    return f


def modality_features(view: DocView, at: Site, lex: Lexicons) -> list[str]:
    """modality.yaml cues in scope: a negation, plan or condition word in its window before the
    trigger; a reporting or denial verb earlier in the sentence."""
    mod = lex.modality or {}
    keys = view.keys
    f = []
    for name in MODALITY_SCOPES:
        m = mod.get(name)
        if not m:
            continue
        lo = max(at.lo, at.i - int(m["window"]))
        if any(r in m["before"] for k in range(lo, at.i) for r in cue_readings(keys[k])):
            f.append(f"modcue={name}")
    for name in ("reporting_verbs", "denial"):
        if any(r in mod.get(name, ()) for k in range(at.lo, at.i) for r in cue_readings(keys[k])):
            f.append(f"modcue_sentence={name}")
    return f


def told_features(view: DocView, at: Site) -> list[str]:
    """How often the report already told an event of this type before this sentence, with one of
    this event's places, and whether its headline did (the lead and body retell the headline)."""
    doc = view.doc
    ev = doc.events[at.n]
    places = set(ev.places)
    before = [e for e, x in zip(doc.events, view.sentence_ids) if x is not None and x < at.s and e.type == ev.type]
    f = [f"told_type={_bucket(len(before))}",
         f"told_type_place={_bucket(sum(bool(places & set(e.places)) for e in before))}"]
    if at.s > 0:
        f.append(f"told_in_headline={any(x == 0 and e.type == ev.type for e, x in zip(doc.events, view.sentence_ids))}")
    return f
