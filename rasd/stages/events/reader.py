"""The events reader: for each sentence, its triggers, and for each trigger its type, roles, places,
modality, attribution, date and toll; then the report's repeats merged."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from itertools import compress, repeat

from rasd.doc import Doc, Event
from rasd.kb.ontology import event_mapping
from rasd.stages.events.clauses import Clauses, Sent
from rasd.stages.events.dating import Dating
from rasd.arabic.numbers import NumberReader
from rasd.stages.events.fatalities import AFTER_ACT, Fatalities, FatalityCount, read_toll
from rasd.stages.events.kinds import Kinds
from rasd.arabic.clitics import in_cue_set, is_definite, starts_with_and
from rasd.stages.events.lexicon import CLASH_LIKE, INSTRUMENT_TYPES, VIOLENT_FOLD
from rasd.stages.cuematch import in_list
from rasd.stages.events.merge import Merge
from rasd.stages.events.modality import Modality
from rasd.stages.events.places import Places
from rasd.stages.events.roles import Roles
from rasd.stages.events.triggers import Trig, find_triggers


class Reader(Clauses, Roles, Places, Kinds, Modality, Dating, Fatalities, Merge):
    """Reads a document's events sentence by sentence; each job lives in its own module."""

    def __init__(self, doc: Doc, res, breaks: frozenset[str] | None = None):
        self.doc, self.L, self.toks = doc, res.triggers, doc.tokens
        self.breaks = breaks   # the clause-break spellings of the lexicon (rasd.stages.clauses.break_spellings), if kept
        self.res = res                      # the gazetteer is read only when a list item needs it (Places.within)
        self.vocab = res.news_vocab
        self.keys = doc.keys   # each token's folded key (Clauses.key); the document's column, read only
        self.numbers, self.dates_kn = res.numbers, res.dates
        # (sentence number, type, agents, targets) of the report's events with agents so far: an event
        # that names no agent takes one from them (Roles.carried_agents, roles.carried_choice)
        self.history: list[tuple[int, str, list[str], list[str]]] = []
        self.sent_no = 0                    # the number of the sentence being read
        self.last_attr: str | None = None
        self.attr_why = ""
        pub = doc.source.get("published")
        try:
            self.published = dt.date.fromisoformat(pub) if pub else None
        except ValueError:
            self.published = None
        self.events: list[Event] = []
        self.sentence_triggers: list[Trig] = []
        self.told_here: list[Event] = []    # the events built so far from the sentence being read
        # the events of the sentence being read whose place is inherited from the act before
        # (Places.inherited_places), by their trigger's span and type (no two events built from one
        # sentence's triggers share both: each trigger is read once per type; emptied with each sentence):
        # in a sentence that tells fighting, such a strike is part of it, as a placeless one is
        self.placed_by_inheritance: set[tuple[tuple[int, int] | None, str]] = set()
        self.all_sentences: list[Sent] = []
        # a casualty root list's name → its roots' places in the document's folded key (Fatalities.root_sites)
        self.root_sites: dict[str, list[tuple[int, list[int]]] | None] = {}
        self._dates_for, self._dates = None, []
        # persons who speak for a monitor or an agency (the SOHR director) report events, not act in them
        kb = res.kb
        self.reporters = {e.id for e in doc.entities if e.type == "PERSON" and e.kb_id and kb.get(e.kb_id)
                          and kb.get(e.kb_id).affiliations
                          and all(a["actor"] in kb.sources for a in kb.get(e.kb_id).affiliations)}
        ents = {e.id: e for e in doc.entities}
        self.ents = ents

    def run(self) -> list[Event]:
        covered = set()
        for e in self.doc.entities:
            for m in e.mentions:
                covered.update(range(*m.tok))
        sents = self.all_sentences = self.sentences()
        headline = [self.is_headline(st) for st in sents]
        # the headline repeated further down (a site's link line: "… : <title>") restates it
        headline = [h or r for h, r in zip(headline, self.headline_repeats(sents, headline))]
        # the words that may open a trigger, looked up once for the document; a token inside a name
        # or a headline opens none (find_triggers skips it), so its word (often a rare one, a miss
        # of the cache) is not looked up
        scan = list(self.keys)
        for k in covered:
            scan[k] = ""
        for st, head in zip(sents, headline):
            if head:
                scan[st.lo:st.hi] = [""] * (st.hi - st.lo)
        opens = self.L.openers_of(scan, self.vocab)
        # the raise words that may open a running total, found once for the document (running_total)
        lists = self.L.lists_of.lookup
        ends = self.L.raise_ends
        # (the document's distinct words ending so, picked in one C-level endswith pass)
        uniq = set(self.keys) if ends else ()
        hits = {key for key in compress(uniq, map(str.endswith, uniq, repeat(ends)))
                if "running_total_raise" in lists(key)} if ends else set()
        self.total_raises = [k for k, key in enumerate(self.keys) if key in hits] if hits else []
        starts = list(opens)
        for n, st in enumerate(sents):
            if headline[n]:
                continue   # a headline or sub-heading restates the body's events
            self.sent_no = n
            trigs = find_triggers(self.toks, st.lo, st.hi, covered, self.L, self.vocab, opens,
                                  starts[bisect_left(starts, st.lo):bisect_left(starts, st.hi)])
            self.sentence_triggers = trigs
            total = self.running_total(st)
            total_at = None if total is None else total[0]
            if total_at is not None:
                trigs = self.sentence_triggers = self.outside_total(st, trigs, total_at)
            trigs = [t for t in trigs if self.keep(st, t)]
            self.sentence_triggers = trigs
            built: list[Event] = []
            self.told_here = built   # the same list, filled as the sentence's triggers are read
            self.placed_by_inheritance = set()
            content_from = None    # the content of an agreement (اتفاق على …) is planned
            weapon_end = -1
            weapons = self.weapon_runs(trigs)
            for t in trigs:
                lo, hi = self.clause(st, t)
                if (self.instrument(t) and any(o.i < t.i and lo <= o.i for o in trigs)) or (
                        t.i == weapon_end and starts_with_and(self.key(t.i)) and t.d.type in INSTRUMENT_TYPES):
                    weapon_end = t.j
                    continue   # قصفت … بالبراميل والصواريخ: the weapons of the event before them
                if t.d.type == "MOBILIZATION" and t.d.pos == "noun" and any(
                        lo <= o.i and o.j <= t.i <= o.j + 5 and self.L.mapping[o.d.type].get("violent") for o in trigs):
                    continue   # استهدفت المواقع والحشود: the gathered forces a strike hits are its target, not a mobilization
                if t.d.weapon and any(o is not t and not o.d.weapon and id(o) not in weapons and lo <= o.i < hi
                                      and self.L.mapping[o.d.type].get("violent") for o in trigs):
                    continue   # استهدفوا … بتسع ضربات جوية: the specific (violent) trigger tells the event
                t.type = self.type_of(st, t, lo, hi)
                if not t.type:
                    continue
                evs = self.build(st, t, lo, hi)
                if t.also and evs:
                    # missiles and drones in one act: the same act coded as both kinds of fire
                    first, first_rule = t.type, t.rule
                    t.type, t.rule = t.also, t.also_rule
                    evs += self.build(st, t, lo, hi)
                    t.type, t.rule = first, first_rule
                if t.type in VIOLENT_FOLD and self.near_before(t.i, "accompaniment", 4, lo) is not None \
                        and any(x.type in CLASH_LIKE for x in built) and (t.fallback_place or not any(e.places for e in evs)):
                    continue   # وسط قصف: part of the clash unless it has a place of its own
                if content_from is not None and t.i > content_from:
                    for e in evs:
                        if e.modality == "asserted":
                            e.modality = "planned"
                            e.extra["why"]["modality"] = "the content of an agreement named before it " \
                                                         "(triggers.yaml agreement_content)"
                if self.near_before(t.i, "background_words", 3, lo) is not None:
                    evs = self.as_background(evs, built)
                if t.type == "AGREEMENT" and t.j < st.hi and in_list(self.L, "agreement_content", self.key(t.j)):
                    content_from = t.j
                built.extend(evs)
            built = self.fold_clash_into_capture(built)
            if any(e.type in CLASH_LIKE for e in built):
                # strikes named only as part of the fighting (يشارك فيها سلاح الجو والمدفعية)
                built = [e for e in built if not (e.type in VIOLENT_FOLD and (
                    not e.places or (e.trigger, e.type) in self.placed_by_inheritance))]
            violent = any(self.L.mapping[e.type].get("violent") for e in built)
            told = self.mentions_casualties(st, violent)
            # a running total is read on its own: the dead of the act told before it are not the war's
            own_end = self.toks[total_at].start if total_at is not None else st.end
            fat = read_toll(self.doc.text[st.start:own_end], self.numbers, st.start, AFTER_ACT if violent else 3) \
                if (violent or not built) and told and own_end > st.start else None
            if not built and fat is not None and fat.value > 0:
                built = self.casualties(st, fat)
            elif fat is not None:
                self.assign_fatalities(built, fat)
            if total is not None and told:
                built += self.running_total_casualties(st, *total)
            self.events.extend(built)
            self.history += [(n, e.type, e.agents, e.targets) for e in built if e.agents]
        # twice: a merge within a sentence can make its event compatible with an earlier one
        return self.merge_repeats(self.merge_repeats(self.events))

    def weapon_runs(self, trigs: list[Trig]) -> set[int]:
        """The ids of the triggers that name a weapon of another act: an instrument (بالصواريخ) and
        the weapons joined to it by the conjunction right after it (بالصواريخ الموجهة والقذائف
        المدفعية). A generic trigger (استهدفت) is typed by them, not displaced by the second of them:
        the whole run is the instrument, whatever its first word carries."""
        out: set[int] = set()
        end = -1
        for o in trigs:
            if self.instrument(o) or (o.i == end and o.d.type in INSTRUMENT_TYPES and starts_with_and(self.key(o.i))):
                out.add(id(o))
                end = o.j
        return out

    def as_background(self, evs: list[Event], built: list[Event]) -> list[Event]:
        """غداة تعرض البلدة لتفجيرين: an event named after a background word, when the report has already
        told one of its type (and no other place), is that event told again: it joins it as evidence."""
        out = []
        for e in evs:
            twin = next((o for o in reversed(self.events + built) if o.type == e.type and (
                not e.places or not o.places or set(e.places) & set(o.places))), None)
            if twin is None:
                out.append(e)
                continue
            self.record_merge(twin, e, "named after a background word (triggers.yaml background_words): "
                                       "the event the report told before")
            twin.evidence = sorted(set(twin.evidence) | set(e.evidence))
        return out

    def running_total(self, st: Sent) -> tuple[int, int] | None:
        """The token that opens a running total in the sentence (a raise word with a total word at most
        3 words after it: ما يرفع عدد …، بارتفاع حصيلة …، ليصل مجموع …) and its إلى token, or None."""
        dead = self.L.root_patterns["casualty_roots"]
        raises = self.total_raises
        for k in raises[bisect_left(raises, st.lo):bisect_left(raises, st.hi)]:
            if not any(in_list(self.L, "running_total_words", self.key(m)) for m in range(k + 1, min(st.hi, k + 4))):
                continue
            to = next((m for m in range(k + 1, st.hi) if in_list(self.L, "running_total_to", self.key(m))), None)
            if to is None:
                continue
            # a total of the dead (عدد الشهداء … إلى، إلى 20 ألفاً و674 شهيداً), not of raids (ارتفع إلى 16 عدد الغارات)
            span = " ".join(self.key(m) for m in range(k, min(st.hi, to + 5)))
            if dead is not None and dead.search(span):
                return k, to
        return None

    def outside_total(self, st: Sent, trigs: list[Trig], total_at: int) -> list[Trig]:
        """The triggers that are acts of their own: not a war noun framed as the period or the whole of
        the running total at ``total_at`` (ما يرفع عدد القتلى منذ بدء المعارك البرية، حصيلة العدوان) in
        the total's clause. Only a definite noun names the war as a whole: خلال قصفها مدينة أريحا is an act."""
        return [t for t in trigs if t.i < total_at or self.near_before(t.i, "running_total_frames", 2, total_at) is None
                or not is_definite(self.key(t.i)[t.glue:t.prefix]) or self.clause(st, t)[0] > total_at]

    def running_total_casualties(self, st: Sent, total_at: int, to: int) -> list[Event]:
        """The CASUALTIES report of a running total (opened at ``total_at``, its count read from its
        إلى token ``to`` on), marked so that event coreference never folds it into an act as that act's toll."""
        at = self.toks[to].start
        fat = read_toll(self.doc.text[at:st.end], self.numbers, at)
        if fat is None:
            # إلى 665 with no word of the dead after it: the number right after إلى is the total
            # (not one further on: ارتفع عدد القتلى إلى الضعف …، بينهم 3 ضباط)
            found = NumberReader(self.doc.text[at:st.end], self.numbers).numbers()
            if found and to + 1 < st.hi and at + found[0].number.start == self.toks[to + 1].start:
                n = found[0].number
                fat = FatalityCount(int(n.value), at + n.start, at + n.end, n.kind)
        if fat is None or fat.value <= 0:
            return []
        evs = self.casualties(st, fat)
        for e in evs:
            e.extra["running_total"] = True
            e.extra["why"]["type"] = f"a running total '{self.span_text(total_at, total_at + 2)}' " \
                                     f"(triggers.yaml running_total_raise, running_total_words) counts the dead " \
                                     f"of a war or a period: " + e.extra["why"]["type"]
        return evs

    def keep(self, st: Sent, t: Trig) -> bool:
        return self.rejection(st, t) is None

    def rejection(self, st: Sent, t: Trig) -> str | None:
        """Why the trigger ``t`` is no act in its context (the triggers.yaml field or list that
        decided it), None when it is kept."""
        d = t.d
        if d.not_after and t.i > st.lo and in_cue_set(d.not_after, self.key(t.i - 1)):
            return "not_after"
        if d.indefinite and is_definite(self.key(t.i)[t.glue:t.prefix]):
            return "indefinite"   # العدوان الإسرائيلي: the war named as a whole, not one strike (عدوان إسرائيلي)
        if d.definite and not is_definite(self.key(t.i)[t.glue:t.prefix]):
            return "definite"   # ومصالحه: "its interests", which folds into the bare reconciliation noun
        if d.tally and t.i > st.lo and self.doc.text[self.toks[t.i - 1].start:self.toks[t.i - 1].end].isdigit():
            return "tally"   # ارتكب الاحتلال 18 مجزرة: a ministry's count of many acts; its toll is read as CASUALTIES
        if d.not_with and any(o is not t and o.d.type in d.not_with for o in self.sentence_triggers):
            return "not_with"   # اقتحمت قوات الاحتلال البلدة واعتقلت شابا: a raid, the setting of the arrest, no capture
        if d.only_with and not any(o is not t and not o.d.only_with and o.d.type in d.only_with
                                   for o in self.sentence_triggers):
            return "only_with"   # اقتحمت قوات الاحتلال بلدة الزاوية: a raid that meets no fire is no clash
        if self.near_before(t.i, "purpose_words", 1, st.lo) is not None and d.type == "ARMED_CLASH":
            return "purpose_words"
        if self.near_before(t.i, "aim_words", 1, st.lo) is not None and any(o.i < t.i for o in self.sentence_triggers):
            return "aim_words"
        if d.needs_near or d.not_near:
            # للتنديد بالقرار احتشد الآلاف: the purpose may also stand before the trigger (near_before)
            near = [*range(max(st.lo, t.i - d.near_before), t.i), *range(t.j, min(st.hi, t.j + d.window))]
            if d.needs_near and not any(in_cue_set(d.needs_near, self.key(k)) for k in near):
                return "needs_near"
            if d.not_near and any(in_cue_set(d.not_near, self.key(k)) for k in near):
                return "not_near"   # تصدت الدفاعات الجوية لعدوان: an interception, told by the strike's own words
        return None

    def build(self, st: Sent, t: Trig, lo: int, hi: int) -> list[Event]:
        agents, targets, partners, carried, roles = self.args(st, t, lo, hi)
        chains = self.places(st, t, lo, hi)
        if t.d.needs_place and not chains and not any(
                in_list(self.L, "territory_words", self.key(k)) for k in range(max(lo, t.i - 3), min(hi, t.j + 3))):
            return []
        if not (agents or targets or partners or chains):
            return []
        if not (agents or targets or partners) and self.L.mapping[t.type].get("partners"):
            return []   # a meeting, agreement or alliance is between parties: with none named, no event
        if t.type == "ALLIANCE" and any(a in self.ents and self.ents[a].type == "PERSON" for a in agents):
            return []   # a person who joins a group (انضم إلى التنظيم، انضمامه للفريق) enlists: no alliance of parties
        if carried and not chains and t.d.pos == "noun":
            return []
        inherited = not chains
        if inherited:
            chains = self.inherited_places(st, t, lo, agents) or self.scene_places(st, t, hi)
        mod, mod_why = self.modality(t, lo)
        attr = self.attribution(st)
        attr_why = self.attr_why
        date = self.date(st, t)
        m = self.L.mapping[t.type]
        state = any(self.ents[a].category == "state_force" for a in agents if a in self.ents)
        acled = m.get("acled_state") if state and m.get("acled_state") else m["acled"]
        trig_span = (self.doc.folded.orig(self.toks[t.i].kstart + t.prefix) if t.prefix else self.toks[t.i].start,
                     self.toks[t.j - 1].end)
        conf = 0.55 + 0.15 * bool(agents) + 0.1 * bool(chains) + 0.05 * (t.d.pos == "verb") - 0.1 * carried
        out = []
        for ch in chains or [[]]:
            places = {ch[0].entity: self.place_why(t, ch)} if ch else {}
            why = {"type": t.rule + (f"; ACLED {acled[1]} because an agent is a state force"
                                     if acled is not m["acled"] else ""),
                   **{k: dict(v) for k, v in roles.items()}, "places": places,
                   "modality": mod_why, "attribution": attr_why}
            out.append(Event(
                id="", type=t.type, trigger=trig_span, agents=agents, targets=targets, partners=partners,
                places=list(places), date=date, modality=mod, attribution=attr,
                evidence=[(st.start, st.end)], confidence=min(conf, 0.95),
                extra={"mapping": event_mapping(m, state), "why": why}))
        if inherited and chains:
            self.placed_by_inheritance.add((trig_span, t.type))
        return out
