"""Relations between entities (ontology: LEADER_OF, MEMBER_OF, PART_OF, ALLIED_WITH, HOSTILE_TO,
LOCATED_IN), read from the text: title phrases between a person and an actor, the events'
roles (agents vs targets → HOSTILE_TO, alliance partners → ALLIED_WITH, defectors → MEMBER_OF of
the group they leave) and place chains (التابعة لـ، بريف X → LOCATED_IN)."""
from __future__ import annotations

from functools import lru_cache

from rasd.arabic.normalize import fold_str
from rasd.arabic.tokens import stems
from rasd.doc import Doc, Relation
from rasd.kb.yamlfile import load

VIOLENT = {"ARMED_CLASH", "TERRITORY_TAKEN", "AIRSTRIKE", "SHELLING", "BOMBING", "CHEMICAL_ATTACK", "ABDUCTION"}


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset]:
    data = load("relations")
    return {k: frozenset(fold_str(w) for w in v) for k, v in data.items() if k != "__line__"}


def _is(words: frozenset, key: str) -> bool:
    return key in words or any(s in words or ("ال" + s) in words for _, s in stems(key))


class _Rel:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.ents = {e.id: e for e in doc.entities}
        self.out: dict[tuple, Relation] = {}

    def add(self, typ: str, head: str, tail: str, ev: tuple[int, int], conf: float) -> None:
        if head == tail or head not in self.ents or tail not in self.ents:
            return
        if typ in ("ALLIED_WITH", "HOSTILE_TO"):
            head, tail = sorted((head, tail), key=lambda x: int(x[1:]))
        key = (typ, head, tail)
        if key in self.out:
            if ev not in self.out[key].evidence:
                self.out[key].evidence.append(ev)
        else:
            self.out[key] = Relation(typ, head, tail, [ev], conf)

    def titles(self) -> None:
        """PERSON [title] ACTOR (الجولاني زعيم جبهة النصرة) and [title] ACTOR PERSON (القائد العام لـX فلان)."""
        W, toks, doc = _words(), self.doc.tokens, self.doc
        ms = sorted((m for e in doc.entities for m in e.mentions if e.type in ("ACTOR", "PERSON")),
                    key=lambda m: m.start)
        for a, b in zip(ms, ms[1:]):
            if {a.type, b.type} != {"ACTOR", "PERSON"}:
                continue
            i0, i1 = a.info["tok"][1], b.info["tok"][0]
            between = [toks[k].key for k in range(i0, i1)]
            if len(between) > 3:
                continue
            if a.type == "ACTOR":   # title before the actor: look before a
                k0 = a.info["tok"][0]
                between = [toks[k].key for k in range(max(0, k0 - 3), k0)] + between
            if not between and a.type == "PERSON":
                continue
            s = doc.sentences[doc.sentence_of(a.start)]
            person, actor = (a, b) if a.type == "PERSON" else (b, a)
            if any(_is(W["leader_titles"], k) for k in between):
                self.add("LEADER_OF", person.entity, actor.entity, s, 0.8)
            elif any(_is(W["member_titles"], k) for k in between):
                self.add("MEMBER_OF", person.entity, actor.entity, s, 0.7)

    def from_events(self) -> None:
        for e in self.doc.events:
            ev = e.evidence[0]
            actors = lambda xs: [x for x in xs if self.ents.get(x) and self.ents[x].type == "ACTOR"  # noqa: E731
                                 and self.ents[x].category != "civilians"]
            if e.type in VIOLENT and e.modality == "asserted":
                for a in actors(e.agents):
                    for t in actors(e.targets):
                        self.add("HOSTILE_TO", a, t, ev, 0.7)
            if e.type == "ALLIANCE":
                ps = actors(e.partners or e.agents)
                for n, a in enumerate(ps):
                    for b in ps[n + 1:]:
                        self.add("ALLIED_WITH", a, b, ev, 0.7)
            if e.type == "DEFECTION":
                for p in e.agents:
                    if self.ents.get(p) and self.ents[p].type == "PERSON":
                        for t in actors(e.targets):
                            self.add("MEMBER_OF", p, t, ev, 0.6)
            if e.type not in ("ALLIANCE",):
                for a in actors(e.agents):
                    for p in actors(e.partners):
                        if e.type not in ("AGREEMENT", "MEETING", "PRISONER_RELEASE"):
                            self.add("ALLIED_WITH", a, p, ev, 0.6)
            quals = e.extra.get("_qualifiers", [])
            if e.places and quals:
                self.located(e.places[0], quals, ev)

    def located(self, head: str, quals: list[str], ev) -> None:
        """A qualifier joined by a containment word (التابعة لـ، في، بريف، شرق <governorate>)."""
        W, doc = _words(), self.doc
        h = self.ents[head].mentions
        for q in quals:
            qm = self.ents[q].mentions
            for m in qm:
                gap_start = max((x.end for x in h if x.end <= m.start), default=None)
                if gap_start is None:
                    continue
                gap = fold_str(doc.text[gap_start:m.start]).split()
                first = fold_str(m.text).split()[:1]
                words = gap + first
                if any(_is(W["contained_in"], w) for w in words) or m.info.get("region"):
                    self.add("LOCATED_IN", head, q, ev, 0.7)
                    break
            head = q if self.ents[q].type == "PLACE" else head

    def run(self) -> list[Relation]:
        self.titles()
        self.from_events()
        return list(self.out.values())


def run(doc: Doc) -> Doc:
    if doc.entities:
        doc.relations = _Rel(doc).run()
    return doc
