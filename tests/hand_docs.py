"""Hand-built Docs for stage unit tests: sentences, tokens and mentions placed by their text."""
from __future__ import annotations

import re

from rasd.doc import Doc, Entity, Mention


def doc_of(text: str, published: str | None = "2020-03-10") -> Doc:
    doc = Doc(text, published=published)
    doc.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    doc.sentences = [(s + len(t) - len(t.lstrip()), e) for (s, e), t in
                     ((se, text[se[0]:se[1]]) for se in doc.sentences)]
    return doc


def mention(doc: Doc, surface: str, typ: str, nth: int = 0, **fields) -> Mention:
    """The ``nth`` occurrence of ``surface`` in the text as a mention, with its token span."""
    starts = [m.start() for m in re.finditer(re.escape(surface), doc.text)]
    s = starts[nth]
    e = s + len(surface)
    first = next(t.i for t in doc.tokens if t.end > s)
    after = next((t.i for t in doc.tokens if t.start >= e), len(doc.tokens))
    return Mention(s, e, surface, typ, tok=(first, after), **fields)


def entity(doc: Doc, eid: str, typ: str, name: str, surfaces: list[str] | None = None, category: str | None = None,
           kb_id: str | None = None, geo: dict | None = None) -> Entity:
    """An entity over every occurrence of each surface (default: its name), added to the doc."""
    ms = []
    for surface in surfaces or [name]:
        for n in range(len(re.findall(re.escape(surface), doc.text))):
            m = mention(doc, surface, typ, n, kb_id=kb_id)
            m.entity = eid
            ms.append(m)
    e = Entity(eid, typ, name, None, kb_id, sorted(ms, key=lambda m: m.start), category=category,
               geo=geo if typ == "PLACE" else None)
    if typ == "PLACE" and e.geo is None:
        e.geo = {"lat": 35.0, "lon": 36.6, "precision": 1, "why": "hand-built"}
    doc.entities.append(e)
    doc.mentions = sorted(doc.mentions + ms, key=lambda m: m.start)
    return e


def actor_events(stage, text: str, actor: str, kb_id: str | None = None, category: str = "state_force",
                 place: str | None = None) -> list:
    """The events ``stage`` finds in ``text`` with one actor entity (E1) and, if given, one place (E2)."""
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", actor, category=category, kb_id=kb_id)
    if place:
        entity(doc, "E2", "PLACE", place)
    return stage(doc).events


def parties_events(stage, text: str, actors: dict[str, tuple[str, str]], place: str = "نابلس") -> list:
    """The events ``stage`` finds in ``text`` with one actor entity per ``actors`` item (id → (surface,
    category)) and one place (P1)."""
    doc = doc_of(text)
    for eid, (surface, category) in actors.items():
        entity(doc, eid, "ACTOR", surface, [surface], category=category)
    entity(doc, "P1", "PLACE", place)
    return stage(doc).events


def sides_and_places_events(stage, text: str, places, actors: dict[str, str]) -> list:
    """The events ``stage`` finds in ``text`` with one actor entity per ``actors`` item (name → category;
    ids A1 …) and one place entity per name of ``places`` (ids P1 …)."""
    doc = doc_of(text)
    for n, (name, category) in enumerate(actors.items(), 1):
        entity(doc, f"A{n}", "ACTOR", name, category=category)
    for n, name in enumerate(places, 1):
        entity(doc, f"P{n}", "PLACE", name)
    return stage(doc).events


def actors_and_places(text: str, actors, places, categories=("state_force", "armed_group")) -> Doc:
    """A Doc of ``text`` with one entity per actor (E1, E2 …; the first of ``categories`` for the first
    actor, the second for the rest) and then one per place (kb ids ocha:T<n>)."""
    doc = doc_of(text)
    n = 1
    for name in actors:
        entity(doc, f"E{n}", "ACTOR", name, category=categories[0] if n == 1 else categories[1], kb_id=f"actor:a{n}")
        n += 1
    for name in places:
        entity(doc, f"E{n}", "PLACE", name, kb_id=f"ocha:T{n}")
        n += 1
    return doc


def trigger_rejections(doc: Doc, res) -> dict[str, tuple[str, str | None]]:
    """Each trigger the events reader finds in ``doc`` (by its text): its type and the rule that drops it
    (``Reader.rejection``, None when it stands)."""
    from rasd.stages.events.reader import Reader
    from rasd.stages.events.triggers import find_triggers

    with res.scope():
        r = Reader(doc, res)
        out = {}
        for st in r.sentences():
            trigs = find_triggers(doc.tokens, st.lo, st.hi, set(), res.triggers, res.news_vocab)
            r.sentence_triggers = trigs
            for t in trigs:
                out[doc.text[doc.tokens[t.i].start:doc.tokens[t.j - 1].end]] = (t.d.type, r.rejection(st, t))
        return out


def telling(n, type_, sentence, places=(), agents=(), targets=(), words=(), date=None, modality="asserted",
            toll=False):
    """One telling of event coreference (rasd.stages.eventcoref.features.Telling) for its ranking and
    refusal tests: event ``n`` of ``type_`` told in ``sentence``."""
    from rasd.stages.eventcoref.features import Telling

    return Telling(n, type_, tuple(words), sentence, tuple(places), frozenset(agents), frozenset(targets),
                   frozenset(), date, modality, toll)
