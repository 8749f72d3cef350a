"""The document every stage enriches: one immutable text, every span a code-point offset into it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rasd import SCHEMA
from rasd.arabic.normalize import Folded, fold
from rasd.arabic.tokens import Token, tokenize


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str                       # ACTOR PERSON PLACE DATE SOURCE
    kb_id: str | None = None        # knowledge key when the lexicon knows it
    info: dict = field(default_factory=dict)   # what the finder knows (category, names, cue, …)
    confidence: float = 0.8
    entity: str | None = None       # id of the entity it was linked to


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

    def to_json(self) -> dict:
        d: dict[str, Any] = {"id": self.id, "type": self.type, "name_ar": self.name_ar,
                             "name_en": self.name_en, "kb_id": self.kb_id}
        if self.category is not None:
            d["category"] = self.category
        d["mentions"] = [{"start": m.start, "end": m.end, "text": m.text} for m in self.mentions]
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

    # Derived views of the text; valid once the clean stage has fixed ``text``.
    @cached_property
    def folded(self) -> Folded:
        return fold(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text, self.folded)

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

    def to_json(self) -> dict:
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
            "entities": [e.to_json() for e in self.entities],
            "events": ev,
            "relations": [{"type": r.type, "head": r.head, "tail": r.tail,
                           "evidence": [list(x) for x in r.evidence],
                           "confidence": round(r.confidence, 3)} for r in self.relations],
        }
