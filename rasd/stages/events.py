"""Read events: trigger words (knowledge/triggers.yaml) and their arguments from clause structure.

For each sentence: find triggers (not inside an entity name), cut the sentence into clauses at
clause-break words, then for each trigger read
- the agent: after an agent marker (على يد، من قبل); else the subject right after a verb (VSO)
  or the genitive after a noun (قصف قوات النظام، غارات للطيران); else the nearest actor before
  it in the clause (SVO: وكان الجيش قد سيطر); else the report's current topic (تقدمه → the
  actor of the previous event),
- targets (after ضد، على، مع، مواقع …, or the other side of a clash) and partners,
- places: the event's places are the heads of place chains after the trigger; a place that only
  qualifies the one before it (التابعة لـ، شرق X، بريف X) is not an event place of its own, and
  a place after a destination marker (باتجاه، نحو) is none at all,
- modality (negated / planned / conditional cues before the trigger), attribution (a SOURCE in
  the sentence, or the last one when the sentence continues reported speech), date, fatalities.
One event per place (ACLED); the same event told twice in the report is merged.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.arabic.dates import find_dates
from rasd.arabic.normalize import fold_str
from rasd.arabic.numbers import fatalities as read_fatalities
from rasd.arabic.tokens import Token, reads_as, stems
from rasd.doc import Doc, Event, Mention
from rasd.pipeline import Stage
from rasd.kb.yamlfile import load, require

PARTICIPANT_TYPES = {"ACTOR", "PERSON"}
VIOLENT_FOLD = {"SHELLING", "AIRSTRIKE"}     # accompaniment of a clash is folded into it
CLASH_LIKE = {"ARMED_CLASH", "TERRITORY_TAKEN"}
MAX_YEARS_BACK = 20   # a report dates events of at most this many years before it
AIR_CAPABLE = {"state_force", "government", "coalition", "international"}
INSTRUMENT_TYPES = {"SHELLING", "AIRSTRIKE", "BOMBING", "CHEMICAL_ATTACK"}
PLACE_FALLBACK_TYPES = CLASH_LIKE | INSTRUMENT_TYPES | {"ATTACK_ON_CIVILIANS", "CASUALTIES"}


@dataclass(frozen=True)
class TriggerDef:
    type: str
    pos: str
    pattern: tuple[str, ...]          # folded tokens; a trailing * is a prefix
    air: bool = False
    weapon: bool = False
    invert: bool = False
    needs_place: bool = False
    needs_near: frozenset = frozenset()
    window: int = 3
    not_after: frozenset = frozenset()
    modality: str | None = None
    recipient_lam: bool = False
    line: int = 0                     # where triggers.yaml defines it (for the event's why)


@dataclass
class Lexicon:
    exact: dict[str, list[TriggerDef]]
    prefix: dict[int, dict[str, list[TriggerDef]]]
    words: dict[str, frozenset]
    weapon: dict[str, frozenset]
    mapping: dict[str, dict]
    modality: dict

    def __post_init__(self):
        self.candidates = lru_cache(maxsize=1 << 17)(self._candidates)
        self.lists_of = lru_cache(maxsize=1 << 17)(self._lists_of)

    def _lists_of(self, key: str) -> frozenset[str]:
        """Names of the word lists (clause_breaks, relatives …) a word belongs to as a cue."""
        forms = _cue_forms(key)
        forms = set(forms) | {"ال" + f for f in forms}
        return frozenset(n for n, ws in self.words.items() if not ws.isdisjoint(forms))

    def _candidates(self, key: str) -> tuple[tuple[int, TriggerDef], ...]:
        """(proclitic length, trigger) pairs whose first word fits some reading of ``key``."""
        out = []
        for n, st in stems(key):
            out += [(n, d) for d in self.exact.get(st, ())]
            for plen, table in self.prefix.items():
                if len(st) >= plen:
                    out += [(n, d) for d in table.get(st[:plen], ())]
        return tuple(out)


def _fold_set(xs) -> frozenset:
    return frozenset(fold_str(x) for x in xs)


def load_lexicon(res) -> Lexicon:
    """triggers.yaml and modality.yaml over the ontology of ``res``; errors name file and line."""
    path = res.knowledge("triggers")
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping")
    exact: dict[str, list[TriggerDef]] = {}
    prefix: dict[int, dict[str, list[TriggerDef]]] = {}
    ont = res.ontology
    for item in data["triggers"]:
        require(item.get("type") in ont, path, item, f"unknown event type {item.get('type')!r}")
        require(item.get("pos") in ("verb", "noun"), path, item, "pos must be verb or noun")
        require(isinstance(item.get("forms"), list) and item["forms"], path, item, "forms must be a non-empty list")
        for form in item["forms"]:
            toks = tuple(fold_str(t) for t in str(form).split())
            first = toks[0]
            if item["pos"] == "noun" and str(form).startswith("ال") and len(first) > 3 and not first.endswith("*"):
                first = first[2:]
            d = TriggerDef(item["type"], item["pos"], (first, *toks[1:]), bool(item.get("air")),
                           bool(item.get("weapon")), bool(item.get("invert")), bool(item.get("needs_place")),
                           _fold_set(item.get("needs_near") or []), int(item.get("window", 3)),
                           _fold_set(item.get("not_after") or []), item.get("modality"),
                           bool(item.get("recipient_lam")), item.get("__line__", 0))
            if first.endswith("*"):
                p = first[:-1]
                prefix.setdefault(len(p), {}).setdefault(p, []).append(d)
            else:
                exact.setdefault(first, []).append(d)
    words = {k: _fold_set(v) for k, v in data.items() if k not in ("triggers", "weapon_cues", "__line__")}
    words["no_topic_types_raw"] = frozenset(data.get("no_topic_types") or [])
    weapon = {k: _fold_set(v) for k, v in data["weapon_cues"].items() if k != "__line__"}
    mod = load(res.knowledge("modality"))
    modality = {k: {"window": v.get("window", 3), "before": _fold_set(v.get("before", [])),
                    "not_before": _fold_set(v.get("not_before", [])), "purpose_lam": v.get("purpose_lam", False)}
                for k, v in mod.items() if k in ("negated", "planned", "conditional")}
    modality["reporting_verbs"] = _fold_set(mod["reporting_verbs"])
    modality["denial"] = _fold_set(mod["negated"].get("denial", []))
    modality["that"] = _fold_set(mod["negated"].get("that", []))
    modality["lam_governors"] = _fold_set(mod["planned"].get("lam_governors", []))
    modality["lam_window"] = int(mod["planned"].get("lam_window", 8))
    return Lexicon(exact, prefix, words, weapon, dict(ont), modality)


def _tok_matches(pat: str, key: str) -> bool:
    readings = [key] + [s for _, s in stems(key)]
    if pat.endswith("*"):
        return any(r.startswith(pat[:-1]) for r in readings)
    return any(r == pat or r == ("ال" + pat) or ("ال" + r) == pat for r in readings)


@dataclass
class Trig:
    d: TriggerDef
    i: int                 # first token
    j: int                 # one past last token
    prefix: int            # proclitic characters on the first token
    type: str = ""
    fallback_place: bool = False
    rule: str = ""         # why it has its type (the event's why.type)
    place_rule: str = ""   # how its places were chosen (why.places)
    place_why: dict = field(default_factory=dict)   # id(mention) → a reason of its own


def find_triggers(toks: list[Token], lo: int, hi: int, covered: set[int], L: Lexicon) -> list[Trig]:
    out: list[Trig] = []
    i = lo
    while i < hi:
        if i in covered:
            i += 1
            continue
        best: Trig | None = None
        for n, d in L.candidates(toks[i].key):
            j = i + len(d.pattern)
            if j > hi or (best is not None and j <= best.j) or any(k in covered for k in range(i, j)):
                continue
            if all(_tok_matches(p, toks[i + 1 + k].key) for k, p in enumerate(d.pattern[1:])):
                best = Trig(d, i, j, n)
        if best:
            out.append(best)
            i = best.j
        else:
            i += 1
    return out


def _cue_forms(key: str) -> tuple[str, ...]:
    """A cue word's readings: as written, without a conjunction, and either without its article.
    Prepositions are not stripped here (ك+ان in وكان is not إن); cue lists spell them (لصد، بدعم)."""
    forms = [key]
    if key[:1] in "وف" and len(key) > 3:
        forms.append(key[1:])
    forms += [f[2:] for f in forms if f.startswith("ال") and len(f) > 4]
    return tuple(forms)


def _in(L: Lexicon, name: str, key: str) -> bool:
    return name in L.lists_of(key)


@dataclass
class _Sent:
    start: int
    end: int
    lo: int                      # token range
    hi: int
    mentions: list[Mention] = field(default_factory=list)


class _Reader:
    def __init__(self, doc: Doc, res):
        self.doc, self.L, self.toks = doc, res.triggers, doc.tokens
        self.numbers, self.dates_kn = res.numbers, res.dates
        self.topic: list[str] = []          # agents of the last event (carried across sentences)
        self.last_attr: str | None = None
        self.attr_why = ""
        pub = doc.source.get("published")
        try:
            self.published = dt.date.fromisoformat(pub) if pub else None
        except ValueError:
            self.published = None
        self.events: list[Event] = []
        self.sentence_triggers: list[Trig] = []
        self.all_sentences: list[_Sent] = []
        self._dates_for, self._dates = None, []
        forces = sorted((e for e in doc.entities if e.type == "ACTOR" and e.category == "state_force"),
                        key=lambda e: -len(e.mentions))
        # persons who speak for a monitor or an agency (the SOHR director) report events, not act in them
        kb = res.kb
        self.reporters = {e.id for e in doc.entities if e.type == "PERSON" and e.kb_id and kb.get(e.kb_id)
                          and kb.get(e.kb_id).affiliations
                          and all(a["actor"] in kb.sources for a in kb.get(e.kb_id).affiliations)}
        self.air_force = forces[0].id if forces else None
        ents = {e.id: e for e in doc.entities}
        self.ents = ents

    # ---- token helpers ------------------------------------------------------------------
    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def near_before(self, i: int, name: str, window: int, lo: int) -> int | None:
        for k in range(i - 1, max(lo, i - window) - 1, -1):
            if _in(self.L, name, self.key(k)):
                return k
        return None

    # ---- sentences ----------------------------------------------------------------------
    def sentences(self) -> list[_Sent]:
        toks, out, ti = self.toks, [], 0
        for s, e in self.doc.sentences:
            while ti < len(toks) and toks[ti].start < s:
                ti += 1
            tj = ti
            while tj < len(toks) and toks[tj].end <= e:
                tj += 1
            out.append(_Sent(s, e, ti, tj))
            ti = tj
        ms = sorted((m for e in self.doc.entities for m in e.mentions), key=lambda m: m.start)
        k = 0
        for st in out:
            while k < len(ms) and ms[k].start < st.end:
                if ms[k].start >= st.start:
                    st.mentions.append(ms[k])
                k += 1
        return out

    def clause(self, st: _Sent, t: Trig) -> tuple[int, int]:
        lo, hi = st.lo, st.hi
        for k in range(t.i - 1, st.lo - 1, -1):
            if _in(self.L, "clause_breaks", self.key(k)):
                lo = k
                break
        for k in range(t.j, st.hi):
            if _in(self.L, "clause_breaks", self.key(k)):
                hi = k
                break
        # a following verb trigger joined by و opens a new clause (سيطر على X ويتابع تقدمه نحو Y)
        nxt = next((o.i for o in self.sentence_triggers if o.i >= t.j and (
            (o.d.pos == "verb" and self.key(o.i).startswith("و")) or self.key(o.i - 1).startswith("و")
            and len(self.key(o.i - 1)) > 3)), None)
        if nxt is not None and nxt < hi:
            hi = nxt
        return lo, hi

    # ---- arguments ----------------------------------------------------------------------
    def marker(self, m: Mention, name: str, lo: int) -> bool:
        i = m.tok[0]
        k = self.key(i)
        pre = k[:len(k) - len(stems(k)[-1][1])] if stems(k) else ""
        return self.near_before(i, name, 2, lo) is not None or (
            name == "target_markers" and any(w in pre for w in self.L.words["attached_target_markers"]))

    def participants(self, st: _Sent, lo: int, hi: int) -> list[Mention]:
        return [m for m in st.mentions if m.type in PARTICIPANT_TYPES and lo <= m.tok[0] < hi
                and m.entity not in self.reporters]

    def purpose_at(self, t: Trig, hi: int) -> int:
        """First token of a purpose clause after the trigger (لصد تقدم الجيش …), else hi."""
        for k in range(t.j, hi):
            if _in(self.L, "purpose_words", self.key(k)):
                return k
        return hi

    def instrument(self, t: Trig) -> bool:
        """A noun trigger with the instrumental ب (بصواريخ، بالمدفعية، بالبراميل)."""
        return t.d.pos == "noun" and "ب" in self.key(t.i)[:t.prefix] and t.d.type in INSTRUMENT_TYPES

    def can_do(self, typ: str, m: Mention) -> bool:
        """Air strikes are flown by states and coalitions, not by armed groups or persons; car bombs
        and IEDs are planted by armed groups, not by state forces."""
        e = self.ents.get(m.entity)
        return self.can_do_entity(typ, e) if e is not None else typ != "AIRSTRIKE"

    def can_do_entity(self, typ: str, e) -> bool:
        if typ == "AIRSTRIKE":
            return e.category in AIR_CAPABLE
        if typ == "BOMBING":
            return e.category not in ("state_force", "government")
        return True

    def civilian(self, m: Mention) -> bool:
        e = self.ents.get(m.entity)
        return e is not None and e.category == "civilians"

    def plural_verb(self, t: Trig) -> bool:
        """A verb that carries its (plural) subject (استهدفوا، هاجموا): the actor after it is an object."""
        return self.key(t.j - 1).endswith(("وا", "ون")) and t.j - t.i == 1

    def governed(self, m: Mention) -> bool:
        """The mention carries a preposition (لقوات، بالجيش): an object, never a verb's subject."""
        pre = fold_str(self.doc.text[self.toks[m.tok[0]].start:m.start])
        return any(c in pre for c in "بلك")

    def relative_clause(self, lo: int) -> bool:
        return _in(self.L, "relatives", self.key(lo))

    def args(self, st: _Sent, t: Trig, lo: int, hi: int):
        """(agents, targets, partners, carried, why): entity ids by role, and why each has its role."""
        why: dict[str, str] = {}

        def said(m: Mention | None, reason: str) -> None:
            if m is not None and m.entity is not None:
                why.setdefault(m.entity, f"{reason}: '{m.text}'")
        ps = self.participants(st, lo, hi)
        after = [m for m in ps if m.tok[0] >= t.j]
        before = [m for m in ps if m.tok[1] <= t.i]
        partner_type = bool(self.L.mapping[t.type].get("partners"))
        markers = "opponent_markers" if partner_type else "target_markers"
        is_target = lambda m: self.marker(m, markers, lo) or m.tok[0] >= purpose  # noqa: E731
        is_partner = lambda m: self.marker(m, "partner_markers", lo)  # noqa: E731
        purpose = self.purpose_at(t, hi)
        lam = lambda m: self.key(m.tok[0]).startswith("ل")  # noqa: E731
        agent: Mention | None = next((m for m in ps if self.marker(m, "agent_markers", lo)), None)
        said(agent, "after an agent marker (triggers.yaml agent_markers)")
        between = None
        if agent is None:   # اشتباكات بين X و Y
            between = next((m for m in after if self.near_before(m.tok[0], "between", 3, t.j) is not None),
                           None)
            agent = between
            said(agent, "the first side after 'between' (triggers.yaml between)")
        if agent is None and t.d.pos == "verb" and before:
            # SVO: the actor right before the verb (وكانت جبهة النصرة قد خطفت …) is its subject
            m = before[-1]
            gap = range(m.tok[1], t.i)
            if len(gap) <= 2 and all(_in(self.L, "subject_fillers", self.key(k)) for k in gap) \
                    and not is_target(m) and not self.governed(m) and self.can_do(t.type, m):
                agent = m
                said(agent, "subject right before the verb")
        if agent is None and after:
            # VSO subject after a verb, genitive after a noun (قصف قوات النظام، غارات للطيران)
            m = after[0]
            window = 6 if t.d.pos == "verb" else 4
            if m.tok[0] - t.j <= window and not is_target(m) and not is_partner(m) \
                    and not (t.d.recipient_lam and lam(m)) and not (t.d.pos == "verb" and self.plural_verb(t)) \
                    and not (t.d.pos == "verb" and self.governed(m)):
                agent = m
                said(agent, "subject right after the verb" if t.d.pos == "verb" else "genitive after the noun")
        if agent is None:
            # SVO: the first actor of the clause that is not an object
            agent = next((m for m in before if not is_target(m) and not is_partner(m) and not self.civilian(m)
                          and self.can_do(t.type, m)), None)
            said(agent, "the first actor of the clause before the trigger that is not an object")
        if agent is not None and (self.civilian(agent) or not self.can_do(t.type, agent)):
            why.pop(agent.entity, None)   # a civilian, or one that cannot do this (an air strike by a militia)
            agent = None
        agents = [agent.entity] if agent else []
        if not agents and not (partner_type and t.d.pos == "noun"):
            outer = [m for m in self.participants(st, st.lo, lo) if not is_target(m) and not self.civilian(m)
                     and self.can_do(t.type, m)]
            if outer:   # a relative clause refers to what was just named; otherwise the sentence subject
                m = outer[-1] if self.relative_clause(lo) else outer[0]
                agents = [m.entity]
                said(m, "the actor a relative clause refers to" if self.relative_clause(lo)
                     else "the subject of the sentence outside the trigger's clause")
        side_end = hi
        if between is not None:   # بين X وY من جهة، وZ من جهة أخرى: X and Y are one side
            side_end = next((k for k in range(between.tok[1], hi) if _in(self.L, "side_markers", self.key(k))),
                            None)
        if agent is not None and side_end is not None:   # قوات النظام والمسلحون الموالون لها وحزب الله: co-agents
            prev = agent
            for m in ps:
                if m.start <= prev.start:
                    continue
                if between is not None and m.tok[0] >= side_end:
                    break
                gap = self.doc.text[prev.end:m.start].strip(" ،,")
                if gap not in ("و", "") or not self.key(m.tok[0]).startswith("و") and gap != "و":
                    break
                if not self.civilian(m) and self.can_do(t.type, m):
                    agents.append(m.entity)
                    said(m, "joined to the agent by 'and'")
                prev = m
        carried = False
        unknown = any(_in(self.L, "unknown_agent", self.key(k)) for k in range(t.j, min(hi, t.j + 4)))
        if unknown:
            agents = []
        if not agents and self.topic and not partner_type and not unknown \
                and t.type not in self.L.words["no_topic_types_raw"]:
            topic = [a for a in self.topic if a in self.ents and self.can_do_entity(t.type, self.ents[a])]
            if topic:
                agents, carried = topic, True
                for a in topic:
                    why.setdefault(a, "carried over: the agent of the report's previous event (no actor in this clause)")
        if not agents and t.type == "AIRSTRIKE" and self.air_force and not unknown:
            agents, carried = [self.air_force], True   # the one air force the report names
            why.setdefault(self.air_force, "the state force the report names most: an air strike with no "
                                           "named agent is its air force's")
        targets, partners = [], []
        supporter: Mention | None = None
        for m in after + [m for m in before if m is not agent]:
            joined = supporter is not None and m.start > supporter.start and \
                self.doc.text[supporter.end:m.start].strip(" ،,") == "و"
            if m is agent or m.entity in agents:
                if joined:
                    supporter = m   # ومسلحين آخرين موالين لها وعناصر حزب الله: the list goes on
                continue
            if agents and (joined or self.marker(m, "support_markers", lo)) and self.can_do(t.type, m):
                agents.append(m.entity)   # قوات النظام المدعومة بمسلحين … وعناصر حزب الله: they fight with it
                said(m, "listed with the supporters of the agent" if joined
                     else "supports the agent (triggers.yaml support_markers)")
                supporter = m
            elif is_partner(m):
                partners.append(m.entity)
                said(m, "after a partner marker (triggers.yaml partner_markers)")
            elif is_target(m) or m in after:
                targets.append(m.entity)
                said(m, "in a purpose clause after the trigger" if m.tok[0] >= purpose and not
                     self.marker(m, markers, lo) else f"after a target marker (triggers.yaml {markers})"
                     if self.marker(m, markers, lo) else "named after the trigger, not its agent")
        if t.d.invert or self.near_before(t.i, "passive_markers", 1, lo) is not None:
            agents, targets = [], agents
            for x in targets:
                why[x] = ("the trigger is passive (triggers.yaml passive_markers)" if not t.d.invert else
                          "the trigger reads the other way (triggers.yaml invert)") + \
                         f"; what would be its agent undergoes it — {why.get(x, '')}"
        if self.L.mapping[t.type].get("partners"):
            if t.d.pos == "noun" or carried:
                # talks, deals and exchanges named by a noun have parties, not a doer
                partners = agents + partners
                agents = []
            opponents = {m.entity for m in ps if is_target(m) and not (t.type == "PRISONER_RELEASE")}
            partners = [x for x in dict.fromkeys(agents + targets + partners) if x not in opponents]
            targets = [x for x in targets if x in opponents] if t.type != "PRISONER_RELEASE" else targets
            for x in partners:
                why[x] = f"a party to the {t.type.lower().replace('_', ' ')} ({why.get(x, 'named in its clause')})"
        agents, targets, partners = (list(dict.fromkeys(agents)), list(dict.fromkeys(targets)),
                                     list(dict.fromkeys(partners)))
        roles = {role: {x: why.get(x, "named in the trigger's clause") for x in ids}
                 for role, ids in (("agents", agents), ("targets", targets), ("partners", partners))}
        return agents, targets, partners, carried, roles

    def places(self, st: _Sent, t: Trig, lo: int, hi: int) -> list[list[Mention]]:
        """Place chains: each chain's head is an event place; the rest qualify it.

        Places after a destination marker (باتجاه X) and their qualifiers are not the event's,
        nor are places inside a purpose clause (لصد تقدم الجيش في X).
        """
        hi = self.purpose_at(t, hi)
        pm = [m for m in st.mentions if m.type == "PLACE" and lo <= m.tok[0] < hi]
        after = [m for m in pm if m.tok[0] >= t.j]
        # تعرضت قرى X وY لقصف: with nothing after the trigger, the places before it
        pool = after or [m for m in pm if m.tok[1] <= t.i]
        t.place_rule = "named after the trigger in its clause" if after else "named before the trigger (none after it)"
        if not pool and self.relative_clause(lo) and t.type in PLACE_FALLBACK_TYPES:
            prior = [m for m in st.mentions if m.type == "PLACE" and m.tok[1] <= lo]
            if len(prior) >= 2 and (prior[-1].region or {}).get("direction") \
                    and prior[-1].tok[0] - prior[-2].tok[1] <= 1:
                prior = prior[:-1]   # قرية الرهجان شرق حماة التي …: the village, not its qualifier
            pool = prior[-1:]
            t.fallback_place = bool(pool)
            t.place_rule = "the place a relative clause refers to (التي …)"
        chains: list[list[Mention]] = []
        prev: Mention | None = None
        skipping = False
        for m in pool:
            i = m.tok[0]
            coord = prev is not None and self._coordinated(prev, m)
            if self.near_before(i, "destination_markers", 2, lo) is not None and not (coord and not skipping):
                skipping, prev = True, m
                continue
            if skipping:
                gap = fold_str(self.doc.text[prev.end:m.start]).split()
                if not (gap and gap[0] in self.L.words["place_prepositions"]):
                    prev = m
                    continue   # a qualifier of the destination (مطار أبو الظهور شرق إدلب)
                skipping = False
                chains.append([m])
                m_rule = "after a destination, introduced by a place preposition"
                t.place_why[id(m)] = m_rule
            elif prev is not None and not coord:
                chains[-1].append(m)
            else:
                chains.append([m])
            prev = m
        return chains

    def _coordinated(self, prev: Mention, m: Mention) -> bool:
        """m starts a new place rather than qualifying prev: joined by و or a comma list."""
        i = m.tok[0]
        gap = self.doc.text[prev.end:m.start]
        k = self.key(i)
        words = [w for w in fold_str(gap).split() if w.strip("،,-–()\"")]
        if words:
            return words == ["و"] or words[-1] in ("و",)
        if m.region and (m.region.get("direction") and not m.region.get("rif")):
            return False
        if k.startswith("و") and not k.startswith("وب"):
            return True
        return any(c in gap for c in "،,") and not k.startswith("ب")

    # ---- per-trigger checks ---------------------------------------------------------------
    def type_of(self, st: _Sent, t: Trig, lo: int, hi: int) -> str:
        """The event type of a trigger; sets ``t.rule``, the reason (why.type)."""
        d = t.d
        form = f"trigger '{self.span_text(t.i, t.j)}' ({d.pos}, triggers.yaml:{d.line})"
        keys = [self.key(k) for k in range(lo, hi)]
        if d.weapon:
            for typ, cues in self.L.weapon.items():
                k = next((k for k in range(lo, hi) if reads_as(cues, self.key(k))), None)
                if k is not None:
                    t.rule = f"{form} names a weapon; '{self.span_text(k, k + 1)}' in its clause is a " \
                             f"{typ} weapon (triggers.yaml weapon_cues)"
                    return typ
            if not any(reads_as(self.L.words["military_objects"], self.key(k)) for k in range(t.j, min(hi, t.j + 4))):
                return ""   # العقوبات تستهدف أفرادا: targeted, but nobody attacked
            t.rule = f"{form}: {d.type}, a military object follows it"
            return d.type
        if d.air:
            # a bare قصف: air or ground as its clause says, else its sentence, else the sentences around it
            air, ground = self.L.words["air_cues"], self.L.weapon["SHELLING"]
            for where, span in (("its clause", keys), ("its sentence", self.sent_keys(st)),
                                ("the sentences around it", self.near_keys(st))):
                cue = next((k for k in span if reads_as(air, k)), None)
                if cue is not None:
                    t.rule = f"{form} is air or ground fire; the air cue '{cue}' in {where} makes it AIRSTRIKE"
                    return "AIRSTRIKE"
                cue = next((k for k in span if reads_as(ground, k)), None)
                if cue is not None:
                    t.rule = f"{form} is air or ground fire; the ground weapon '{cue}' in {where} makes it SHELLING"
                    return "SHELLING"
            t.rule = f"{form} is air or ground fire; no air or ground cue near it: {d.type}"
            return d.type
        t.rule = f"{form} is listed as {d.type}"
        return d.type

    def span_text(self, i: int, j: int) -> str:
        return self.doc.text[self.toks[i].start:self.toks[j - 1].end]

    def sent_keys(self, st: _Sent) -> list[str]:
        return [self.key(k) for k in range(st.lo, st.hi)]

    def near_keys(self, st: _Sent) -> list[str]:
        """Words of the sentences before and after."""
        sents, n = self.all_sentences, self.all_sentences.index(st)
        return [k for s2 in sents[max(0, n - 1):n] + sents[n + 1:n + 2] for k in self.sent_keys(s2)]

    def modality(self, t: Trig, lo: int) -> tuple[str, str]:
        """The trigger's modality and why (the cue that set it, or that none did)."""
        M = self.L.modality
        if t.d.modality:
            return t.d.modality, f"the trigger form is {t.d.modality} (triggers.yaml:{t.d.line})"
        st = self.all_sentences[self.doc.sentence_of(self.toks[t.i].start)]
        if st is not None:   # نفت الوزارة أن يكون قد خطف: a denied report
            denied = next((k for k in range(st.lo, t.i) if _in_set(M["denial"], self.key(k))), None)
            if denied is not None:
                that = next((k for k in range(denied + 1, t.i) if _in_set(M["that"], self.key(k))), None)
                if that is not None:
                    return "negated", f"denial '{self.span_text(denied, denied + 1)}' … " \
                                      f"'{self.span_text(that, that + 1)}' before the trigger (modality.yaml negated)"
        for mod in ("negated", "conditional", "planned"):
            c = M[mod]
            for k in range(t.i - 1, max(lo, t.i - c["window"]) - 1, -1):
                if _in_set(c["before"], self.key(k)) and not _in_set(c["not_before"], self.key(k + 1)):
                    return mod, f"cue '{self.span_text(k, k + 1)}' {t.i - k} word{'s' if t.i - k > 1 else ''} " \
                                f"before the trigger (modality.yaml {mod})"
        pre = self.key(t.i)[:t.prefix]
        if M["planned"]["purpose_lam"] and pre.replace("و", "").replace("ف", "") in ("ل", "لل") \
                and t.d.pos == "noun" and not any(_in_set(M["lam_governors"], self.key(k))
                                                  for k in range(max(lo, t.i - M["lam_window"]), t.i)):
            return "planned", "a noun trigger with the purpose lam (in order to …; modality.yaml planned)"
        return "asserted", "no negation, condition or plan cue before the trigger"

    def attribution(self, st: _Sent) -> str | None:
        """The source of a sentence's events; ``self.attr_why`` says why."""
        srcs = [m for m in st.mentions if m.type == "SOURCE" or m.entity in self.reporters]
        if srcs:
            self.last_attr = srcs[0].entity
            self.attr_why = f"the sentence names the source '{srcs[0].text}'" if srcs[0].type == "SOURCE" else \
                f"the sentence names '{srcs[0].text}', who speaks for a source"
            return srcs[0].entity
        first = [k for k in range(st.lo, min(st.hi, st.lo + 2))]
        verb = next((k for k in first if _in_set(self.L.modality["reporting_verbs"], self.key(k))), None)
        if verb is not None:
            self.attr_why = (f"the sentence opens with the reporting verb '{self.span_text(verb, verb + 1)}': "
                             "it continues what the last source said") if self.last_attr else \
                "the sentence opens with a reporting verb, but no source was named before it"
            return self.last_attr
        self.attr_why = "no source named in the sentence"
        return None

    def sentence_dates(self, st: _Sent) -> list:
        """Dates of the sentence that can date an event of this report: a year long before the
        report was published (عام 1219 in a history aside) dates no event it reports."""
        if self._dates_for is not st:
            ds = find_dates(self.doc.text[st.start:st.end], self.dates_kn, self.published)
            if self.published is not None:
                ds = [d for d in ds if not d.value or int(d.value[:4]) >= self.published.year - MAX_YEARS_BACK]
            self._dates_for, self._dates = st, ds
        return self._dates

    def date(self, st: _Sent, t: Trig) -> dict | None:
        ds = self.sentence_dates(st)
        if not ds:
            return None
        pos = self.toks[t.i].start - st.start
        d = min(ds, key=lambda d: abs(d.start - pos))
        j = d.to_json()
        j["text"] = self.doc.text[st.start + d.start:st.start + d.end]
        return j

    # ---- main ---------------------------------------------------------------------------
    def run(self) -> list[Event]:
        covered = set()
        for e in self.doc.entities:
            for m in e.mentions:
                covered.update(range(*m.tok))
        sents = self.all_sentences = self.sentences()
        for n, st in enumerate(sents):
            if self.is_headline(st):
                continue   # a headline or sub-heading restates the body's events
            trigs = find_triggers(self.toks, st.lo, st.hi, covered, self.L)
            self.sentence_triggers = trigs
            trigs = [t for t in trigs if self.keep(st, t)]
            self.sentence_triggers = trigs
            built: list[Event] = []
            content_from = None    # the content of an agreement (اتفاق على …) is planned
            weapon_end = -1
            for t in trigs:
                lo, hi = self.clause(st, t)
                if (self.instrument(t) and any(o.i < t.i and lo <= o.i for o in trigs)) or (
                        t.i == weapon_end and self.key(t.i).startswith("و") and t.d.type in INSTRUMENT_TYPES):
                    weapon_end = t.j
                    continue   # قصفت … بالبراميل والصواريخ: the weapons of the event before them
                if t.d.weapon and any(o is not t and not o.d.weapon and not self.instrument(o) and lo <= o.i < hi
                                      for o in trigs):
                    continue   # استهدفوا … بتسع ضربات جوية: the specific trigger tells the event
                t.type = self.type_of(st, t, lo, hi)
                if not t.type:
                    continue
                evs = self.build(st, t, lo, hi)
                if t.type in VIOLENT_FOLD and self.near_before(t.i, "accompaniment", 4, lo) is not None \
                        and any(x.type in CLASH_LIKE for x in built) and (t.fallback_place or not any(e.places for e in evs)):
                    continue   # وسط قصف: part of the clash unless it has a place of its own
                if content_from is not None and t.i > content_from:
                    for e in evs:
                        if e.modality == "asserted":
                            e.modality = "planned"
                            e.extra["why"]["modality"] = "the content of an agreement named before it " \
                                                         "(triggers.yaml agreement_content)"
                if t.type == "AGREEMENT" and t.j < st.hi and _in(self.L, "agreement_content", self.key(t.j)):
                    content_from = t.j
                built.extend(evs)
            built = self.fold_clash_into_capture(built)
            if any(e.type in CLASH_LIKE for e in built):
                # strikes named only as part of the fighting (يشارك فيها سلاح الجو والمدفعية)
                built = [e for e in built if not (e.type in VIOLENT_FOLD and not e.places)]
            violent = any(self.L.mapping[e.type].get("violent") for e in built)
            fat = read_fatalities(self.doc.text[st.start:st.end], self.numbers, st.start) \
                if (violent or not built) and self.mentions_casualties(st, violent) else None
            if not built and fat is not None and fat.value > 0:
                built = self.casualties(st, fat)
            elif fat is not None:
                self.assign_fatalities(built, fat)
            self.events.extend(built)
            if built:
                ag = [a for e in built for a in e.agents]
                if ag:
                    self.topic = list(dict.fromkeys(ag))
        # twice: a merge within a sentence can make its event compatible with an earlier one
        return self.merge_repeats(self.merge_repeats(self.events))

    def mentions_casualties(self, st: _Sent, violent: bool) -> bool:
        if st.lo >= st.hi:
            return False
        key = self.doc.folded.key[self.toks[st.lo].kstart:self.toks[st.hi - 1].kend]
        return any(r in key for r in self.L.words["casualty_roots"]) or (
            violent and any(r in key for r in self.L.words["no_casualty_roots"]))

    def is_headline(self, st: _Sent) -> bool:
        """A sentence on a title or sub-heading line: a short line that ends unpunctuated."""
        text = self.doc.text
        a = text.rfind("\n", 0, st.start) + 1
        b = text.find("\n", st.end)
        b = len(text) if b < 0 else b
        line = text[a:b].rstrip()
        return len(self.doc.sentences) > 1 and 0 < len(line) < 160 and line[-1] not in ".!?؟:،,"

    def keep(self, st: _Sent, t: Trig) -> bool:
        d = t.d
        if d.not_after and t.i > st.lo and _in_set(d.not_after, self.key(t.i - 1)):
            return False
        if self.near_before(t.i, "purpose_words", 1, st.lo) is not None and d.type == "ARMED_CLASH":
            return False
        if self.near_before(t.i, "aim_words", 1, st.lo) is not None and any(o.i < t.i for o in self.sentence_triggers):
            return False
        if d.needs_near:
            if not any(_in_set(d.needs_near, self.key(k)) for k in range(t.j, min(st.hi, t.j + d.window))):
                return False
        return True

    def build(self, st: _Sent, t: Trig, lo: int, hi: int) -> list[Event]:
        agents, targets, partners, carried, roles = self.args(st, t, lo, hi)
        chains = self.places(st, t, lo, hi)
        if t.d.needs_place and not chains and not any(
                _in(self.L, "territory_words", self.key(k)) for k in range(max(lo, t.i - 3), min(hi, t.j + 3))):
            return []
        if not (agents or targets or partners or chains):
            return []
        if carried and not chains and t.d.pos == "noun":
            return []
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
                extra={"mapping": {"acled": {"event_type": acled[0], "sub_event_type": acled[1]},
                                   "plover": m["plover"]}, "why": why}))
        return out

    def place_why(self, t: Trig, chain: list[Mention]) -> str:
        head = chain[0]
        out = t.place_why.get(id(head), t.place_rule) + f": '{head.text}'"
        if len(chain) > 1:
            out += "; " + ", ".join(f"'{m.text}'" for m in chain[1:]) + " only qualif" + \
                   ("ies" if len(chain) == 2 else "y") + " it"
        return out

    def fold_clash_into_capture(self, evs: list[Event]) -> list[Event]:
        """A fight that ends in a capture is one TERRITORY_TAKEN (ontology, "How many events")."""
        taken = {tuple(e.places) for e in evs if e.type == "TERRITORY_TAKEN"}
        return [e for e in evs if not (e.type == "ARMED_CLASH" and (tuple(e.places) in taken or not e.places)
                                       and taken)]

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

    def casualties(self, st: _Sent, fat) -> list[Event]:
        ps = self.participants(st, st.lo, st.hi)
        places = [m for m in st.mentions if m.type == "PLACE"]
        civ = [m.entity for m in ps if self.ents[m.entity].category == "civilians"]
        agents = [m.entity for m in ps if m.entity not in civ][:1]
        armed = [x for x in agents if self.ents[x].type == "ACTOR"]
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
               "targets": {c: "civilians named in the sentence" for c in civ}, "partners": {},
               "places": {places[0].entity: f"the first place of the sentence: '{places[0].text}'"} if places else {},
               "modality": "a toll is reported as fact", "attribution": self.attr_why,
               "fatalities": f"the sentence's toll {toll} ({fat.kind})"}
        return [Event(id="", type="CASUALTIES", trigger=None, agents=agents, targets=civ, places=
                      [places[0].entity] if places else [], date=self.date_at(st), modality="asserted",
                      attribution=attr, fatalities=fat.value, evidence=[(st.start, st.end)],
                      confidence=0.5,
                      extra={"mapping": {"acled": {"event_type": m["acled"][0], "sub_event_type": m["acled"][1]},
                                         "plover": m["plover"]}, "why": why})]

    def date_at(self, st: _Sent) -> dict | None:
        ds = self.sentence_dates(st)
        if not ds:
            return None
        j = ds[0].to_json()
        j["text"] = self.doc.text[st.start + ds[0].start:st.start + ds[0].end]
        return j

    def same_event(self, o: Event, e: Event) -> str | None:
        """Why ``e`` is ``o`` told again, or None when it is another event."""
        if o.type != e.type:
            return None
        same_sentence = e.evidence[0] in o.evidence
        if same_sentence and not e.places and o.places and set(e.agents) <= set(o.agents) and e.agents:
            # ضمن عملية عسكرية: the placeless mention of the advance told in the same sentence
            return "the same sentence names it again without a place, by the same agents"
        if o.places != e.places or (o.modality != e.modality and not same_sentence):
            return None
        if self.L.mapping[e.type].get("partners"):
            a, b = set(o.partners), set(e.partners)
            # a later, vaguer mention (a subset of the parties) refers back to the fuller one
            dated = (o.date or {}).get("text"), (e.date or {}).get("text")
            # two talks with shared parties are one unless one is dated and the other not (اجتماع يوم الخميس)
            if not b:
                return None
            if b <= a:
                return "same type and place; its parties are among the first telling's"
            if same_sentence and a & b:
                return "same type, place and sentence; the parties overlap"
            if len(a & b) >= 2 and (dated[0] is None) == (dated[1] is None):
                return "same type and place; two or more parties in common"
            return None
        if not (set(o.agents) == set(e.agents) or not e.agents or not o.agents):
            return None
        if set(o.targets) & set(e.targets):
            return "same type and place, agents agree, a target in common"
        if set(o.agents) & set(e.agents):
            return "same type, place and agents"
        if not (o.targets or e.targets):
            return "same type and place, agents agree (one names none), no targets"
        return None

    @staticmethod
    def record_merge(twin: Event, e: Event, reason: str) -> None:
        """Keep in the twin's why the telling merged into it, and why the roles it adds have them."""
        why, other = twin.extra["why"], e.extra["why"]
        told = {"evidence": list(e.evidence[0]), "trigger": list(e.trigger) if e.trigger else None, "why": reason}
        why.setdefault("merged", []).extend([told, *other.get("merged", [])])
        for role in ("agents", "targets", "partners"):
            for x, r in other[role].items():
                why[role].setdefault(x, r + " (in a merged telling)")
        if why.get("fatalities") is None and other.get("fatalities"):
            why["fatalities"] = other["fatalities"] + " (in a merged telling)"
        if twin.attribution is None and e.attribution:
            why["attribution"] = other["attribution"] + " (in a merged telling)"
        if twin.modality != e.modality and "planned" in (twin.modality, e.modality) and twin.modality != "planned":
            why["modality"] = other["modality"] + " (in a merged telling)"

    def merge_repeats(self, evs: list[Event]) -> list[Event]:
        """The same event told twice (a lead repeated in the body) becomes one with both sentences."""
        out: list[Event] = []
        for e in evs:
            twins = [(o, r) for o in out if (r := self.same_event(o, e))]
            # a repeat within its own sentence first (إعادة إحياء … وغرفة عمليات: one planned alliance)
            twin, reason = next(((o, r) for o, r in twins if e.evidence[0] in o.evidence),
                                twins[0] if twins else (None, None))
            if twin is None:
                out.append(e)
                continue
            self.record_merge(twin, e, reason)
            if twin.modality != e.modality and "planned" in (twin.modality, e.modality):
                twin.modality = "planned"
            twin.evidence = sorted(set(twin.evidence) | set(e.evidence))
            for f in ("agents", "targets", "partners"):
                setattr(twin, f, list(dict.fromkeys(getattr(twin, f) + getattr(e, f))))
            if twin.fatalities is None:
                twin.fatalities = e.fatalities
            twin.attribution = twin.attribution or e.attribution
        for n, e in enumerate(out, 1):
            e.id = f"V{n}"
        return out


def _in_set(s: frozenset, key: str) -> bool:
    return any(f in s or ("ال" + f) in s for f in _cue_forms(key))


class Events(Stage):
    name = "events"
    requires = ("sentences", "entities", "entities[PLACE].geo")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.entities:
            doc.events = _Reader(doc, self.resources).run()
        return doc
