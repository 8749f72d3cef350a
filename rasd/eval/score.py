"""Pure scoring of one system document against one gold record, exactly as spec/gold.md says.

``score_document(gold_record, system_doc)`` takes the gold JSON object and a ``rasd.document/1``
dict and returns a :class:`DocScore` (counts plus the misses ``--explain`` shows);
``aggregate`` sums them into a :class:`Summary` (micro-averaged over documents).

Choices where the spec leaves room (also stated in ``rasd eval --help``):

* **Names.** Both sides go through :func:`rasd.arabic.normalize.gold_key`; a name matches an
  alias when the keys are equal or equal once a leading ال is removed from either.
* **Entities** are aligned one-to-one per type by a *maximum* bipartite matching (augmenting
  paths, gold entities tried in file order, system entities in list order), so a system entity
  whose name fits two gold entities (two forces both called القوات الأمنية) cannot starve the
  other.  Unmatched system entities are false positives, including a second system entity for
  an already matched gold entity.  Only ACTOR, PERSON and PLACE are scored.
* **Event and relation arguments** match a gold entity by the name rule above (same type), not
  through the one-to-one entity alignment: a system that splits one actor into two entities is
  penalised once, in entity precision, not again in every event.
* **Events** are matched one-to-one, greedily: gold events in file order, each taking the first
  compatible unmatched system event in the document's list order.  A gold event with no
  participants at all satisfies the participant condition vacuously.  A system event
  ``negated`` cannot match a gold ``asserted`` event (it stays a false positive); the same rule
  applies to type-only matching.
* **Type-only**: the system's evidence spans are joined with a space and compared with
  ``gold_key`` on both sides; a system event without evidence uses the sentence of its trigger.
* **Role accuracy** (as spec/gold.md words it): the gold agents are among the system's agents —
  every gold agent matches some system agent, so a gold event without agents is correct whatever
  the system says.  **Strict role accuracy** is reported beside it: there a gold event without
  agents is correct only when the system event has none either (an agent rasd invents counts).
* **Geocoding** covers gold places with coordinates aligned to a system place.  A recognised
  place the system gave no coordinates counts as outside tolerance and is left out of the median.
  Default tolerance when the gold gives none: 60 km for governorates, regions and countries,
  25 km for districts and subdistricts, 5 km otherwise.
"""
from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from rasd.arabic.normalize import gold_key, strip_article
from rasd.eval.gold import SECTIONS

ENTITY_TYPES = tuple(SECTIONS.values())
BOOTSTRAP_DRAWS = 1000
INTERVAL_SCORES = (*ENTITY_TYPES, "EVENT")
SYMMETRIC = frozenset({"ALLIED_WITH", "HOSTILE_TO"})
EVENT_PLACE_KM = 10.0
_TOLERANCE_BY_KIND = {"governorate": 60.0, "region": 60.0, "country": 60.0,
                      "district": 25.0, "subdistrict": 25.0}
_DEFAULT_TOLERANCE = 5.0
_EARTH_KM = 6371.0088  # mean Earth radius (IUGG)


# ---------------------------------------------------------------- counts
@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else None

    def __iadd__(self, other: Counts) -> Counts:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    def to_json(self) -> dict:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, **asdict(self)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __iadd__(self, other: Accuracy) -> Accuracy:
        self.correct, self.total = self.correct + other.correct, self.total + other.total
        return self

    def to_json(self) -> dict:
        return {"accuracy": self.value, **asdict(self)}


@dataclass
class GeoCheck:
    """One recognised gold place with coordinates; ``error_km`` is None without system coordinates."""

    key: str
    name: str
    tolerance_km: float
    error_km: float | None
    system: str

    @property
    def ok(self) -> bool:
        return self.error_km is not None and self.error_km <= self.tolerance_km


@dataclass
class DocScore:
    doc_id: str
    entities: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    geo: list[GeoCheck] = field(default_factory=list)
    events: Counts = field(default_factory=Counts)
    event_types: dict[str, Counts] = field(default_factory=dict)
    type_only: Counts = field(default_factory=Counts)
    roles: Accuracy = field(default_factory=Accuracy)
    roles_strict: Accuracy = field(default_factory=Accuracy)
    modality: Accuracy = field(default_factory=Accuracy)
    relations: Counts = field(default_factory=Counts)
    misses: dict[str, list[dict]] = field(default_factory=dict)


# ---------------------------------------------------------------- names and geometry
def name_keys(names: Sequence[str]) -> frozenset[str]:
    """Every key a name may be compared by: its gold_key, and that key without a leading ال.

    Two names match exactly when their key sets intersect (equal, or equal after removing the
    article from either side)."""
    keys = set()
    for n in names:
        k = gold_key(n)
        if k:
            keys.update((k, strip_article(k)))
    return frozenset(keys)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; a few lines of the standard formula need no geodesy dependency."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def tolerance_km(place: dict) -> float:
    tol = place.get("tolerance_km")
    return float(tol) if tol is not None else _TOLERANCE_BY_KIND.get(place.get("kind"), _DEFAULT_TOLERANCE)


@dataclass(frozen=True)
class _Ent:
    """Either side's entity, reduced to what matching needs."""

    ref: str                   # gold key or system id
    type: str
    keys: frozenset[str]
    name: str
    coords: tuple[float, float] | None

    def matches(self, other: _Ent) -> bool:
        return self.type == other.type and not self.keys.isdisjoint(other.keys)

    def km(self, other: _Ent) -> float | None:
        if self.coords is None or other.coords is None:
            return None
        return haversine_km(*self.coords, *other.coords)


def _gold_entities(gold: dict) -> dict[str, _Ent]:
    out = {}
    for section, etype in SECTIONS.items():
        for g in gold[section]:
            coords = (g["lat"], g["lon"]) if g.get("lat") is not None else None
            out[g["key"]] = _Ent(g["key"], etype, name_keys(g["aliases"]), g["aliases"][0], coords)
    return out


def _system_entities(doc: dict) -> dict[str, _Ent]:
    out = {}
    for e in doc.get("entities", []):
        geo = e.get("geo") or {}
        lat, lon = geo.get("lat"), geo.get("lon")
        coords = (lat, lon) if lat is not None and lon is not None else None
        names = [e.get("name_ar") or ""] + [m.get("text", "") for m in e.get("mentions", [])]
        eid = str(e.get("id"))
        out[eid] = _Ent(eid, e.get("type", ""), name_keys(names),
                        e.get("name_ar") or next((n for n in names if n), eid), coords)
    return out


# ---------------------------------------------------------------- matchings
def max_matching(n_left: int, n_right: int, compatible: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one matching, left index → right index (Kuhn's augmenting paths).

    Graphs here have tens of nodes; this avoids importing scipy.sparse for them.  Left nodes are
    tried in order and right candidates in order, so the result is deterministic."""
    adj = [[j for j in range(n_right) if compatible(i, j)] for i in range(n_left)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def greedy_matching(n_left: int, n_right: int, compatible: Callable[[int, int], bool]) -> dict[int, int]:
    """One-to-one, greedy in order: each left item takes the first free compatible right item."""
    taken: set[int] = set()
    out = {}
    for i in range(n_left):
        j = next((j for j in range(n_right) if j not in taken and compatible(i, j)), None)
        if j is not None:
            taken.add(j)
            out[i] = j
    return out


# ---------------------------------------------------------------- scoring
def _participants(ev: dict) -> list[str]:
    """Agents, targets and partners together, as the event-matching rule takes them."""
    return [x for r in ("agents", "targets", "partners") for x in ev.get(r) or []]


def _denies(s: dict, g: dict) -> bool:
    """A negated system event never stands for an asserted gold event (spec/gold.md)."""
    return s.get("modality") == "negated" and g["modality"] == "asserted"


def _evidence_key(ev: dict, doc: dict) -> str:
    text = doc.get("text", "")
    spans = [tuple(s) for s in ev.get("evidence") or []]
    trig = ev.get("trigger")
    if not spans and trig:
        spans = [tuple(s) for s in doc.get("sentences", []) if s[0] <= trig["start"] < s[1]]
    return gold_key(" ".join(text[a:b] for a, b in spans))


class _Scorer:
    """Matching state for one document; each ``_score_*`` fills part of ``self.out``."""

    def __init__(self, gold: dict, doc: dict):
        self.gold, self.doc = gold, doc
        self.g = _gold_entities(gold)
        self.s = _system_entities(doc)
        self.out = DocScore(gold["doc_id"])
        self.misses = self.out.misses

    def any_match(self, gold_keys: Sequence[str], sys_ids: Sequence[str]) -> bool:
        return any(self.g[k].matches(self.s[i]) for k in gold_keys for i in sys_ids if i in self.s)

    def names(self, ids: Sequence[str]) -> list[str]:
        return [self.s[i].name if i in self.s else f"?{i}" for i in ids]

    def run(self) -> DocScore:
        self._score_entities()
        self._score_events()
        self._score_relations()
        return self.out

    def _score_entities(self) -> None:
        missed = self.misses["entities_missed"] = []
        spurious = self.misses["entities_spurious"] = []
        geo_errors = self.misses["geo_errors"] = []
        for etype in ENTITY_TYPES:
            gold = [e for e in self.g.values() if e.type == etype]
            sys = [e for e in self.s.values() if e.type == etype]
            pairs = max_matching(len(gold), len(sys), lambda i, j: gold[i].matches(sys[j]))
            c = self.out.entities[etype]
            c.tp, c.fp, c.fn = len(pairs), len(sys) - len(pairs), len(gold) - len(pairs)
            missed += [{"type": etype, "key": e.ref, "name": e.name}
                       for i, e in enumerate(gold) if i not in pairs]
            used = set(pairs.values())
            spurious += [{"type": etype, "id": e.ref, "name": e.name}
                         for j, e in enumerate(sys) if j not in used]
            if etype == "PLACE":
                places = {p["key"]: p for p in self.gold["places"]}
                for i, j in sorted(pairs.items()):
                    if gold[i].coords is None:
                        continue
                    chk = GeoCheck(gold[i].ref, gold[i].name, tolerance_km(places[gold[i].ref]),
                                   gold[i].km(sys[j]), sys[j].name)
                    self.out.geo.append(chk)
                    if not chk.ok:
                        geo_errors.append({**asdict(chk), "system_coords": sys[j].coords,
                                           "gold_coords": gold[i].coords})

    def _event_fits(self, g: dict, s: dict) -> bool:
        if g["type"] != s.get("type") or _denies(s, g):
            return False
        parts = _participants(g)
        if parts and not self.any_match(parts, _participants(s)):
            return False
        if not g["places"]:
            return True
        sys_places = [self.s[i] for i in s.get("places") or [] if i in self.s]
        return any(self.g[k].matches(p) or (d := self.g[k].km(p)) is not None and d <= EVENT_PLACE_KM
                   for k in g["places"] for p in sys_places)

    def _score_events(self) -> None:
        gold, sys = self.gold["events"], self.doc.get("events", [])
        out = self.out
        pairs = greedy_matching(len(gold), len(sys), lambda i, j: self._event_fits(gold[i], sys[j]))
        self.misses["events_mismatched"] = []
        out.events = Counts(len(pairs), len(sys) - len(pairs), len(gold) - len(pairs))
        for i, g in enumerate(gold):
            c = out.event_types.setdefault(g["type"], Counts())
            if i in pairs:
                s = sys[pairs[i]]
                c.tp += 1
                agents = s.get("agents") or []
                among = all(self.any_match([k], agents) for k in g["agents"])
                ok = among if g["agents"] else not agents
                same_modality = g["modality"] == s.get("modality")
                out.roles += Accuracy(int(among), 1)
                out.roles_strict += Accuracy(int(ok), 1)
                out.modality += Accuracy(int(same_modality), 1)
                if not (ok and same_modality):
                    self.misses["events_mismatched"].append(
                        {"key": g["key"], "id": s.get("id"), "type": g["type"],
                         "gold_agents": [self.g[k].name for k in g["agents"]],
                         "system_agents": self.names(agents),
                         "gold_modality": g["modality"], "system_modality": s.get("modality")})
            else:
                c.fn += 1
        used = set(pairs.values())
        for j, s in enumerate(sys):
            if j not in used:
                out.event_types.setdefault(s.get("type", "?"), Counts()).fp += 1

        keys = [gold_key(g["evidence"]) for g in gold]
        sys_keys = [_evidence_key(s, self.doc) for s in sys]
        typed = greedy_matching(len(gold), len(sys), lambda i, j: (
            gold[i]["type"] == sys[j].get("type") and keys[i] in sys_keys[j]
            and not _denies(sys[j], gold[i])))
        out.type_only = Counts(len(typed), len(sys) - len(typed), len(gold) - len(typed))
        self._explain_events(gold, sys, pairs)

    def _explain_events(self, gold: list[dict], sys: list[dict], pairs: dict[int, int]) -> None:
        gname = {k: e.name for k, e in self.g.items()}
        used = set(pairs.values())
        free = [s for j, s in enumerate(sys) if j not in used]
        self.misses["events_missed"] = [
            {"key": g["key"], "type": g["type"], "modality": g["modality"],
             "participants": [gname[k] for k in _participants(g)],
             "places": [gname[k] for k in g["places"]], "evidence": g["evidence"],
             "why": self._why_missed(g, free)}
            for i, g in enumerate(gold) if i not in pairs]
        text = self.doc.get("text", "")
        self.misses["events_spurious"] = [
            {"id": s.get("id"), "type": s.get("type"), "modality": s.get("modality"),
             "trigger": text[s["trigger"]["start"]:s["trigger"]["end"]] if s.get("trigger") else None,
             "participants": self.names(_participants(s)),
             "places": self.names(s.get("places") or [])}
            for s in free]

    def _why_missed(self, g: dict, free: list[dict]) -> str:
        """Which condition the free system events of the gold event's type fail (first failing)."""
        same = [s for s in free if s.get("type") == g["type"]]
        if not same:
            return "no unmatched system event of this type"
        reasons = []
        for s in same:
            if _denies(s, g):
                reasons.append("negated")
            elif not self._event_fits({**g, "places": []}, s):
                reasons.append("participants")
            else:
                reasons.append("places")
        counts = {r: reasons.count(r) for r in dict.fromkeys(reasons)}
        return f"{len(same)} unmatched {g['type']}: " + ", ".join(
            f"{n} fail on {r}" for r, n in counts.items())

    def _score_relations(self) -> None:
        gold, sys = self.gold["relations"], self.doc.get("relations", [])

        def fits(i: int, j: int) -> bool:
            g, s = gold[i], sys[j]
            if g["type"] != s.get("type"):
                return False
            h, t = [s.get("head")], [s.get("tail")]
            return ((self.any_match([g["head"]], h) and self.any_match([g["tail"]], t))
                    or (g["type"] in SYMMETRIC and self.any_match([g["head"]], t)
                        and self.any_match([g["tail"]], h)))

        pairs = greedy_matching(len(gold), len(sys), fits)
        self.out.relations = Counts(len(pairs), len(sys) - len(pairs), len(gold) - len(pairs))
        gname = {k: e.name for k, e in self.g.items()}
        used = set(pairs.values())
        self.misses["relations_missed"] = [
            {"type": g["type"], "head": gname[g["head"]], "tail": gname[g["tail"]]}
            for i, g in enumerate(gold) if i not in pairs]
        self.misses["relations_spurious"] = [
            {"type": s.get("type"), "head": self.names([s.get("head")])[0],
             "tail": self.names([s.get("tail")])[0]}
            for j, s in enumerate(sys) if j not in used]


def score_document(gold_record: dict, system_doc: dict) -> DocScore:
    """Counts and misses of one system document against its gold record (both plain JSON)."""
    return _Scorer(gold_record, system_doc).run()


# ---------------------------------------------------------------- aggregation
@dataclass
class Summary:
    documents: int
    entities: dict[str, Counts]
    geo: list[GeoCheck]
    events: Counts
    event_types: dict[str, Counts]
    type_only: Counts
    roles: Accuracy
    modality: Accuracy
    relations: Counts
    roles_strict: Accuracy = field(default_factory=Accuracy)
    # each document's counts of the headline scores, kept for the intervals below
    per_doc: dict[str, list[Counts]] = field(default_factory=dict)

    def f1_intervals(self, draws: int = BOOTSTRAP_DRAWS, level: float = 0.95,
                     seed: int = 0) -> dict[str, tuple[float, float] | None]:
        """How far each headline F1 could move on another draw of reports like these: a percentile
        bootstrap over documents (reports resampled with replacement, counts summed, micro F1 taken),
        with a fixed seed so a rerun prints the same interval. Two parts whose intervals overlap
        widely cannot be told apart by their F1; a change smaller than half an interval's width is
        within what the choice of reports alone moves."""
        return {name: f1_interval(docs, draws, level, seed) for name, docs in self.per_doc.items()}

    @property
    def geo_accuracy(self) -> Accuracy:
        return Accuracy(sum(c.ok for c in self.geo), len(self.geo))

    @property
    def geo_median_km(self) -> float | None:
        errs = [c.error_km for c in self.geo if c.error_km is not None]
        return statistics.median(errs) if errs else None

    def metrics(self) -> dict[str, float | None]:
        """Flat higher-is-better scores, the keys the quality gate pins floors on."""
        m: dict[str, float | None] = {}
        for name, c in [*((t, self.entities[t]) for t in ENTITY_TYPES), ("EVENT", self.events),
                        ("EVENT_TYPE_ONLY", self.type_only), ("RELATION", self.relations)]:
            m |= {f"{name}.p": c.precision, f"{name}.r": c.recall, f"{name}.f1": c.f1}
        m |= {"GEO.accuracy": self.geo_accuracy.value, "ROLE.accuracy": self.roles.value,
              "ROLE_STRICT.accuracy": self.roles_strict.value, "MODALITY.accuracy": self.modality.value}
        return m

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "entities": {t: c.to_json() for t, c in self.entities.items()},
            "geocoding": {**self.geo_accuracy.to_json(), "median_error_km": self.geo_median_km,
                          "no_coordinates": sum(c.error_km is None for c in self.geo)},
            "events": self.events.to_json(),
            "events_type_only": self.type_only.to_json(),
            "role_accuracy": self.roles.to_json(),
            "role_accuracy_strict": self.roles_strict.to_json(),
            "modality_accuracy": self.modality.to_json(),
            "relations": self.relations.to_json(),
            "event_types": {t: c.to_json() for t, c in sorted(self.event_types.items())},
            "f1_intervals": {k: (None if v is None else list(v)) for k, v in self.f1_intervals().items()},
        }


def f1_interval(docs: Sequence[Counts], draws: int = BOOTSTRAP_DRAWS, level: float = 0.95,
                seed: int = 0) -> tuple[float, float] | None:
    """The ``level`` percentile interval of micro F1 over ``draws`` resamples of the documents (None
    for no documents or no counts at all). Written out rather than taken from scipy.stats.bootstrap:
    the statistic is a ratio of sums over resampled documents, a dozen lines, and scipy is not a
    dependency of the scorer."""
    if not docs or not any(c.tp + c.fp + c.fn for c in docs):
        return None
    rng = random.Random(seed)
    n, f1s = len(docs), []
    for _ in range(draws):
        tp = fp = fn = 0
        for c in rng.choices(docs, k=n):
            tp, fp, fn = tp + c.tp, fp + c.fp, fn + c.fn
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    f1s.sort()
    lo = f1s[int((1 - level) / 2 * draws)]
    hi = f1s[min(draws - 1, int((1 + level) / 2 * draws))]
    return lo, hi


def aggregate(scores: Sequence[DocScore]) -> Summary:
    """Micro-average: counts are summed over documents before any ratio is taken."""
    s = Summary(len(scores), {t: Counts() for t in ENTITY_TYPES}, [], Counts(), {}, Counts(),
                Accuracy(), Accuracy(), Counts())
    for d in scores:
        for t, c in d.entities.items():
            s.entities[t] += c
        for t, c in d.event_types.items():
            s.event_types.setdefault(t, Counts())
            s.event_types[t] += c
        s.geo += d.geo
        s.events += d.events
        s.type_only += d.type_only
        s.roles += d.roles
        s.roles_strict += d.roles_strict
        s.modality += d.modality
        s.relations += d.relations
        for name in INTERVAL_SCORES:
            s.per_doc.setdefault(name, []).append(d.events if name == "EVENT" else d.entities[name])
    return s
