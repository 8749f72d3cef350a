"""Word tokens over a folded key; matching is by whole tokens, never inside a word.

How a token reads with its proclitics stripped is :mod:`rasd.arabic.clitics`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, count, repeat
from typing import NamedTuple

from rasd.arabic.normalize import Folded, fold

WORD = re.compile(r"[0-9A-Za-z\u0621-\u064a\u0671-\u06d3]+")
# ة (taa marbuta) and ى (alef maqsura) only ever end a word: written right before another letter (after
# its vowel marks, if any) they mark two words glued together with their space lost (الحسكةشرقي،
# غارةعلى، علىالحدود; SOURCES.md caveat 1 of the news), and the token is cut there into its two words.
# Not before a hamza on the line: ىء is an old spelling of a hamza on its seat (شاطىء، الطوارىء، مبادىء).
# The match ends at the cut.
# Tanween (ً ٌ ٍ) too marks a word's last letter: after two letters at least, and not before the alef or ى it
# sits on (جويًا، هدًى), a letter right after it opens the next word (جوياًمن، هجوماًعلى، أيضاًبهجمات).
GLUED_END = re.compile("[\u0629\u0649][\u064b-\u0652\u0670]*(?=[\u0622-\u063a\u0641-\u064a\u0671-\u06d3])"
                       "|(?<=[\u0621-\u063a\u0641-\u064a]{2})[\u0627]?[\u064b-\u064d][\u064e-\u0652\u0670]*"
                       "(?=[\u0622-\u0626\u0628-\u063a\u0641-\u0648\u064a\u0671-\u06d3])")
# The cheap test before GLUED_END: GLUED_END without its look-behind (the two letters before a tanween),
# so every GLUED_END match holds one of these: ة or ى, or a tanween not on its alef or ى, then a letter.
# Most texts have none (ة is everywhere, but before a space) and skip the search and the cut.
# Written as one character class first (ة, ى or a tanween), each branch then checking by a look-behind
# which it was: a pattern that opens on a class lets the search skip to the next such letter at C
# speed, where the two branches each opening on its own class were tried at every character of the
# text (the same matches; about a quarter of the search's time on news reports).
_GLUE_AHEAD = re.compile("[\u0629\u0649\u064b-\u064d]"
                         "(?:(?<=[\u0629\u0649])[\u064b-\u0652\u0670]*[\u0622-\u063a\u0641-\u064a\u0671-\u06d3]"
                         "|(?<=[\u064b-\u064d])[\u064e-\u0652\u0670]*"
                         "[\u0622-\u0626\u0628-\u063a\u0641-\u0648\u064a\u0671-\u06d3])")
# The particle أنّ / إنّ ("that"), written with its shadda, only ever opens a word (behind at most two
# proclitic letters: بأنّ، لأنّ، وبأنّ، فإنّ، كأنّ): after three letters or more of one token it marks two
# words glued with their space lost (قاآنيأنّ، إسماعيلأنّ، حماسأنّ; SOURCES.md caveat 1 of the Al
# Mayadeen news: 525 such words in 450 of its 8,341 articles), and the token is cut before the particle.
# Not in the verb اطمأنّ (to be reassured), the one word that ends so. The match is empty, at the cut.
# Its cheap test first: the nun with its shadda (after at most one
# other vowel mark), which most texts lack.
GLUED_PARTICLE = re.compile("(?<=[\u0621-\u063a\u0641-\u064a]{3})(?<!\u0637\u0645)"
                            "(?=[\u0623\u0625][\u064b-\u0650]*\u0646[\u064b-\u0650]?\u0651)")
_PARTICLE_AHEAD = re.compile("\u0646[\u064b-\u0650]?\u0651")
# WORD as a split pattern: the key cut into [gap, word, gap, word, …, gap], every piece a C-built
# string, so the words and their offsets come without a Match object (and a span tuple) per word
_SPLIT = re.compile(f"({WORD.pattern})")


class Token(NamedTuple):
    """A word: a NamedTuple because documents make thousands of them and tuples are cheap."""

    i: int          # position in the token list
    start: int      # original offsets into the document text
    end: int
    kstart: int     # offsets into the folded key
    kend: int
    key: str        # folded form


def tokenize(text: str, folded: Folded | None = None) -> list[Token]:
    return token_columns(text, folded)[0]


def token_columns(text: str, folded: Folded | None = None) -> tuple[list[Token], list[int], list[int], list[str]]:
    """(tokens, their original starts, their original ends, their folded keys): :func:`tokenize`'s
    tokens and the columns it builds them from, for a caller that keeps them (rasd.doc.Doc) so
    that no stage rebuilds a column with a pass over the tokens. The columns are to be read, never
    changed (a document's stages share them)."""
    f = folded or fold(text)
    key = f.key
    pieces = _SPLIT.split(key)    # gap, word, gap, …, word, gap (a gap may be empty)
    ends_at = list(accumulate(map(len, pieces)))   # where each piece ends in the key
    words = pieces[1::2]
    kstarts = ends_at[0:-1:2]     # a word starts where the gap before it ends
    kends = ends_at[1::2]
    if f.breaks is None:
        starts, ends = kstarts, kends
    else:
        starts = f.origs(kstarts)
        # an end is the original offset of the key character after the token (or the text's end)
        inside = kends[-1] < len(key) if kends else True
        ends = f.origs(kends if inside else kends[:-1])
        if not inside:
            ends.append(f.size)
    if words and (_GLUE_AHEAD.search(text) or _PARTICLE_AHEAD.search(text)):
        starts, ends, kstarts, kends, words = _cut_glued(text, f, starts, ends, kstarts, kends, words)
    # tuple.__new__ over zipped columns builds the NamedTuples without a Python-level call each
    return list(map(tuple.__new__, repeat(Token), zip(count(), starts, ends, kstarts, kends, words))), starts, ends, words


def _cut_glued(text: str, f: Folded, starts: list[int], ends: list[int], kstarts: list[int], kends: list[int],
               words: list[str]) -> tuple[list[int], list[int], list[int], list[int], list[str]]:
    """The token columns with every word cut where a GLUED_END letter stands before another letter
    (the text is unchanged: the two words' offsets meet at the cut). Most texts have no such word and
    come back as they were."""
    cuts = [m.end() for m in GLUED_END.finditer(text)]
    if _PARTICLE_AHEAD.search(text):
        cuts = sorted({*cuts, *(m.start() for m in GLUED_PARTICLE.finditer(text))})
    if not cuts:
        return starts, ends, kstarts, kends, words
    key = f.key
    by_token: dict[int, list[int]] = {}
    for p in cuts:
        j = bisect_right(starts, p) - 1
        if j >= 0 and starts[j] < p < ends[j]:
            by_token.setdefault(j, []).append(p)
    if not by_token:
        return starts, ends, kstarts, kends, words
    S, E, KS, KE, W = [], [], [], [], []
    for j in range(len(words)):
        a, ka = starts[j], kstarts[j]
        for p in by_token.get(j, ()):
            # the key position of the cut: the first one of the token whose text offset reaches it
            q = next((k for k in range(ka + 1, kends[j]) if f.orig(k) >= p), None)
            if q is None:
                continue
            S.append(a), E.append(p), KS.append(ka), KE.append(q), W.append(key[ka:q])
            a, ka = p, q
        S.append(a), E.append(ends[j]), KS.append(ka), KE.append(kends[j]), W.append(key[ka:kends[j]])
    return S, E, KS, KE, W
