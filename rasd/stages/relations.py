"""Relations between entities (ontology: LEADER_OF, MEMBER_OF, PART_OF, ALLIED_WITH, HOSTILE_TO,
LOCATED_IN), read from the text: title phrases between a person and an actor, the events'
roles (agents vs targets → HOSTILE_TO, alliance partners → ALLIED_WITH, defectors → MEMBER_OF of
the group they leave) and place chains (التابعة لـ، بريف X → LOCATED_IN)."""
from __future__ import annotations

from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.arabic.clitics import reads_as, starts_with_and
from rasd.doc import Doc, Relation
from rasd.kb.yamlfile import load, require
from rasd.pipeline import Stage



def load_words(path: Path) -> dict[str, frozenset]:
    """relations.yaml: folded word lists by name."""
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping of word lists")
    return {k: frozenset(fold_str(w) for w in v) for k, v in data.items() if k != "__line__"}


class _Rel:
    def __init__(self, doc: Doc, words: dict[str, frozenset], ontology: dict[str, dict]):
        self.doc = doc
        self.W = words
        self.ontology = ontology
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
        """PERSON [title] ACTOR (الجولاني زعيم جبهة النصرة) and title ACTOR PERSON (القائد العام لـX فلان)."""
        W, toks, doc = self.W, self.doc.tokens, self.doc
        ms = sorted((m for e in doc.entities for m in e.mentions if e.type in ("ACTOR", "PERSON")),
                    key=lambda m: m.start)
        for n, (a, b) in enumerate(zip(ms, ms[1:])):
            if {a.type, b.type} != {"ACTOR", "PERSON"}:
                continue
            gap = doc.text[a.end:b.start]
            if any(c in gap for c in "،,.;؛"):
                continue
            i0, i1 = a.tok[1], b.tok[0]
            between = [toks[k].key for k in range(i0, i1)]
            if a.type == "PERSON":
                # وأبو صالح … والقائد العام لـX: a title joined by و belongs to the next person
                if not between or len(between) > 3 or starts_with_and(between[0]):
                    continue
                title = between
            else:
                if len(between) > 1:
                    continue
                k0 = a.tok[0]
                prev_end = ms[n - 1].tok[1] if n > 0 else 0
                title = [toks[k].key for k in range(max(prev_end, k0 - 3), k0)] + between
            s = doc.sentences[doc.sentence_of(a.start)]
            person, actor = (a, b) if a.type == "PERSON" else (b, a)
            if any(reads_as(W["leader_titles"], k) for k in title):
                self.add("LEADER_OF", person.entity, actor.entity, s, 0.8)
            elif any(reads_as(W["member_titles"], k) for k in title):
                self.add("MEMBER_OF", person.entity, actor.entity, s, 0.7)

    def belongs(self) -> None:
        """ACTOR التابعة لـ ACTOR → PART_OF; fighters "الموالين لها" → ALLIED_WITH the side named before."""
        W, toks, doc = self.W, self.doc.tokens, self.doc
        ms = sorted((m for e in doc.entities if e.type == "ACTOR" for m in e.mentions), key=lambda m: m.start)
        for a, b in zip(ms, ms[1:]):
            between = [toks[k].key for k in range(a.tok[1], b.tok[0])]
            if 0 < len(between) <= 2 and reads_as(W["part_of_words"], between[0]) and not any(c in doc.text[a.end:b.start] for c in "،,.") \
                    and a.entity != b.entity:
                self.add("PART_OF", a.entity, b.entity, doc.sentences[doc.sentence_of(a.start)], 0.7)
        for n, m in enumerate(ms):
            if m.pattern and m.kb_id and n > 0 and doc.sentence_of(ms[n - 1].start) == doc.sentence_of(m.start):
                # a loyalist mention (المسلحين الموالين لها) is loyal to the actor named before it
                prev = next((x for x in reversed(ms[:n]) if x.entity != m.entity), None)
                if prev is not None:
                    self.add("ALLIED_WITH", prev.entity, m.entity, doc.sentences[doc.sentence_of(m.start)], 0.6)

    def members_listed(self) -> None:
        """"عدد من مسؤولي X … وأبرزهم المسؤول فلان": persons titled as officials, in the sentence that
        names a group's members or the next one, with no group of their own, are its members."""
        W, toks, doc = self.W, self.doc.tokens, self.doc
        groups: list[tuple[int, str]] = []       # (sentence index, actor id)
        for e in doc.entities:
            if e.type != "ACTOR":
                continue
            for m in e.mentions:
                i = m.tok[0]
                if i > 0 and reads_as(W["member_plurals"], toks[i - 1].key):
                    groups.append((doc.sentence_of(m.start), e.id))
        if not groups:
            return
        for e in doc.entities:
            if e.type != "PERSON" or any(r.head == e.id for r in self.out.values()):
                continue
            for m in e.mentions:
                si = doc.sentence_of(m.start)
                i = m.tok[0]
                titled = any(reads_as(W["member_titles"], toks[k].key) or reads_as(W["leader_titles"], toks[k].key)
                             for k in range(max(0, i - 7), i))
                near = [g for s, g in groups if s in (si, si - 1)]
                if titled and near:
                    self.add("MEMBER_OF", e.id, near[-1], doc.sentences[si], 0.6)
                    break

    def located(self) -> None:
        """PLACE followed by the place that contains it (التابعة لمنطقة X، بريف X، شرق <governorate>).

        A list shares its container (قرى X وY وZ بسهل الغاب: each lies in سهل الغاب), and a
        container may lie in the next one (قرية X في محافظة حلب في سوريا); a direction phrase only
        places the names before it, not a container already reached (أبو دالي التابعة لمنطقة
        التمانعة جنوب ادلب: أبو دالي lies in التمانعة, and التمانعة is not said to lie in إدلب).
        """
        W, doc = self.W, self.doc
        ms = sorted((m for e in doc.entities if e.type == "PLACE" for m in e.mentions), key=lambda m: m.start)
        pending: list = []          # places waiting for their container
        pending_is_container = False
        for a, b in zip(ms, ms[1:]):
            if not pending or pending[-1] is not a:
                pending, pending_is_container = [a], False
            if a.entity == b.entity or doc.sentence_of(a.start) != doc.sentence_of(b.start):
                pending = []
                continue
            raw = doc.text[a.end:b.start]
            gap = fold_str(raw).split()
            words = gap + fold_str(b.text).split()[:1]
            listed = starts_with_and(doc.tokens[b.tok[0]].key) or raw.strip() in ("،", ",", "-", "–")
            if listed and not any(reads_as(W["contained_in"], w) for w in gap):
                if not pending_is_container:
                    pending.append(b)   # X وY وZ …: one more name waiting for the same container
                else:
                    pending, pending_is_container = [b], False
                continue
            first = doc.tokens[a.tok[1]].key if gap else ""
            if starts_with_and(first) and (reads_as(W["contained_in"], first) or any(c.isdigit() for c in raw)):
                pending = []    # في X وفي Y، في X و4 مرات في Y: parallel phrases, not a container
                continue
            if len(gap) > 3 or any(c in raw for c in "،,.") or any(reads_as(W["proximity"], w) for w in words):
                pending = []
                continue
            direction = bool((b.region or {}).get("direction")) and not (b.region or {}).get("rif")
            if any(reads_as(W["contained_in"], w) for w in words) and not (direction and pending_is_container):
                ev = doc.sentences[doc.sentence_of(a.start)]
                for p in pending:
                    self.add("LOCATED_IN", p.entity, b.entity, ev, 0.7)
                pending, pending_is_container = [b], True
            else:
                pending = []

    def from_events(self) -> None:
        for e in self.doc.events:
            ev = e.evidence[0]
            actors = lambda xs: [x for x in xs if self.ents.get(x) and self.ents[x].type == "ACTOR"  # noqa: E731
                                 and self.ents[x].category != "civilians"]
            kind = self.ontology.get(e.type, {})
            if kind.get("hostile") and e.modality == "asserted":
                for a in actors(e.agents):
                    for t in actors(e.targets):
                        self.add("HOSTILE_TO", a, t, ev, 0.7)
                side = actors(e.agents)   # those who fight together are allies
                for n, a in enumerate(side):
                    for b in side[n + 1:]:
                        self.add("ALLIED_WITH", a, b, ev, 0.6)
            if e.type == "ALLIANCE" and e.modality == "asserted":
                ps = actors(e.partners or e.agents)
                for n, a in enumerate(ps):
                    for b in ps[n + 1:]:
                        self.add("ALLIED_WITH", a, b, ev, 0.7)
            if e.type == "DEFECTION":
                for p in e.agents:
                    if self.ents.get(p) and self.ents[p].type == "PERSON":
                        for t in actors(e.targets):
                            self.add("MEMBER_OF", p, t, ev, 0.6)
            if not kind.get("partners"):   # fighting beside someone; not a deal's or a talk's parties
                for a in actors(e.agents):
                    for p in actors(e.partners):
                        self.add("ALLIED_WITH", a, p, ev, 0.6)

    def run(self) -> list[Relation]:
        self.titles()
        self.belongs()
        self.members_listed()
        self.from_events()
        self.located()
        return list(self.out.values())


class Relations(Stage):
    name = "relations"
    requires = ("entities", "events")
    assigns = ("relations",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.entities:
            doc.relations = _Rel(doc, self.resources.relation_words, self.resources.ontology).run()
        return doc
