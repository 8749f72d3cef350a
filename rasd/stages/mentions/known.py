"""Names the knowledge base knows (actors, persons, sources), matched clitic-aware, whole words."""
from __future__ import annotations

from rasd.arabic.clitics import has_article, is_definite, letters
from rasd.arabic.normalize import fold_str
from rasd.arabic.matcher import Hit, phrase_key
from rasd.stages.mentions.context import Finder
from rasd.stages.mentions.places import add_place

_TYPES = {"actor": "ACTOR", "person": "PERSON", "source": "SOURCE"}


def _is_country_here(f: Finder, h: Hit) -> Hit | None:
    """A state's name after a place preposition (في سوريا، بسوريا، حدود سوريا) is the country, not its
    government: the gazetteer hit, else None."""
    ph = f.place_at(h.i)
    if ph and ph.j == h.j and (f.is_(h.i - 1, "place_preps") or letters().bi in f.toks[h.i].key[:h.prefix]
                               or f.is_(h.i - 2, "border_words")):
        return ph
    return None


def indefinite_short(f: Finder, h: Hit) -> bool:
    """A one-word short form that the knowledge base writes definite (الحزب، المنظمة: the party or
    organisation the report is about) stands here without the article (حزب كاديما، منظمة التحرير،
    لحزب الليكود): an indefinite noun heading another name, not that actor.  The matcher is
    article-blind, as names are written both ways; an anaphor is not."""
    if h.j != h.i + 1 or any(not p[2] for p in h.payloads):
        return False
    L = letters()
    key = f.toks[h.i].key
    pre, rest = key[:h.prefix], key[h.prefix:]
    if rest.startswith(L.article) or pre.endswith(L.article) or pre.endswith(L.lam_article):
        return False
    definite = L.article + rest
    for kind, eid, _ in h.payloads:
        e = f.R.kb.get(f"{kind}:{eid}")
        if e is None or not any(fold_str(s) == definite for s in e.short):
            return False
    return True


def context_misread(f: Finder, h: Hit) -> bool:
    """A name whose actor depends on the report (actors.yaml in_context) matched with other articles
    than it is written with: قوات جيش الفتح is no قوات الجيش, قوات حكومة الوفاق no قوات الحكومة. Such
    generic names are ordinary words; only as written do they name a state's forces. Under a
    ``definite`` rule the first word too must carry the article as written, itself or in its
    proclitics (للاحتلال، بالاحتلال): the indefinite احتلال of قوة احتلال, or احتلال رفح, is no
    الاحتلال. The article is the clitic letters' (clitics.yaml)."""
    names = f.R.kb.context_names
    if not names:
        return False
    toks = f.toks[h.i:h.j]
    pre, head = toks[0].key[:h.prefix], toks[0].key[h.prefix:]
    words = [head] + [t.key for t in toks[1:]]
    name = names.get(" ".join(phrase_key(" ".join(words))))
    if name is None:
        return False
    if tuple(words[1:]) not in name.tails:
        return True
    definite = has_article(head) or is_definite(pre)
    return bool(name.heads) and all(has_article(w) != definite for w in name.heads)


def _inner_person(f: Finder, h: Hit) -> None:
    """نظام بشار الأسد names the person too."""
    for k in range(h.i + 1, h.j):
        p = f.kb_hit(k)
        if p and p.j <= h.j and any(x[0] == "person" and not x[2] for x in p.payloads):
            pid = next(x[1] for x in p.payloads if x[0] == "person")
            f.add(k, p.j, p.prefix, "PERSON", f"person:{pid}", 0.9, short=False, alts=[])
            break


def add_known(f: Finder, h: Hit) -> None:
    """A mention for a knowledge-base hit; full names before short ones, the rest as alternatives."""
    full = [p for p in h.payloads if not p[2]]
    pays = full or list(h.payloads)
    kind, eid, short = pays[0]
    typ = _TYPES[kind]
    country = _is_country_here(f, h) if typ == "ACTOR" else None
    if country:
        add_place(f, country)
        return
    f.add(h.i, h.j, h.prefix, typ, f"{kind}:{eid}", 0.8 if short else 0.95,
          short=short, alts=[f"{k}:{e}" for k, e, _ in pays[1:]])
    if typ == "ACTOR":
        _inner_person(f, h)
