"""Document-level event coreference (issue 8, item 2): one record per real-world event.

A report tells one event several times: the headline, the lead and the body retell it; a death
toll gets a sentence of its own; two trigger words name one act (نفذت هجوماً صاروخياً استهدف …);
explosions heard at a base are the strike that caused them. The events stage merges only exact
repeats (same type and place within its rules). This stage compares every event with the ones
told before it: candidates → features (:mod:`.features`) → rank with an explicit NONE
(:mod:`.rank`) → merge, keeping every evidence sentence and, in the event's ``why.merged``, the
reason for each merge. Different places stay different events (ACLED: one event per place).
Which cross-type pairs may corefer is data (knowledge/eventcoref.yaml).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cached_property

from rasd.arabic.clitics import is_definite, letters, matches_form, readings
from rasd.arabic.numbers import NumberLexicon, NumberReader
from rasd.arabic.normalize import fold_str
from rasd.doc import Doc, Event, number_events
from rasd.pipeline import Stage
from rasd.stages.eventcoref.features import Features, Place, Telling, features, narrower, span_of
from rasd.stages.eventcoref.rank import best, forced_refusal, refusal
from rasd.stages.worthiness.cues import forms


class EventCoref(Stage):
    name = "eventcoref"
    requires = ("sentences", "entities", "events")
    assigns = ("events",)

    @classmethod
    def defaults(cls):
        return {"enabled": True, "unlocated": "drop", "paragraph_place": True, "doer_country": True,
                "sideless": "drop"}

    def __call__(self, doc: Doc) -> Doc:
        rules = self.resources.eventcoref_rules
        if self.config["enabled"] and len(doc.events) > 1:
            doc.events = corefer_events(doc, rules, self.wholes)
        if self.config["paragraph_place"] and doc.events and paragraph_places(doc, rules) \
                and self.config["enabled"] and len(doc.events) > 1:
            doc.events = corefer_events(doc, rules, self.wholes)   # now placed, it may be a retelling
        if self.config["doer_country"] and doc.events:
            doer_country_places(doc, rules, self.resources.kb, self.resources.numbers)
        if self.config["unlocated"] == "drop" and doc.events:
            doc.events = drop_unlocated(doc, rules)
        if self.config["sideless"] == "drop" and doc.events:
            doc.events = drop_sideless(doc, rules)
        return doc

    @cached_property
    def wholes(self) -> dict[str, frozenset[str]]:
        """The knowledge base's part_of chains, worked out once per stage, not per document."""
        return wholes_of(self.resources.kb)


def unlocated(e: Event, ents: dict, rules) -> str | None:
    """Why an event that needs a place is no event of its own once coreference is done (None when it is
    one): a telling that names no place (or, where a country is not place enough, only whole countries)
    and joined no located telling (eventcoref.yaml ``place_needed``, by type). :func:`drop_unlocated`
    still keeps a telling against a named person (:func:`named_victim`)."""
    need = rules.place_needed.get(e.type)
    if e.trigger is None or need is None:
        return None
    kinds = [((ents[p].geo or {}).get("feature") if p in ents else None) for p in e.places]
    if not kinds:
        return f"{need.what} told with no place, joined to no located telling (eventcoref.yaml:{need.line} place_needed)"
    if not need.country and all(k in rules.country_features for k in kinds):
        return f"{need.what} placed only in a whole country, joined to no located telling " \
               f"(eventcoref.yaml:{need.line} place_needed)"
    return None


def named_victim(e: Event, ents: dict, rules, text: str) -> str | None:
    """The name of the named person an event of eventcoref.yaml ``named_victim`` is told as done
    against, or None: such a telling stands without a place (اغتال X، حاول اغتيال رئيس المحكمة العليا X),
    one act against one known victim. It names no place at all (one placed only in countries is one
    telling split by country: kept once per country, it would be told twice), its trigger is one of the
    row's words (an assassination: an execution is as often a sentence or a law) and a PERSON is among
    its targets (triggers.yaml object_genitive reads the person after اغتيال as the one it is done to)."""
    if e.type not in rules.named_victim_types or e.modality != "asserted" or e.trigger is None or e.places:
        return None
    keys = [fold_str(w) for w in re.findall(r"\w+", text[e.trigger[0]:e.trigger[1]])]
    if not any(matches_form(form, key) for key in keys for form in rules.named_victim_words):
        return None
    return next((ents[t].name_ar for t in e.targets if t in ents and ents[t].type == "PERSON"), None)


def paragraph_places(doc: Doc, rules) -> bool:
    """Give an arrest, protest, riot or abduction (a non-violent row of eventcoref.yaml ``place_needed``) told with no place
    the place of the latest act told before it in the same paragraph that has a place below a country
    and shares a doer with it (or it names none); True when any event was placed so.

    A paragraph tells one scene: a report names the place of a raid or a clash once and goes on with
    what was done there without repeating it (اقتحمت قوات الاحتلال بلدة X ... واعتقلت ثلاثة شبان; a
    protest, then the arrests that ended it). Not for acts of force: on annotations/train the same
    inheritance gave violent acts no right place (0 events matched, 2 more false, and 2 more false on
    dev), as a strike told after another in one paragraph is often elsewhere; nor from another
    paragraph, the headline or the lead (a report's first place given to every unplaced act: 11 more
    matched, 70 more false on annotations/train). docs/lexicon-checks.md (unloc14)."""
    ents = {x.id: x for x in doc.entities}
    text = doc.text

    def below_country(pid: str) -> bool:
        x = ents.get(pid)
        return x is not None and ((x.geo or {}).get("feature") not in rules.country_features)

    told = sorted((e for e in doc.events if e.evidence), key=lambda e: e.evidence[0][0])
    told_at = [o.evidence[0][0] for o in told]
    breaks: list[int] | None = None
    placed = False
    for e in doc.events:
        if e.type in rules.violent or e.type not in rules.place_needed or e.places or not e.evidence \
                or unlocated(e, ents, rules) is None:   # never an act of force, whatever its row
            continue
        at = e.evidence[0][0]
        if breaks is None:     # the paragraph breaks, found once (not a search back per event)
            breaks = [m.start() for m in re.finditer("\n", text)]
        k = bisect.bisect_left(breaks, at)
        para = breaks[k - 1] + 1 if k else 0
        src = None
        # the latest such act before it in its paragraph wins: read back from it, not every act
        for i in range(bisect.bisect_left(told_at, at) - 1, bisect.bisect_left(told_at, para) - 1, -1):
            o = told[i]
            pl = [p for p in o.places if below_country(p)]
            if o is not e and pl and (not e.agents or set(e.agents) & set(o.agents)):
                src = (o, pl[0])
                break
        if src is None:
            continue
        o, pid = src
        e.places = [pid]
        trig = text[o.trigger[0]:o.trigger[1]] if o.trigger else o.type
        e.extra.setdefault("why", {})["places"] = {
            pid: f"the place of the act told before it in the same paragraph ('{trig}'"
                 f"{', by the same doers' if e.agents else ''}): a {e.type} names no place of its own "
                 f"(eventcoref.yaml place_needed)"}
        placed = True
    return placed


# How many words after the arrest word its count may stand (… أوقفت، منذ أمس الجمعة، 320 شخصاً).
COUNT_WINDOW = 6


def doer_country_places(doc: Doc, rules, kb, numbers: NumberLexicon) -> bool:
    """Give an arrest (a row of eventcoref.yaml ``place_needed`` where a whole country is place enough;
    one of the eventcoref.yaml ``doer_country`` types) still told with no place the country of its doer,
    when the doer is of a ``doer_country`` category, a state or a state's own force (actors.yaml
    ``country``: قوات الأمن التركية اعتقلت 851 شخصا، أعلنت السلطات التونسية اعتقال أكثر من 20 عنصرا), the
    arrest is told with its count (:func:`counted_after`: on the news, the arrests told without one were
    as often a hold, a reward for a capture or a law on detention; ``numbers`` the number lexicon it is
    read with) and the report names that country as a place: a state's police and courts act within its
    borders. True when any event was placed so. docs/lexicon-checks.md (Round 23: miss23)."""
    ents = {x.id: x for x in doc.entities}
    places = {x.kb_id: x.id for x in doc.entities if x.type == "PLACE" and x.kb_id
              and (x.geo or {}).get("feature") in rules.country_features}
    placed = False
    for e in doc.events:
        need = rules.place_needed.get(e.type)
        if e.type not in rules.doer_country_types or need is None or not need.country or e.places or e.trigger is None:
            continue
        if not counted_after(doc, e.trigger[1], numbers):
            continue   # no count of the arrested: a hold, a warrant, a campaign named in passing
        codes = set()
        for a in e.agents:
            x = ents.get(a)
            entry = kb.get(x.kb_id) if x is not None and x.kb_id else None
            if entry is not None and entry.country and entry.category in rules.doer_country_categories:
                codes.add(entry.country.lower())
        if len(codes) != 1:
            continue   # no state doer, or doers of two states: no one country
        pid = places.get(f"world:{codes.pop()}")
        if pid is None:
            continue
        e.places = [pid]
        e.extra.setdefault("why", {})["places"] = {
            pid: f"the country of its doer ('{ents[pid].name_ar}'): a {e.type} names no place of its own, and a "
                 f"state's forces act within its borders (eventcoref.yaml place_needed: a country is place enough)"}
        placed = True
    return placed


def counted_after(doc: Doc, at: int, numbers: NumberLexicon, window: int = COUNT_WINDOW) -> bool:
    """A number in digits among the ``window`` words after offset ``at`` (اعتقلت 851 شخصا، إلقاء القبض على
    أكثر من ٤٠٠): an arrest told with its count is one operation reported, not a practice or a hold. The
    number reader (``numbers``: the number lexicon) reads the window's quantities; one counts when the
    number itself is written in digits. A window without a digit has none, and is not read."""
    k = bisect.bisect_left(doc.token_starts, at)
    toks = doc.tokens[k:k + window]
    if not toks:
        return False
    text = doc.text[toks[0].start:toks[-1].end]
    if not any(map(str.isdigit, text)):
        return False
    reader = NumberReader(text, numbers)
    return any(f.n in reader.digits for f in reader.numbers())


def drop_unlocated(doc: Doc, rules) -> list[Event]:
    ents = {x.id: x for x in doc.entities}
    kept = []
    for e in doc.events:
        why = unlocated(e, ents, rules)
        victim = named_victim(e, ents, rules, doc.text) if why is not None else None
        if victim is not None:
            e.extra.setdefault("why", {})["place_needed"] = \
                f"kept with no place: told as done against a named person ('{victim}'), one act against " \
                f"one known victim (eventcoref.yaml:{rules.named_victim_line} named_victim)"
        if why is not None and victim is None and sentence_place(doc, e, ents, rules):
            why = unlocated(e, ents, rules)
        if why is None or victim is not None:
            kept.append(e)
            continue
        dropped(doc, e, why)
    return number_events(kept)


def words_before(text: str, at: int, n: int) -> list[str]:
    """The ``n`` words before offset ``at``, folded, each also without a leading conjunction or preposition letter."""
    out = []
    for w in re.findall(r"\w+", text[max(0, at - 40):at])[-n:]:
        k = fold_str(w)
        out += [k, k[1:]] if len(k) > 3 else [k]
    return out


def sentence_place(doc: Doc, e: Event, ents: dict, rules) -> bool:
    """Give an act of eventcoref.yaml ``sentence_place`` that its clause left unplaced the first place below
    a country named after its trigger in the same sentence, one no other act of the sentence holds; True
    when it was placed so. A report tells an act and then, in a clause of its own, where it was done (قتل
    في ضربة جوية في سوريا بينما كان يتنقل قرب بلدة X; إثر إطلاق نار عليه مع مرافقه الذي قتل أيضا في مخيم X):
    the clause reader stops at the clause's end, the sentence still places the act. Not for a clash (its
    attack words, told with no place of their own, are summaries the rest of the sentence does not place:
    annotations/train, 7 more false, none matched). docs/lexicon-checks.md (Round 34: saudi34)."""
    if e.type not in rules.sentence_place_types or e.trigger is None or e.modality != "asserted":
        return False
    at, end = e.trigger
    sent = next(((lo, hi) for lo, hi in doc.sentences if lo <= at < hi), None)
    if sent is None:
        return False
    taken = {p for o in doc.events if o is not e and o.trigger is not None and sent[0] <= o.trigger[0] < sent[1]
             for p in o.places}
    after = sorted((m.start, x.id, m.text) for x in ents.values()
                   if x.type == "PLACE" and x.id not in taken
                   and (x.geo or {}).get("feature") not in rules.country_features
                   for m in x.mentions if end <= m.start < sent[1]
                   and not rules.sentence_place_not_after & set(words_before(doc.text, m.start, 3)))
    if not after:
        return False
    _, pid, name = after[0]
    e.places = [pid, *e.places]
    e.extra.setdefault("why", {}).setdefault("places", {})[pid] = (
        f"'{name}', named after the trigger in its sentence, outside its clause: "
        f"the act's clause names no place below a country (eventcoref.yaml:{rules.sentence_place_line} sentence_place)")
    return True


def dropped(doc: Doc, e: Event, why: str) -> None:
    """Keep an event this stage drops in the document's warnings, with its trigger, offset and reason."""
    trig = doc.text[e.trigger[0]:e.trigger[1]] if e.trigger else "(no trigger)"
    at = e.trigger[0] if e.trigger else (e.evidence[0][0] if e.evidence else -1)
    doc.warnings.append(f"eventcoref: no event from {e.type} '{trig}' at {at}: {why}")


def sideless(e: Event, rules) -> str | None:
    """Why an event is no event of its own once coreference is done (None when it is one): a telling of a
    type that needs a side (eventcoref.yaml ``side_needed``) whose record names no participant at all, no
    agent, target or partner, and that joined no telling naming one."""
    if e.type not in rules.side_needed or e.agents or e.targets or e.partners:
        return None
    return f"a {e.type} told with no side named (no agent, target or partner), joined to no telling that " \
           f"names one (eventcoref.yaml:{rules.side_needed_line} side_needed)"


def drop_sideless(doc: Doc, rules) -> list[Event]:
    """The document's events without those :func:`sideless` says are none (kept in its warnings)."""
    kept = []
    for e in doc.events:
        why = sideless(e, rules)
        if why is None:
            kept.append(e)
            continue
        dropped(doc, e, why)
    return number_events(kept)


def corefer_events(doc: Doc, rules, wholes: dict[str, frozenset[str]] | None = None) -> list[Event]:
    """The document's events with retellings folded in (``wholes``: :func:`wholes_of` the knowledge
    base, whose part_of chains make a party and its whole one side; None: only the same entity is)."""
    starts = doc.token_starts
    ents = {x.id: x for x in doc.entities}
    wholes = wholes or {}
    tellings = [telling(doc, n, e, rules, starts, ents, wholes) for n, e in enumerate(doc.events)]
    events = list(doc.events)
    alive: list[Telling] = []
    # for a trace only (Doc.explain): why each telling that stays an event of its own joined none
    refused: list[dict] | None = None
    if doc.explain:   # a fresh list: a traced Doc read back (Doc.from_json keeps notes) may be rerun
        refused = doc.notes["eventcoref_refused"] = []
    reach = Reach(rules)
    twins = repeated_sentences(doc, rules.repeat_min_words)
    at = {t.n: trigger_place(doc, events[t.n], starts) for t in tellings}   # n → (sentence, token in it)
    host_of: dict[int, Telling] = {}      # n → the telling it was folded into
    for t in tellings:
        hit = retold(t, twins, at, tellings, host_of, rules) or best(t, reach.candidates(t), rules)
        if hit is None:
            if refused is not None and alive:
                o, why = refusal(t, alive, rules)
                refused.append({"trigger": list(events[t.n].trigger or ()) or None, "type": t.type,
                                "candidate": list(events[o.n].trigger or ()) or None if o else None,
                                "why": why})
            alive.append(t)
            reach.add(t)
            continue
        o, f, why = hit
        cities = city_ids(o, t, f, rules)
        merge(events[o.n], events[t.n], f, why, host_first=f.host_first, cities=cities)
        absorb(o, t, f, cities)
        host_of[t.n] = o
        reach.add(o)    # its told_in grew: index the sentences it is told in now
    return number_events([events[t.n] for t in alive])


def repeated_sentences(doc: Doc, min_words: int) -> dict[int, int]:
    """Sentence → the earlier sentence it repeats word for word (folded words, at least ``min_words``
    of them): a page that prints its lead again at its foot (Al Mayadeen) tells nothing new there."""
    if not min_words or not doc.sentences or not doc.tokens:
        return {}
    starts, keys = doc.token_starts, doc.keys
    first: dict[tuple[str, ...], int] = {}
    out = {}
    for i, (a, b) in enumerate(doc.sentences):
        words = tuple(keys[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])
        if len(words) < min_words:
            continue
        if words in first:
            out[i] = first[words]
        else:
            first[words] = i
    return out


def trigger_place(doc: Doc, e: Event, starts: list[int]) -> tuple[int, int] | None:
    """(the sentence of ``e``'s trigger, the number of its first token within that sentence), or None."""
    if e.trigger is None or not doc.sentences or not doc.tokens:
        return None
    s = doc.sentence_of(e.trigger[0])
    return s, bisect.bisect_left(starts, e.trigger[0]) - bisect.bisect_left(starts, doc.sentences[s][0])


def retold(t: Telling, twins: dict[int, int], at: dict, tellings: list[Telling], host_of: dict[int, Telling],
           rules) -> tuple[Telling, Features, str] | None:
    """The earlier telling ``t`` is when its sentence repeats an earlier one word for word
    (:func:`repeated_sentences`): the one read from the same word of the earlier sentence (at the same
    place, when the word was split by place), whatever type each reading gave it (a bare قصف typed by
    the cues around each copy); None otherwise. The earlier one keeps its type."""
    here = at.get(t.n)
    if here is None or here[0] not in twins or len(t.told_in) > 1:
        return None
    src = (twins[here[0]], here[1])
    ids = {p.id for p in t.places}
    same = [o for o in tellings if o.n < t.n and at.get(o.n) == src]
    same.sort(key=lambda o: (not ({p.id for p in o.places} == ids), not (ids & {p.id for p in o.places})))
    for o in same:
        while o.n in host_of:
            o = host_of[o.n]
        f = features(o, t, rules)
        if forced_refusal(f):
            continue
        return o, replace(f, host_first=True), \
            f"its sentence repeats s{src[0]} word for word (the lead printed again): the same word's event told again"
    return None


class Reach:
    """The earlier tellings a telling may be one event with, found by sentence, not by reading them all.

    Every pair :func:`.rank.decide` (and its anaphor and back-reference paths) lets be one event is
    told within ``span`` sentences (the widest of eventcoref.yaml's distances: a cross type's
    ``max_sentences``, ``open_place_sentences``, the anaphors' and back-references' reach), or has a
    telling in the headline or lead (``lead_sentences``: the lead retold however far down). So the
    candidates are the tellings told within ``span`` sentences of it plus those of the lead (all of
    them when it is itself in the lead), in the order they were told: the ranker's answer is the one it
    gives over every earlier telling, and a long document costs the tellings near each one, not every
    pair (issue 11: no part worse than O(n log n) in document length). ``--trace`` refusals still
    read every earlier telling (:func:`.rank.refusal`)."""

    def __init__(self, rules):
        self.span = max([rules.open_place_sentences, rules.anaphor_sentences, rules.back_sentences,
                         *(ct.max_sentences for ct in rules.cross_type)])
        self.lead = rules.lead_sentences
        self.told: dict[int, dict[int, Telling]] = {}    # sentence → n → telling told in it
        self.leads: dict[int, Telling] = {}
        self.every: dict[int, Telling] = {}

    def add(self, t: Telling) -> None:
        self.every[t.n] = t
        for s in t.told_in:
            self.told.setdefault(s, {})[t.n] = t
        if min(t.told_in) < self.lead:
            self.leads[t.n] = t

    def candidates(self, t: Telling) -> list[Telling]:
        if min(t.told_in) < self.lead:
            return list(self.every.values())
        found = dict(self.leads)
        for s in t.told_in:
            for d in range(s - self.span, s + self.span + 1):
                found.update(self.told.get(d, ()))
        return [found[n] for n in sorted(found)]


def wholes_of(kb) -> dict[str, frozenset[str]]:
    """Actor kb id → the kb ids of every actor it is part of, up the part_of chain (actors.yaml)."""
    if kb is None:
        return {}
    out: dict[str, frozenset[str]] = {}
    for a in kb.actors.values():
        seen, todo = set(), list(a.part_of)
        while todo:
            x = todo.pop()
            if x not in seen and x in kb.actors:
                seen.add(x)
                todo.extend(kb.actors[x].part_of)
        out[a.kb_id] = frozenset(kb.actors[x].kb_id for x in seen)
    return out


def parties_of(e: Event, ents: dict, wholes: dict) -> dict:
    """Each participant of ``e`` → (the party it names, the wholes it is part of)."""
    out = {}
    for x in (*e.agents, *e.targets, *e.partners):
        kb_id = ents[x].kb_id if x in ents else None
        out[x] = (kb_id or x, wholes.get(kb_id or "", frozenset()))
    return out


def telling(doc: Doc, n: int, e: Event, rules, starts: list[int], ents: dict, wholes: dict | None = None) -> Telling:
    """What the ranker needs of event ``e`` (``starts``: the tokens' start offsets; ``ents``: id → entity;
    ``wholes``: actor kb id → the actors it is part of, see :func:`_wholes`)."""
    places = []
    for pid in e.places:
        geo = (ents[pid].geo or {}) if pid in ents else {}
        places.append(Place(pid, geo.get("lat"), geo.get("lon"), geo.get("feature"),
                            ents[pid].kb_id if pid in ents else None))
    words: tuple[str, ...] = ()
    anaphor = back_ref = None
    back_generic = False
    if e.trigger is not None and doc.tokens:
        k = max(bisect.bisect_right(starts, e.trigger[0]) - 1, 0)
        j = bisect.bisect_left(starts, e.trigger[1])
        words = trigger_words(doc, k, j, rules)
        anaphor = _anaphor(doc, k, j, rules)
        back_ref, back_generic = _back_ref(doc, k, rules)
    at = e.trigger[0] if e.trigger is not None else (e.evidence[0][0] if e.evidence else 0)
    sentence = doc.sentence_of(at) if doc.sentences else 0     # the trigger's sentence
    date = (e.date or {}).get("value") if (e.date or {}).get("precision") == "day" else None
    told_in = frozenset(doc.sentence_of(a) for a, _ in e.evidence) if doc.sentences else frozenset()
    toll_only = e.trigger is None and e.type == "CASUALTIES" and not e.extra.get("running_total")
    keys: frozenset[str] = frozenset()
    if doc.sentences and doc.tokens and any(ct.one_sentence_unless for ct in rules.cross_type):
        s0, s1 = doc.sentences[sentence]
        keys = frozenset(doc.keys[bisect.bisect_left(starts, s0):bisect.bisect_left(starts, s1)])   # the tokens' keys
    return Telling(n, e.type, words, sentence, tuple(places), frozenset(e.agents), frozenset(e.targets),
                   frozenset(e.partners), date, e.modality,
                   toll_only,
                   anaphor=anaphor, told_in=told_in, running_total=bool(e.extra.get("running_total")),
                   parties=parties_of(e, ents, wholes or {}), back_ref=back_ref,
                   back_generic=back_generic, span=act_span(e.date, rules), sentence_keys=keys,
                   **(_toll_words(doc, e, rules, starts) if toll_only else {}))


def trigger_words(doc: Doc, k: int, j: int, rules) -> tuple[str, ...]:
    """The readings of the trigger's first word (token ``k``; ``j``: the token after the trigger), with
    and without a preposition bi or li (بالهجوم، لهجوم) — and, when that word is a verb of doing
    (eventcoref.yaml ``doing_verbs``: شنوا هجوماً، نفذت عملية، تنفيذ هجوم), the readings of the trigger's
    other words too: such a phrase names its act by the noun after the verb, the word a cross-type
    rule's ``guest_words`` look for."""
    L = letters()

    def read(key: str) -> list[str]:
        return [*forms(key), *(f[1:] for f in forms(key) if f[:1] in (L.bi, L.li) and len(f) > 3)]

    key = doc.tokens[k].key
    words = read(key)
    if j > k + 1 and any(matches_form(v, key) for v in rules.doing_verbs):
        words += [f for t in doc.tokens[k + 1:j] for f in read(t.key)]
    return tuple(dict.fromkeys(words))


def act_span(date: dict | None, rules) -> tuple[str, str] | None:
    """The days the event's date covers (:func:`.features.span_of`), or None when the date opens with a
    word of a period (eventcoref.yaml ``toll_periods``: منذ أشهر، منذ عام 2007): the start of a span of
    time the act is measured against (the deadliest attack in months), not the act's own time."""
    text = (date or {}).get("text") or ""
    first = text.split()[0] if text.split() else ""
    if first and any(f in rules.toll_periods for f in forms(fold_str(first))):
        return None
    return span_of(date)


def _toll_words(doc: Doc, e: Event, rules, starts: list[int]) -> dict:
    """What a toll's evidence sentence says of its deaths: ``toll_cause``, it names their cause (an event
    noun of eventcoref.yaml ``back_references``, with or without the article and behind its proclitics:
    الغارات، بقصفٍ، لعملية; or a word of ``toll_causes``: أسفر، جراء، إثر); ``toll_notice``, a verb of
    ``toll_notices`` (زفّت، نعت) makes it a party's notice of its own dead; ``toll_period``, a word of
    ``toll_periods`` (منذ، الآن) counts its dead over a period. Without tokens: a cause, nothing else."""
    if not e.evidence or not doc.tokens:
        return {"toll_cause": True, "toll_notice": False, "toll_period": False}
    a, b = e.evidence[0]
    cause = notice = period = False
    for k in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
        stems = [st for _, st in readings(doc.tokens[k].key)]
        cause = cause or any(st in rules.back_nouns and st not in rules.back_partner or st in rules.toll_causes
                             for st in stems)
        notice = notice or any(st in rules.toll_notices for st in stems)
        period = period or any(st in rules.toll_periods for st in stems)
    return {"toll_cause": cause, "toll_notice": notice, "toll_period": period}


def _anaphor(doc: Doc, k: int, j: int, rules) -> str | None:
    """The demonstrative before the trigger (هذا الهجوم) or نفسه after it, as written; None.

    A demonstrative or نفسه points at a noun only when nothing but white space stands between them
    and the noun carries the article (هذه الغارات، الهجوم نفسه), or, after a demonstrative, the
    preposition bi of the means after a demonstrative the knowledge file lists for it (قصفت البلدة،
    وذلك بقذائف الهاون: the same act told by its weapon); after هذه a ب is no preposition (هذه براميل).
    After a comma, or before a verb or an indefinite noun, the word is a discourse link (إلى جانب
    ذلك، اعتقل …؛ هذا واعتقلت …؛ وسبق ذلك استهدافها …) that opens a new act: no anaphor."""
    toks = doc.tokens
    key = toks[k].key
    if k > 0 and not doc.text[toks[k - 1].end:toks[k].start].strip():
        before = forms(toks[k - 1].key)
        if any(f in rules.anaphor_before for f in before) \
                and (_definite(key) or any(f in rules.anaphor_means for f in before) and _means(key)):
            return doc.text[toks[k - 1].start:toks[k].end]
    if j < len(toks) and any(f in rules.anaphor_after for f in forms(toks[j].key)) \
            and not doc.text[toks[j - 1].end:toks[j].start].strip() and _definite(key):
        return doc.text[toks[k].start:toks[j].end]
    return None


def _back_ref(doc: Doc, k: int, rules) -> tuple[str | None, bool]:
    """(the trigger word as written, whether it names no kind of act) when word ``k`` is an event noun
    of eventcoref.yaml ``back_references`` with the article, behind its proclitics if any (الغارة،
    والهجوم، بالعدوان، and للهجوم: ل + ال written لل; read by the clitic readings): a definite
    back-reference; (None, False) otherwise."""
    key = doc.tokens[k].key
    stems = [st for n, st in readings(key) if n and is_definite(key[:n]) and st in rules.back_nouns]
    if not stems:
        return None, False
    return doc.text[doc.tokens[k].start:doc.tokens[k].end], any(w in rules.back_generic for w in stems)


def _means(key: str) -> bool:
    """The folded word opens with the preposition bi before a noun of three letters or more
    (بقذائف، بالصواريخ): the means of an act, after "وذلك" (eventcoref.yaml anaphors.means_before)."""
    return key[:1] == letters().bi and len(key) >= 4


def _definite(key: str) -> bool:
    """The folded word carries the article (الهجوم، والغارات), after a conjunction if any."""
    a = letters().article
    return any(f.startswith(a) for f in forms(key))


def city_ids(host: Telling, guest: Telling, f: Features, rules) -> frozenset[str]:
    """A city and a quarter of it are one act at city level: the ids of the city-kind places of the two
    tellings (eventcoref.yaml quarters.cities), which :func:`merge` and :func:`absorb` put first so the
    event's first place (the one an export codes) is the city whichever the text told first; empty for
    any other pair."""
    if f.place != "quarters":
        return frozenset()
    return frozenset(p.id for p in (*host.places, *guest.places) if p.feature in rules.city_kinds)


def _cities_first(places, cities: frozenset[str], key=lambda p: p):
    """``places`` without repeats, those whose id is in ``cities`` first (each group in its order)."""
    places = list(dict.fromkeys(places))
    return [p for p in places if key(p) in cities] + [p for p in places if key(p) not in cities]


def absorb(host: Telling, guest: Telling, f: Features, cities: frozenset[str] = frozenset()) -> None:
    """The surviving telling now stands for both (later candidates compare with the union); ``cities``:
    the ids of the city-kind places when they are a city and a quarter of it (put first)."""
    if not f.host_first:
        host.type = guest.type
        host.words = guest.words
    if f.place == "contains" and f.finer == 1 or not host.places:
        # a lead told at a coarse place, now placed at the body's finer place, is bound to that one act:
        # a second body act elsewhere inside the coarse place is not the lead's retelling
        host.bound = host.bound or bool(host.places) and f.coarse_in_lead
        host.places = guest.places
    elif f.place in ("union", "quarters"):   # a city's quarters are alternatives of one place
        host.places = tuple(_cities_first([*host.places, *guest.places], cities, key=lambda p: p.id))
    carry = f.carry_parties and not guest.toll_only
    host.agents |= guest.agents if carry else frozenset()
    host.targets |= guest.targets if carry else frozenset()
    host.partners |= guest.partners if f.carry_parties else frozenset()
    host.date = host.date or guest.date
    host.span = narrower(host.span, guest.span)   # the more exact date stands for both
    host.toll_only = host.toll_only and guest.toll_only
    host.told_in = host.told_in | guest.told_in
    host.parties = {**guest.parties, **host.parties}


def merge(first: Event, later: Event, f: Features, why: str, host_first: bool,
          cities: frozenset[str] = frozenset()) -> None:
    """Fold ``later`` into ``first`` (which keeps its position and id); the host type wins. ``cities``: the
    ids of the city-kind places of a city and a quarter of it, which go first (one act at city level)."""
    host, guest = (first, later) if host_first else (later, first)
    guest_merged = list(guest.extra.get("why", {}).get("merged", []))
    host_places = list(host.places)
    told = {"evidence": list(later.evidence[0]), "type": later.type,
            "trigger": list(later.trigger) if later.trigger else None, "why": why}
    if not host_first:
        told = {"evidence": list(first.evidence[0]), "type": first.type,
                "trigger": list(first.trigger) if first.trigger else None, "why": why}
        for attr in ("type", "trigger", "modality", "confidence"):
            setattr(first, attr, getattr(later, attr))
        first.extra = {**later.extra, "why": dict(later.extra.get("why", {}))}
    w = first.extra.setdefault("why", {})
    w.setdefault("merged", []).extend([told, *guest_merged])
    toll_guest = guest.trigger is None and guest.type == "CASUALTIES" and host.type != "CASUALTIES"
    places = host_places
    if f.place == "contains" and f.finer is not None:
        places = (first if f.finer == 0 else later).places
    elif f.place in ("union", "quarters"):
        places = _cities_first([*places, *guest.places], cities)
    elif not places:
        places = guest.places
    if places != first.places:
        w["places"] = {p: f"from a merged telling: {why}" for p in places}
    first.places = list(places)
    for role in ("agents", "targets", "partners"):
        ours = list(getattr(host, role))
        if f.carry_parties and not (toll_guest and role != "partners"):
            for x in getattr(guest, role):
                if x not in ours:
                    ours.append(x)
                    w.setdefault(role, {})[x] = "named in a merged telling"
        setattr(first, role, ours)
    first.evidence = sorted(set(first.evidence) | set(later.evidence))
    fatalities, attribution, date = host.fatalities, host.attribution or guest.attribution, host.date or guest.date
    if fatalities is None and guest.fatalities is not None:
        fatalities = guest.fatalities
        w["fatalities"] = f"the toll of a merged telling ({guest.fatalities}): {why}"
    first.fatalities, first.attribution, first.date = fatalities, attribution, date
    first.confidence = max(host.confidence, guest.confidence)
