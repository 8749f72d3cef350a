"""Fatalities: the death toll of a sentence (:func:`read_toll`, over the number reader and the casualty
phrases of numbers.yaml), given to its violent events or made a CASUALTIES event."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from rasd.kb.ontology import event_mapping
from rasd.arabic.numbers import KINDS, FoundNumber, NumberLexicon, NumberReader
from rasd.arabic.clitics import is_definite, reads_as
from rasd.doc import Event
from rasd.stages.events.clauses import Sent
from rasd.stages.cuematch import in_list

# what may stand between a person's name and the origin word after it: spaces, a comma, a quoted nickname
_NAME_GAP = re.compile(r'^\s*(?:["«“][^"»”]{0,40}["»”])?\s*[،,]?\s*$')


@dataclass(frozen=True, slots=True)
class FatalityCount:
    """People killed according to one sentence; the span is the count (or the no-loss phrase)."""

    value: int
    start: int
    end: int
    kind: str

    @property
    def approx(self) -> bool:
        return self.kind != "exact"


_WEAKEST = {k: n for n, k in enumerate(KINDS)}
_SCAN = 6  # words between a killing word and its count at most
# words after a count a killing word may stand in, for the toll of an act told in the sentence: its noun
# and the group the counted are of ("9 عناصر من تنظيم داعش قتلوا في الغارات"; round 28 tolls28). A toll
# with no act told keeps the shorter reach: over train and valid the longer one made CASUALTIES reports
# the gold does not code (docs/lexicon-checks.md, Round 28: tolls28).
AFTER_ACT = 6


def read_toll(sentence_text: str, lex: NumberLexicon, sentence_start: int = 0,
              after: int = 3) -> FatalityCount | None:
    """People killed according to one sentence, or None when it gives no (or an unknown) toll.

    Counts tied to a killing word ("مقتل 12 مدنيا", "12 قتيلا", "لقي 5 أشخاص حتفهم") are read;
    wounded counts are not.  Counts joined by و add up ("12 من الجيش و9 من المسلحين" = 21);
    separate tolls in one sentence (a first report, then a risen toll) give the largest.  A
    statement that nobody died gives 0; one that the toll is unknown gives None.
    Offsets are ``sentence_start`` + offsets in the sentence. ``after``: how many words after a count
    a killing word may stand (3: "لقي 5 أشخاص حتفهم"); the toll of a violent act told in the sentence is
    read with AFTER_ACT, which also reaches past the group the counted are of ("9 عناصر من داعش قتلوا
    في الغارات"), a preposition or a wounding word stopping it.
    """
    r = NumberReader(sentence_text, lex)
    if r.spans("unknown_casualties"):
        return None
    zero = r.spans("no_casualties")
    marks = {name: {j - 1 if name == "kill_before" else i for i, j in r.spans(name)}
             for name in ("kill_before", "dead_after", "kill_after", "wound", "subset", "break_words",
                          "alive_after", "thing_after")}
    in_zero = {k for i, j in zero for k in range(i, j)}
    found = [f for f in r.numbers() if f.n not in in_zero]
    by_end = {f.j - 1: f for f in found}
    groups: list[list[FoundNumber]] = []
    group_of: dict[int, int] = {}  # last token of a counted number → its group
    for f in found:
        if (g := _kill_group(r, f, marks, by_end, group_of, after)) is None:
            continue
        if g == len(groups):
            groups.append([])
        groups[g].append(f)
        group_of[f.j - 1] = g
    if groups:
        best = max(groups, key=lambda g: sum(f.number.value for f in g))
        kind = max((f.number.kind for f in best), key=_WEAKEST.__getitem__)
        return FatalityCount(sum(f.number.value for f in best), sentence_start + best[0].number.start,
                             sentence_start + best[-1].number.end, kind)
    numbered = {k for f in found for k in range(f.n, f.j + 1)}
    governed = [k + 1 for k in marks["kill_before"] if k + 1 < len(r.toks) and not r._broken(k + 1)]
    # "سقوط قتيل" counts one; a definite one ("الشهيد قاسم سليماني", "كتائب الشهيد عز الدين القسام",
    # "خلفا للشهيد إسماعيل هنية") is a title or a known person named again, not a count of new dead,
    # unless the sentence reports a death: a killing word ("استشهاد الأسير خالد", "أعلنت استشهاد
    # فلان … والشهيد فلان") or a death notice (numbers.yaml death_notice: "زفت المقاومة الشهيد …",
    # "الشهيد … الذي ارتقى")
    notice = bool(marks["kill_before"]) or bool(marks["dead_after"] and r.spans("death_notice"))
    singles = governed + [k for k in marks["dead_after"] if notice or k in governed or not _definite(r, k)]
    # the death noun of "بين قتيل وجريح" counts no one: dead and wounded in unknown shares
    mixed = {k for i, j in r.spans("dead_or_wounded") for k in range(i, j)} if singles else set()
    for k in sorted(singles):
        if k not in numbered and k not in in_zero and k not in mixed and r.noun(k) == ("sg", True):
            t = r.toks[k]
            return FatalityCount(1, sentence_start + t.start, sentence_start + t.end, "exact")
    if zero:
        i, j = zero[0]
        return FatalityCount(0, sentence_start + r.toks[i].start, sentence_start + r.toks[j - 1].end,
                             "exact")
    return None


def _definite(r: NumberReader, k: int) -> bool:
    """Token k is a counted noun that carries the article (every reading of it as a counted noun)."""
    found = [prefix for prefix, stem in r.readings[k] if stem in r.lex.nouns]
    return bool(found) and all(is_definite(prefix) for prefix in found)  # ال, لل


def _kill_group(r: NumberReader, f: FoundNumber, marks: dict[str, set[int]], by_end: dict[int, FoundNumber],
                group_of: dict[int, int], after: int = 3) -> int | None:
    """The toll group a number belongs to (a new one = len(groups)), or None if it is no toll."""
    n = len(r.toks)
    nxt = f.j if f.j < n and not r._broken(f.j) else None
    noun = r.noun(nxt) if nxt is not None else None
    if (noun and not noun[1]) or nxt in marks["thing_after"]:
        return None  # "3 غارات", "50 منزلا", "18 شهرا": a count of things, money or time
    if nxt is not None and nxt not in marks["dead_after"] and (
            nxt in marks["wound"] or (noun and nxt + 1 < n and nxt + 1 in marks["wound"]
                                      and not r._broken(nxt + 1)
                                      and not r.toks[nxt + 1].key.startswith(r.lex.conj))):
        return None  # "30 جريحا", "10 أشخاص جرحى" (but "3 عناصر وإصابة آخرين" is a toll of 3)
    new = len(set(group_of.values()))
    if f.j - 1 in marks["dead_after"] or nxt in marks["dead_after"]:
        return new  # "12 قتيلا", "قتيلان"
    for k in range(f.j, min(f.j + after, n)):
        if r._broken(k):
            break
        if k in marks["kill_after"]:
            return new  # "لقي 5 أشخاص حتفهم", "9 عناصر من داعش قتلوا" (AFTER_ACT)
        if k >= f.j + 3 and (k in marks["break_words"] or k in marks["wound"]):
            break   # past three words a preposition or a wounding word starts another phrase
    if nxt is not None and nxt in marks["alive_after"] and not (
            f.i > 0 and f.i - 1 in marks["kill_before"] and not r._broken(f.i)):
        return None  # "400 ألف نازح": it counts people alive (but "مقتل 20 معتقلا", "50 أسيرا قتلوا")
    first = r.toks[f.i]
    conj = r.lex.conj
    wa = (first.key.startswith(conj) and f.number.start > first.start) or (
        f.i > 0 and r.toks[f.i - 1].key == conj)
    for k in range(f.i - 1, max(-1, f.i - 1 - _SCAN), -1):
        if r._broken(k + 1) or k in marks["wound"] or k in marks["subset"]:
            return None
        if k in by_end:  # another count stands between: join it only as "… و9"
            return group_of.get(k) if wa else None
        if k in marks["kill_before"]:
            return new
        if k in marks["break_words"]:
            return None
    return None


# how a toll's place skips a home town (origin_of_person), for its why
_HOME_TOWN = "a place after triggers.yaml person_origin_markers that follows a person's name"


def root_sites(key: str, words) -> list[tuple[int, list[int]]] | None:
    """Where each of ``words`` stands in ``key``: (its length, the offsets of all its occurrences,
    overlapping ones included, ascending) for each word found; None when a word is empty (it stands
    everywhere)."""
    out = []
    for w in dict.fromkeys(words):
        if not w:
            return None
        starts, i = [], key.find(w)
        while i >= 0:
            starts.append(i)
            i = key.find(w, i + 1)
        if starts:
            out.append((len(w), starts))
    return out


def holds_root(sites: list[tuple[int, list[int]]] | None, a: int, b: int) -> bool:
    """Whether one of the words :func:`root_sites` found stands whole in ``key[a:b]``: the first
    occurrence of a word at or after ``a`` ends first (a word's occurrences all have its length)."""
    if sites is None:
        return True
    for n, starts in sites:
        k = bisect_left(starts, a)
        if k < len(starts) and starts[k] + n <= b:
            return True
    return False


class Fatalities:
    """Death tolls of a sentence."""

    def mentions_casualties(self, st: Sent, violent: bool) -> bool:
        """Whether the sentence's folded key holds a casualty root (triggers.yaml casualty_roots; in a
        violent sentence also no_casualty_roots) as a substring, anywhere: what the lexicon's
        ``root_patterns`` find in it. The roots' places in the document's key are found once (one
        C-level ``str.find`` run per root, kept in ``root_sites``) and each sentence is then a few
        bisections, not a search of the alternation at every letter of the sentence."""
        if st.lo >= st.hi:
            return False
        a, b = self.toks[st.lo].kstart, self.toks[st.hi - 1].kend
        return self._holds("casualty_roots", a, b) or (violent and self._holds("no_casualty_roots", a, b))

    def _holds(self, name: str, a: int, b: int) -> bool:
        sites = self.root_sites.get(name, False)
        if sites is False:
            sites = self.root_sites[name] = root_sites(self.doc.folded.key, self.L.words.get(name, ()))
        return holds_root(sites, a, b)

    def assign_fatalities(self, evs: list[Event], fat) -> None:
        violent = [e for e in evs if self.L.mapping[e.type].get("violent") and e.modality == "asserted"]
        if not violent:
            return
        total = fat.value
        first_type = violent[0].type
        group = [e for e in violent if e.type == first_type]
        share, rest = divmod(total, len(group))
        said = f"the sentence's toll '{self.doc.text[fat.start:fat.end]}' ({fat.kind})"
        for n, e in enumerate(group):
            e.fatalities = share + (rest if n == 0 else 0)
            e.extra["why"]["fatalities"] = said + (f", shared among the sentence's {len(group)} {first_type} events"
                                                   if len(group) > 1 else "")

    def origin_of_person(self, st: Sent, m) -> bool:
        """بلدة شقرا in "زفّت المقاومة الشهيد حسن عاشور من بلدة شقرا": a place right after an origin word
        (triggers.yaml person_origin_markers), its type word between them if any, that follows a person's
        name (a quoted nickname between them allowed) tells where the person is from, not where the
        toll's deaths happened (annotations: martyrs' home villages are no places of death)."""
        k = m.tok[0] - 1
        if k >= st.lo and m.cue and not in_list(self.L, "person_origin_markers", self.key(k)):
            k -= 1     # the place's type word stands before the mention (من بلدة شقرا)
        if k < st.lo or not in_list(self.L, "person_origin_markers", self.key(k)):
            return False
        at = self.toks[k].start
        return any(p.type == "PERSON" and p.end <= at and _NAME_GAP.match(self.doc.text[p.end:at])
                   for p in st.mentions)

    def casualties(self, st: Sent, fat) -> list[Event]:
        ps = self.participants(st, st.lo, st.hi)
        named = [m for m in st.mentions if m.type == "PLACE"]
        places = [m for m in named if not self.origin_of_person(st, m)]
        civ = [m.entity for m in ps if self.ents[m.entity].category == "civilians"]
        # زفّت المقاومة الشهيد، أقرّ الجيش بمقتل ضابط، أعلنت القيادة استشهادهم: who mourns, owns or
        # announces as martyrs the dead before the toll is their side, what was done to, not who killed
        # them (triggers.yaml own_dead_verbs; announce_verbs with martyr_words in the sentence)
        at = bisect_left(self.doc.token_starts, fat.start, st.lo, st.hi)   # the doc's shared offsets
        named_at = {k for m in st.mentions for k in range(*m.tok)}   # كتائب الشهيد عز الدين القسام: a name
        verbs = ("own_dead_verbs", "announce_verbs") if any(
            reads_as(self.L.words["martyr_words"], self.key(k)) for k in range(st.lo, st.hi) if k not in named_at
        ) else ("own_dead_verbs",)
        mourners = {}
        for m in ps:
            k = next((k for v in verbs if (k := self.subject_of(st, m, at, v, near=True)) is not None), None)
            if k is None and m.tok[0] > st.lo and reads_as(self.L.words["dead_side_nouns"], self.key(m.tok[0] - 1)):
                k = m.tok[0] - 1   # عدد قتلى جيش الاحتلال، في صفوف قوات النظام: the genitive is the dead's side
            if k is not None and m.entity not in civ:
                mourners.setdefault(m.entity, k)
        # a person named after the toll, or after the side that mourns them, is one of the dead (زفّت
        # المقاومة الشهيد X، نعت الحركة القائد X), not who killed them: no agent (and, to leave how
        # tellings of one toll are joined as it was, no added target either)
        after = min([fat.start, *(self.toks[k].start for k in mourners.values())])
        dead = [m.entity for m in ps if m.type == "PERSON" and m.start >= after and m.entity not in civ]
        first = [m.entity for m in ps if m.entity not in civ][:1]
        agents = [m.entity for m in ps if m.entity not in civ and m.entity not in mourners
                  and m.entity not in dead][:1]
        armed = [x for x in first if self.ents[x].type == "ACTOR"]   # whoever its role, an armed actor is named
        keys = self.sent_keys(st)
        weapons = self.L.words["air_cues"] | frozenset().union(*self.L.weapon.values())
        if not armed and not any(reads_as(weapons, k) for k in keys):
            return []   # a road accident or a crime: deaths with no armed actor and no weapon
        m = self.L.mapping["CASUALTIES"]
        attr = self.attribution(st)
        toll = f"'{self.doc.text[fat.start:fat.end]}'"
        why = {"type": f"no event trigger, but the sentence gives a death toll {toll} and "
                       + ("names an armed actor" if armed else "names a weapon"),
               "agents": {a: "the first participant of the sentence who is not a civilian" for a in agents},
               "targets": {**{c: "civilians named in the sentence" for c in civ},
                           **{x: f"subject of '{self.span_text(k, k + 1)}' (triggers.yaml own_dead_verbs, announce_verbs "
                                 "with martyr_words, or dead_side_nouns): "
                                 "the side that mourns or owns the dead, not their killer"
                              for x, k in mourners.items()}}, "partners": {},
               "places": {places[0].entity: f"the first place of the sentence that is not a named person's home "
                                            f"town ({_HOME_TOWN}): '{places[0].text}'"} if places else {},
               "modality": "a toll is reported as fact", "attribution": self.attr_why,
               "fatalities": f"the sentence's toll {toll} ({fat.kind})"}
        if named and not places:
            why["unplaced"] = (f"every place of the sentence is a named person's home town ({_HOME_TOWN}: "
                               + ", ".join(f"'{m.text}'" for m in named) + "): no place of the deaths")
        return [Event(id="", type="CASUALTIES", trigger=None, agents=agents, targets=list(dict.fromkeys([*civ, *mourners])), places=
                      [places[0].entity] if places else [], date=self.date_at(st), modality="asserted",
                      attribution=attr, fatalities=fat.value, evidence=[(st.start, st.end)],
                      confidence=0.5,
                      extra={"mapping": event_mapping(m), "why": why})]
