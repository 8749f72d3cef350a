"""Token features for the CRF: pure functions of a token list and the lexicons (no data access).

Per token: the folded word and its clitic-free stem (the proclitics و ف ب ل ك and the article
stripped as :func:`rasd.arabic.tokens.stems` reads them), the proclitic string itself, the stem's
prefixes and suffixes (nisba ي، feminine ه، plural ون/ين/ات), its shape, the neighbours' words and
stems in a window of two, and membership of the token and its neighbours in what rasd already
knows: the gazetteer (by kind), the knowledge base's names, the given-name list, the lexicon's word
lists (titles, place cues, organisation heads …), and its word cluster learned from unlabelled news.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rasd.arabic.normalize import fold_str
from rasd.arabic.clitics import readings as stems

# lexicon lists whose membership says something about the next or previous word
LISTS = ("person_titles", "title_modifiers", "nationalities", "kunya", "alias_markers", "place_cues",
         "facility_cues", "place_preps", "org_heads", "org_heads_civil", "source_heads", "name_joiners",
         "name_stops", "plural_place_cues", "border_words", "loyal_heads")


@dataclass(frozen=True)
class Lexicons:
    """What the features look words up in; built by :func:`rasd.ner.resources.lexicons`."""

    places: dict[str, str] = field(default_factory=dict)       # folded one-word name → kind class
    place_first: frozenset[str] = frozenset()                   # first words of longer place names
    kb: dict[str, str] = field(default_factory=dict)            # folded one-word KB name → actor/person/source
    kb_first: frozenset[str] = frozenset()                      # first words of longer KB names
    given: frozenset[str] = frozenset()                         # folded given names
    lists: dict[str, frozenset[str]] = field(default_factory=dict)   # lexicon list → folded words
    clusters: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded word → (coarse, fine)


def shape(tok: str) -> str:
    if tok.isdigit():
        return "digit"
    if any(c.isdigit() for c in tok):
        return "hasdigit"
    if tok.isascii() and tok.isalpha():
        return "latin"
    if not any(c.isalnum() for c in tok):
        return "punct"
    if any("\u0621" <= c <= "\u064a" for c in tok):
        return "arabic"
    return "other"


def _stem(key: str) -> tuple[str, str]:
    """(proclitics, stem) of the longest reading: وبالمدينة → (وبال, مدينه)."""
    readings = stems(key)
    if not readings:
        return "", key
    n, st = readings[-1]
    if len(st) < 3:             # too short a stem is a misreading (بن، لم)
        n, st = readings[0]
    return key[:n], st


def _lex(key: str, stem: str, L: Lexicons, unknown: frozenset[str] = frozenset()) -> list[str]:
    """Membership features of one token (``unknown``: given names to treat as not on the list)."""
    out = []
    forms = (key, stem, "ال" + stem)
    kind = next((L.places[f] for f in forms if f in L.places), None)
    if kind:
        out.append("gaz=" + kind)
    if any(f in L.place_first for f in forms):
        out.append("gazfirst")
    kb = next((L.kb[f] for f in forms if f in L.kb), None)
    if kb:
        out.append("kb=" + kb)
    if any(f in L.kb_first for f in forms):
        out.append("kbfirst")
    if any(f in L.given and f not in unknown for f in (key, stem, key[1:])):
        out.append("given")
    for name in LISTS:
        words = L.lists.get(name)
        if words and (key in words or stem in words or ("ال" + stem) in words):
            out.append("list=" + name)
    return out


CACHE_SIZE = 1 << 16


def _word(tok: str, L: Lexicons, unknown: frozenset[str] = frozenset()) -> tuple:
    """What the features need of one token alone: (key, (proclitics, stem), lexicon features,
    cluster, shape)."""
    key = fold_str(tok)
    pre, st = _stem(key)
    return key, (pre, st), _lex(key, st, L, unknown), L.clusters.get(key) or L.clusters.get(st), shape(tok)


def token_features(tokens: Sequence[str], L: Lexicons, unknown: frozenset[str] = frozenset(),
                   cache: dict | None = None) -> list[list[str]]:
    """Features of every token of a sentence, as crfsuite item lists of 'name=value' strings.

    ``unknown`` lists given names to read as absent from the list: in training, the names the list
    owes to this very sentence (see rasd.ner.train), so that the CRF learns what the list is worth
    on names it has not seen.  ``cache`` (token → what it alone gives) is the caller's, bounded
    by CACHE_SIZE: news repeats its words."""
    if cache is None or unknown:
        words = [_word(t, L, unknown) for t in tokens]
    else:
        words = []
        for t in tokens:
            w = cache.get(t)
            if w is None:
                w = _word(t, L)
                if len(cache) < CACHE_SIZE:
                    cache[t] = w
            words.append(w)
    keys = [w[0] for w in words]
    parsed = [w[1] for w in words]
    lex = [w[2] for w in words]
    clus = [w[3] for w in words]
    shapes = [w[4] for w in words]
    n = len(tokens)
    out = []
    for i, (tok, key) in enumerate(zip(tokens, keys)):
        pre, st = parsed[i]
        f = ["bias", "w=" + key, "st=" + st, "pre=" + pre, "sh=" + shapes[i],
             "p2=" + st[:2], "p3=" + st[:3], "s1=" + st[-1:], "s2=" + st[-2:], "s3=" + st[-3:],
             "len=" + str(min(len(st), 8))]
        if key.startswith("ال") or pre.endswith("ال") or pre.endswith("لل"):
            f.append("article")
        f += lex[i]
        if clus[i]:
            f += ["c=" + clus[i][0], "cc=" + clus[i][1]]
        else:
            f.append("c=none")
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < n:
                f.append(f"{d}:edge")
                continue
            f += [f"{d}:w=" + keys[j], f"{d}:st=" + parsed[j][1]]
            if abs(d) == 1:
                f += [f"{d}:sh=" + shapes[j], f"{d}:s2=" + parsed[j][1][-2:]]
                f += [f"{d}:" + x for x in lex[j]]
                if clus[j]:
                    f.append(f"{d}:c=" + clus[j][0])
        if i > 0:
            f.append("bi-=" + keys[i - 1] + "|" + key)
        if i + 1 < n:
            f.append("bi+=" + key + "|" + keys[i + 1])
        out.append(f)
    return out
