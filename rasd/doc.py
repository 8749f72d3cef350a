"""The document every stage enriches: one immutable text, every span a code-point offset into it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rasd import SCHEMA
from rasd.arabic.clitics import ReadingTable, current as current_clitics
from rasd.arabic.normalize import Folded, fold
from rasd.arabic.tokens import Token, token_columns


# Mention.list_item: how list completion took an unknown name as an item of a list of places:
# "between" two places of one list (open_places: X، Y، Z), "after_cue" a plural or dual type word
# (open_places: بلدات X، Y، Z), "closing" a list of two or more places (open_places: X وY وZ),
# "coordinated" by و after a plural or dual type word (rasd.stages.mentions.lists: قرى X وY)
LIST_ITEM_KINDS = frozenset({"between", "after_cue", "closing", "coordinated"})

# Mention.party_of: what the noun before a party's mention is, named after the open_actors.yaml list
# that recognises it: an act of force whose doer a nationality adjective names (attack_nouns: القصف
# الإسرائيلي), a facility whose owner it names (owned_facilities: القاعدة الأميركية), talks or a deal
# whose parties it names (talks_nouns: المحادثات الأميركية الروسية). Every stage compares with these.
PARTY_OF_ATTACK = "attack"
PARTY_OF_FACILITY = "facility"
PARTY_OF_TALKS = "talks"


@dataclass(slots=True)
class Mention:
    """A span of ``doc.text`` and what the finder that made it knows about it."""

    start: int
    end: int
    text: str
    type: str                       # ACTOR PERSON PLACE DATE SOURCE
    kb_id: str | None = None        # knowledge key when the lexicon knows it
    confidence: float = 0.8
    entity: str | None = None       # id of the entity it was linked to
    tok: tuple[int, int] = (0, 0)   # token span [first, after) in doc.tokens
    key: str | None = None          # folded name a place is looked up by
    cue: str | None = None          # the type word before a place (قرية، مطار)
    place_ids: list[str] | None = None   # gazetteer namesakes the finder matched
    region: dict | None = None      # a region phrase (rasd.geo.regions.match_region's info)
    facility: bool = False          # a camp, airport, hill … named after a place
    anaphor: bool = False           # المصادر, المحافظة: refers back
    short: bool = False             # a short form (الهيئة) of a knowledge-base name
    nominal: bool = False           # a description, not a name (مسلحون، الحكومة السودانية)
    alts: list[str] = field(default_factory=list)   # other kb ids a short form may stand for
    pattern: bool = False           # found by a cue pattern, not a known name
    name: str | None = None         # the full name when the span is shorter (a facility's town)
    surname_of: str | None = None   # the full name a bare surname repeats
    category: str | None = None     # actor category a pattern implies
    why: str | None = None          # how it joined its entity, when not by its own name
    loyalist: bool = False          # a loyalist phrase (rasd.stages.mentions.organisations.add_loyalists)
    party_of: str | None = None     # names the party of the noun before it: who did the act ("attack":
                                    # القصف الإسرائيلي) or whose the facility is ("facility": القاعدة
                                    # الأميركية، قاعدة الاحتلال الأميركي) or who holds the talks
                                    # ("talks": المحادثات الأميركية الروسية)
    list_item: str | None = None    # how list completion took it as an item of a list of places (LIST_ITEM_KINDS)

    def to_json(self) -> dict:
        """Every field (for traces); ``from_json`` reads it back."""
        d = {f: getattr(self, f) for f in self.__slots__}
        d["tok"] = list(self.tok)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Mention":
        d = dict(d)
        d["tok"] = tuple(d.get("tok") or (0, 0))
        return cls(**d)


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name_ar: str
    name_en: str | None
    kb_id: str | None
    mentions: list[Mention]
    category: str | None = None
    confidence: float = 0.8
    geo: dict | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self, trace: bool = False) -> dict:
        d: dict[str, Any] = {"id": self.id, "type": self.type, "name_ar": self.name_ar,
                             "name_en": self.name_en, "kb_id": self.kb_id}
        if self.category is not None:
            d["category"] = self.category
        d["mentions"] = [m.to_json() if trace else
                         {"start": m.start, "end": m.end, "text": m.text, **({"why": m.why} if m.why else {})}
                         for m in self.mentions]
        if self.type == "PLACE":
            d["geo"] = self.geo
        d.update(self.extra)
        d["confidence"] = round(self.confidence, 3)
        return d


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: tuple[int, int] | None
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    date: dict | None = None
    modality: str = "asserted"
    attribution: str | None = None
    fatalities: int | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.7
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Relation:
    type: str
    head: str
    tail: str
    evidence: list[tuple[int, int]]
    confidence: float = 0.7


class Doc:
    """Holds ``text`` (never changed after the clean stage) and what stages add to it."""

    def __init__(self, raw: str, *, doc_id: str | None = None, outlet: str | None = None,
                 url: str | None = None, published: str | None = None, title: str | None = None):
        self.raw = raw
        self.text = raw
        self._doc_id = doc_id
        self.source = {"outlet": outlet, "url": url, "published": published, "title": title}
        self.sentences: list[tuple[int, int]] = []
        self.mentions: list[Mention] = []
        self.entities: list[Entity] = []
        self.events: list[Event] = []
        self.relations: list[Relation] = []
        self.stages: list[str] = []
        self.warnings: list[str] = []
        # what a stage decided beyond its output, kept in a --trace file (the ner stage: the
        # sentences it tagged, why, and the windows the CRF read)
        self.notes: dict[str, list] = {}
        # where the text's clauses are cut (rasd.stages.clauses.ClauseCuts): read once, by the first stage
        # that asks (rasd.stages.clauses.clause_cuts), for the events and worthiness stages alike
        self.clause_cuts = None
        # whether a stage also notes what it decided for a trace only (the ner stage: each span the CRF
        # proposed and its verdict): set by Pipeline.run when a trace is asked for
        self.explain = False

    # Derived views of the text; valid once the clean stage has fixed ``text``.
    @cached_property
    def folded(self) -> Folded:
        return fold(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        toks, starts, ends, keys = token_columns(self.text, self.folded)
        # the columns the tokens were built from become the views below at no cost (a cached
        # property is a non-data descriptor: the instance's own entry wins)
        self.__dict__.update(token_starts=starts, token_ends=ends, keys=keys)
        return toks

    @cached_property
    def keys(self) -> list[str]:
        """The tokens' folded keys in one list (``keys[i] == tokens[i].key``): a scan over a
        document's words asks C-level ``map``/``compress`` instead of a loop over Token objects.
        Shared by the stages: read it, never change it."""
        self.tokens    # noqa: B018 - fills keys (see tokens)
        return self.__dict__["keys"]

    @cached_property
    def readings(self) -> "ReadingTable":
        """Word form → its proclitic readings (``readings[key] == clitics.readings(key)``), each
        distinct form read once per document, on its first ask (:class:`ReadingTable`): the stages
        that ask a token's readings ask here. Reads with the Clitics current when first asked (a
        stage's, inside ``rasd.pipeline.run_stage``). Shared by the stages: read it, never change it."""
        return current_clitics().table()

    @cached_property
    def token_starts(self) -> list[int]:
        """The tokens' original start offsets in one list (``token_starts[i] == tokens[i].start``),
        ascending; shared by the stages: read it, never change it."""
        self.tokens    # noqa: B018 - fills token_starts (see tokens)
        return self.__dict__["token_starts"]

    @cached_property
    def token_ends(self) -> list[int]:
        """The tokens' original end offsets in one list (``token_ends[i] == tokens[i].end``),
        ascending; shared by the stages: read it, never change it."""
        self.tokens    # noqa: B018 - fills token_ends (see tokens)
        return self.__dict__["token_ends"]

    @property
    def doc_id(self) -> str:
        return self._doc_id or hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid][0] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def to_json(self, trace: bool = False) -> dict:
        """The ``rasd.document/1`` dict. ``trace`` adds what a later stage reads (raw text, the
        stages run, warnings, every mention with all its fields) so :meth:`from_json` can
        rebuild the document to rerun a stage."""
        ev = []
        for e in self.events:
            d = {"id": e.id, "type": e.type, **e.extra.get("mapping", {}),
                 "trigger": None if e.trigger is None else
                 {"start": e.trigger[0], "end": e.trigger[1], "text": self.text[e.trigger[0]:e.trigger[1]]},
                 "agents": e.agents, "targets": e.targets, "partners": e.partners, "places": e.places,
                 "date": e.date, "modality": e.modality, "attribution": e.attribution,
                 "fatalities": e.fatalities, "evidence": [list(x) for x in e.evidence],
                 "confidence": round(e.confidence, 3)}
            d.update({k: v for k, v in e.extra.items() if k != "mapping"})
            ev.append(d)
        return {
            "schema": SCHEMA,
            "doc_id": self.doc_id,
            "source": dict(self.source),
            "text": self.text,
            "sentences": [list(s) for s in self.sentences],
            "entities": [e.to_json(trace) for e in self.entities],
            "events": ev,
            "relations": [{"type": r.type, "head": r.head, "tail": r.tail,
                           "evidence": [list(x) for x in r.evidence],
                           "confidence": round(r.confidence, 3)} for r in self.relations],
            **({"trace": {"raw": self.raw, "stages": list(self.stages), "warnings": list(self.warnings),
                          "mentions": [m.to_json() for m in self.mentions],
                          "notes": {k: list(v) for k, v in self.notes.items()}}} if trace else {}),
        }

    @classmethod
    def from_json(cls, d: dict) -> "Doc":
        """A Doc from :meth:`to_json` output (a ``--trace`` file gives back everything; a plain
        document gives entities, events and relations with their mentions' spans only)."""
        t = d.get("trace") or {}
        doc = cls(t.get("raw", d["text"]), doc_id=d.get("doc_id"), **(d.get("source") or {}))
        doc.text = d["text"]
        doc.sentences = [tuple(s) for s in d.get("sentences", [])]
        doc.stages = list(t.get("stages", []))
        doc.warnings = list(t.get("warnings", []))
        doc.notes = {k: list(v) for k, v in (t.get("notes") or {}).items()}
        doc.explain = bool(t)   # a document kept by a trace is rerun with its notes
        doc.mentions = [Mention.from_json(m) for m in t.get("mentions", [])]
        same = {(m.start, m.end, m.type): m for m in doc.mentions}
        doc.entities = [_entity_from_json(e, same) for e in d.get("entities", [])]
        doc.events = [_event_from_json(e) for e in d.get("events", [])]
        doc.relations = [Relation(r["type"], r["head"], r["tail"], [tuple(x) for x in r["evidence"]],
                                  r["confidence"]) for r in d.get("relations", [])]
        return doc


_ENTITY_KEYS = ("id", "type", "name_ar", "name_en", "kb_id", "category", "mentions", "geo", "confidence")
_EVENT_KEYS = ("id", "type", "acled", "plover", "trigger", "agents", "targets", "partners", "places", "date",
               "modality", "attribution", "fatalities", "evidence", "confidence")


def number_events(events: list[Event]) -> list[Event]:
    """Give ``events`` their ids in document order (V1, V2 …), as every stage that drops or merges
    events leaves them; returns the same list."""
    for n, e in enumerate(events, 1):
        e.id = f"V{n}"
    return events


def _entity_from_json(e: dict, same: dict) -> Entity:
    ms = []
    for m in e["mentions"]:
        full = m if "type" in m else {**m, "type": e["type"], "kb_id": e["kb_id"], "entity": e["id"]}
        ms.append(same.get((full["start"], full["end"], full["type"])) or Mention.from_json(full))
    return Entity(e["id"], e["type"], e["name_ar"], e.get("name_en"), e.get("kb_id"), ms,
                  category=e.get("category"), confidence=e.get("confidence", 0.8), geo=e.get("geo"),
                  extra={k: v for k, v in e.items() if k not in _ENTITY_KEYS})


def _event_from_json(e: dict) -> Event:
    mapping = {k: e[k] for k in ("acled", "plover") if k in e}
    trig = e.get("trigger")
    return Event(e["id"], e["type"], None if trig is None else (trig["start"], trig["end"]),
                 list(e.get("agents", [])), list(e.get("targets", [])), list(e.get("partners", [])),
                 list(e.get("places", [])), e.get("date"), e.get("modality", "asserted"), e.get("attribution"),
                 e.get("fatalities"), [tuple(x) for x in e.get("evidence", [])], e.get("confidence", 0.7),
                 {"mapping": mapping, **{k: v for k, v in e.items() if k not in _EVENT_KEYS}})
