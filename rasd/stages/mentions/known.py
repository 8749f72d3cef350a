"""Names the knowledge base knows (actors, persons, sources), matched clitic-aware, whole words."""
from __future__ import annotations

from rasd.arabic.clitics import has_article, is_definite, letters, starts_with_and
from rasd.arabic.normalize import fold_str
from rasd.arabic.matcher import Hit, phrase_key
from rasd.arabic.script import LIST_GAPS
from rasd.caches import keep
from rasd.stages.mentions.context import Finder
from rasd.stages.mentions.places import add_place

_TYPES = {"actor": "ACTOR", "person": "PERSON", "source": "SOURCE"}
MIN_NOUN = 5   # letters of a definite noun, article included: الذي، التي، الى are shorter


def _is_country_here(f: Finder, h: Hit) -> Hit | None:
    """A state's name after a place preposition (في سوريا، بسوريا، حدود سوريا) is the country, not its
    government: the gazetteer hit, else None. A preposition that opens a list of parties (lexicon.yaml
    party_list_openers: العلاقات بين مصر والولايات المتحدة; each_words before من: تسعى كل من تركيا وروسيا)
    makes no place of it, and a state's name that goes on a list of places whose first item follows a
    place preposition is one too (في سوريا والعراق والأردن، من سوريا ولبنان; actor13). Not after من that
    introduces an agent (المدعوم من تركيا، بدعم من روسيا: lexicon agent_markers): there the state is the
    backer (place13)."""
    ph = f.place_at(h.i)
    if ph and ph.j == h.j and (_place_prep(f, h.i - 1) or letters().bi in f.toks[h.i].key[:h.prefix]
                               or f.is_(h.i - 2, "border_words") or _listed_after_place_prep(f, h.i)):
        return None if _agent_after(f, h.i) else ph
    return None


def _place_prep(f: Finder, k: int) -> bool:
    """Token k is a place preposition that does not open a list of parties: not بين (between two
    states is a relation; a border between them is border_words'), not من after كل (كل من X وY: each
    of the parties) unless a place preposition stands before كل (في كل من دمشق والكويت)."""
    if not f.is_(k, "place_preps") or f.is_(k, "party_list_openers"):
        return False
    if f.key(k) in f.w["direction_nouns"] and not f.is_(k - 1, "place_preps"):
        return False   # اتجاه تركيا للمنطقة العازلة: a state's course; في اتجاه إسرائيل (and باتجاه X): the direction
    return not (f.is_(k - 1, "each_words") and not f.is_(k - 2, "place_preps"))


def _listed_after_place_prep(f: Finder, i: int) -> bool:
    """Token i goes on a list of places (و, a comma or a dash after a place mention) whose first item
    follows a place preposition (:func:`_place_prep`)."""
    if not f.coordinated_place(i):
        return False
    places = [m for m in f.out if m.type == "PLACE"]
    k = len(places) - 1
    first = places[k].tok[0]
    while k > 0 and places[k - 1].tok[1] == first and (
            starts_with_and(f.toks[first].key) or f.gap(first - 1).strip() in LIST_GAPS):
        k -= 1
        first = places[k].tok[0]
    return _place_prep(f, first - 1) or (f.toks[first].start < places[k].start
                                         and f.toks[first].key.startswith(letters().bi))


def _agent_after(f: Finder, i: int) -> bool:
    """Token i follows a preposition (من) right after a word that makes it introduce the agent
    (lexicon agent_markers: المدعوم، بدعم)."""
    return i >= 2 and f.joined(i - 1) and f.joined(i - 2) and f.is_(i - 1, "place_preps") \
        and f.is_(i - 2, "agent_markers")


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
    """:func:`_context_misread`, a function of the hit's words and proclitic length alone, kept by the
    index for the words it has met (most knowledge-base hits are names a report repeats)."""
    if not f.R.kb.context_names:
        return False
    key = (h.prefix, *f.doc.keys[h.i:h.j])
    got = f.R.misread_cache.get(key)
    if got is None:
        got = _context_misread(f, h)
        keep(f.R.misread_cache, key, got, f.R.cache_size)
    return got


def _context_misread(f: Finder, h: Hit) -> bool:
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


def family_named(f: Finder, h: Hit) -> bool:
    """A one-word person's name of the knowledge base (a family name the knowledge lists as his short
    form: الفياض، الأسد) right after the family marker as written (lexicon family_markers: آل فياض، آل
    الأسد), white space only between: the family or clan, not that person (من آل فياض: of the Fayyad
    family). A full name ending on آل X (سلمان بن عبد العزيز آل سعود) is matched from its first word."""
    if h.j != h.i + 1 or h.i < 1 or not f.joined(h.i - 1) or not f.is_(h.i - 1, "family_markers"):
        return False
    if any(p[0] != "person" for p in h.payloads):
        return False
    t = f.toks[h.i - 1]
    surface = "".join(c for c in f.doc.text[t.start:t.end] if not 0x064B <= ord(c) < 0x0660)
    markers = f.R.kb.lexicon["family_markers"]
    return surface in markers or (surface[:1] in f.R.conj and surface[1:] in markers)


def _inner_person(f: Finder, h: Hit) -> None:
    """نظام بشار الأسد names the person too."""
    for k in range(h.i + 1, h.j):
        p = f.kb_hit(k)
        if p and p.j <= h.j and any(x[0] == "person" and not x[2] for x in p.payloads):
            pid = next(x[1] for x in p.payloads if x[0] == "person")
            f.add(k, p.j, p.prefix, "PERSON", f"person:{pid}", 0.9, short=False, alts=[])
            break


def adjective_of_noun(f: Finder, h: Hit) -> bool:
    """A state's name written as its own definite adjective (السعودية: open_places.yaml
    border_adjectives) right after a definite noun, with nothing but a space between (السفارة
    السعودية، المدفعية السعودية، الخطوط الجوية السعودية), qualifies that noun: no mention of the state.
    A short word with the article (a preposition or a relative pronoun written so) is no noun."""
    k = h.i - 1
    key = f.toks[h.i].key
    if h.j != h.i + 1 or key[:h.prefix] not in ("", letters().article) or k < 0 or not f.joined(k) \
            or key not in f.R.state_adjectives:
        return False
    before = f.toks[k].key
    return has_article(before) and len(before) >= MIN_NOUN and not f.is_(k, "place_preps")


def add_known(f: Finder, h: Hit) -> None:
    """A mention for a knowledge-base hit; full names before short ones, the rest as alternatives."""
    full = [p for p in h.payloads if not p[2]]
    pays = full or list(h.payloads)
    kind, eid, short = pays[0]
    typ = _TYPES[kind]
    if typ == "ACTOR" and adjective_of_noun(f, h):
        return
    country = _is_country_here(f, h) if typ == "ACTOR" else None
    if country:
        add_place(f, country)
        return
    f.add(h.i, h.j, h.prefix, typ, f"{kind}:{eid}", 0.8 if short else 0.95,
          short=short, alts=[f"{k}:{e}" for k, e, _ in pays[1:]])
    if typ == "ACTOR":
        _inner_person(f, h)
