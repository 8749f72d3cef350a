"""Token features for the CRF: pure functions of a token list and the lexicons (no data access).

Per token: the folded word and its clitic-free stem (the proclitics و ف ب ل ك and the article
stripped as :func:`rasd.arabic.tokens.stems` reads them), the proclitic string itself, the stem's
prefixes and suffixes (nisba ي، feminine ه، plural ون/ين/ات), its shape, the neighbours' words and
stems in a window of two, and membership of the token and its neighbours in what rasd already
knows: the gazetteer (by kind), the knowledge base's names, the given-name list, the lexicon's word
lists (titles, place cues, organisation heads …), and its word cluster learned from unlabelled news.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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

    def __post_init__(self):
        # word → the LISTS it is on (in LISTS order): one look-up per form instead of one per list
        on: dict[str, list[str]] = {}
        for name in LISTS:
            for w in self.lists.get(name) or ():
                on.setdefault(w, []).append(name)
        object.__setattr__(self, "_on", {w: tuple(ns) for w, ns in on.items()})


_ARABIC_WORD = re.compile("[\u0621-\u064a]+")   # Arabic letters only: most words of a report


def shape(tok: str) -> str:
    if _ARABIC_WORD.fullmatch(tok):
        return "arabic"
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
    """Membership features of one token (``unknown``: given names to treat as not on the list).
    Each look-up tries the word, its stem and the stem with the article, in that order."""
    out = []
    astem = "ال" + stem
    places, kb, pf, kf, given = L.places, L.kb, L.place_first, L.kb_first, L.given
    kind = places.get(key) or places.get(stem) or places.get(astem)
    if kind:
        out.append("gaz=" + kind)
    if key in pf or stem in pf or astem in pf:
        out.append("gazfirst")
    who = kb.get(key) or kb.get(stem) or kb.get(astem)
    if who:
        out.append("kb=" + who)
    if key in kf or stem in kf or astem in kf:
        out.append("kbfirst")
    k1 = key[1:]
    if (key in given and key not in unknown) or (stem in given and stem not in unknown) \
            or (k1 in given and k1 not in unknown):
        out.append("given")
    on = L._on
    names = on.get(key, ()) + on.get(stem, ()) + on.get(astem, ())
    if names:
        out += ["list=" + n for n in LISTS if n in names]
    return out


OFFSETS = (-2, -1, 1, 2)          # the neighbours a token's features read
_EDGE = {d: (f"{d}:edge",) for d in OFFSETS}
BIGRAM_BEFORE, BIGRAM_AFTER = "bi-=", "bi+="     # a token and the word before it / after it


WORD_TEMPLATES = frozenset(f"{d}w" for d in ("", *(f"{o}:" for o in OFFSETS)))     # w=, -2:w= …
STEM_TEMPLATES = frozenset(f"{d}st" for d in ("", *(f"{o}:" for o in OFFSETS)))    # st=, -2:st= …


def word_features(tok: str, L: Lexicons, unknown: frozenset[str] = frozenset(),
                  keep: Mapping[str, object] | None = None, vocab: frozenset[str] | None = None) -> tuple:
    """Every feature string one token gives, built once: (key, its own features, and the features
    it gives its neighbour at each offset of OFFSETS), as tuples.  With ``keep`` (feature → what to
    give for it: the tagger passes its model's attribute → weight row), only the features in
    ``keep``, as lists of ``keep``'s values; ``vocab`` then (optional) holds every word and stem
    that a kept feature of WORD_TEMPLATES or STEM_TEMPLATES names, so that a rare word's word and
    stem strings are not built only to be dropped."""
    key = fold_str(tok)
    pre, st = _stem(key)
    lex = _lex(key, st, L, unknown)
    clus = L.clusters.get(key) or L.clusters.get(st)
    sh = shape(tok)
    s2 = st[-2:]
    wk = keep is None or vocab is None or key in vocab
    sk = keep is None or vocab is None or st in vocab
    own = ["bias", *(("w=" + key,) if wk else ()), *(("st=" + st,) if sk else ()), "pre=" + pre, "sh=" + sh,
           "p2=" + st[:2], "p3=" + st[:3], "s1=" + st[-1:], "s2=" + s2, "s3=" + st[-3:],
           "len=" + str(min(len(st), 8))]
    if key.startswith("ال") or pre.endswith("ال") or pre.endswith("لل"):
        own.append("article")
    own += lex
    # what the word gives its neighbours (it stands at offset d from them), in the order of OFFSETS
    m2, m1, p1, p2 = [], [], [], []
    if wk:
        m2.append("-2:w=" + key)
        m1.append("-1:w=" + key)
        p1.append("1:w=" + key)
        p2.append("2:w=" + key)
    if sk:
        m2.append("-2:st=" + st)
        m1.append("-1:st=" + st)
        p1.append("1:st=" + st)
        p2.append("2:st=" + st)
    m1 += ("-1:sh=" + sh, "-1:s2=" + s2)
    p1 += ("1:sh=" + sh, "1:s2=" + s2)
    if lex:
        m1 += ["-1:" + x for x in lex]
        p1 += ["1:" + x for x in lex]
    if clus:
        own += ("c=" + clus[0], "cc=" + clus[1])
        m1.append("-1:c=" + clus[0])
        p1.append("1:c=" + clus[0])
    else:
        own.append("c=none")
    if keep is None:
        return key, tuple(own), tuple(m2), tuple(m1), tuple(p1), tuple(p2)
    get = keep.get
    return (key, [x for x in map(get, own) if x is not None], [x for x in map(get, m2) if x is not None],
            [x for x in map(get, m1) if x is not None], [x for x in map(get, p1) if x is not None],
            [x for x in map(get, p2) if x is not None])


def token_features(tokens: Sequence[str], L: Lexicons, unknown: frozenset[str] = frozenset()) -> list[list[str]]:
    """Features of every token of a sentence, as crfsuite item lists of 'name=value' strings: a
    token's own (:func:`word_features`), those its neighbours give it, the edges of the sentence
    and the bigrams with its neighbours.

    ``unknown`` lists given names to read as absent from the list: in training, the names the list
    owes to this very sentence (see rasd.ner.train), so that the CRF learns what the list is worth
    on names it has not seen.  The tagger (:mod:`rasd.ner.tag`) scores the same items from each
    word's cached weights instead of building these lists."""
    words = [word_features(t, L, unknown) for t in tokens]
    n = len(tokens)
    e2, e1, f1, f2 = (_EDGE[d] for d in OFFSETS)
    out = []
    for i, w in enumerate(words):
        # the neighbours' features in the order of OFFSETS: -2, -1, +1, +2
        f = [*w[1], *(words[i - 2][2] if i >= 2 else e2), *(words[i - 1][3] if i >= 1 else e1),
             *(words[i + 1][4] if i + 1 < n else f1), *(words[i + 2][5] if i + 2 < n else f2)]
        if i > 0:
            f.append(BIGRAM_BEFORE + words[i - 1][0] + "|" + w[0])
        if i + 1 < n:
            f.append(BIGRAM_AFTER + w[0] + "|" + words[i + 1][0])
        out.append(f)
    return out
