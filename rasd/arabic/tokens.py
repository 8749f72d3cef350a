"""Word tokens over a folded key, and proclitic analysis.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال, ل+ال → لل) to the
front of a word.  :func:`stems` lists every reading of a token as prefix + stem, unstripped first,
so that a lexicon lookup can try each; matching is by whole tokens, never inside a word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from itertools import count, repeat  # noqa: I001 (kept apart from the clitic imports above)

from rasd.arabic.normalize import Folded, fold

WORD = re.compile(r"[0-9A-Za-z\u0621-\u064a\u0671-\u06d3]+")


class Token(NamedTuple):
    """A word: a NamedTuple because documents make thousands of them and tuples are cheap."""

    i: int          # position in the token list
    start: int      # original offsets into the document text
    end: int
    kstart: int     # offsets into the folded key
    kend: int
    key: str        # folded form


def tokenize(text: str, folded: Folded | None = None) -> list[Token]:
    f = folded or fold(text)
    key = f.key
    spans = [m.span() for m in WORD.finditer(key)]
    kstarts = [a for a, _ in spans]
    kends = [b for _, b in spans]
    words = [key[a:b] for a, b in spans]
    if f.breaks is None:
        starts, ends = kstarts, kends
    else:
        starts = f.origs(kstarts)
        # an end is the original offset of the key character after the token (or the text's end)
        inside = kends[-1] < len(key) if kends else True
        ends = f.origs(kends if inside else kends[:-1])
        if not inside:
            ends.append(f.size)
    # tuple.__new__ over zipped columns builds the NamedTuples without a Python-level call each
    return list(map(tuple.__new__, repeat(Token), zip(count(), starts, ends, kstarts, kends, words)))


CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
MIN_STEM = 2


@lru_cache(maxsize=1 << 18)
def stems(key: str) -> tuple[tuple[int, str], ...]:
    """Readings of a folded token as (prefix length, stem without article), unstripped first.

    >>> [s for _, s in stems("وبريف")]
    ['وبريف', 'بريف', 'ريف']
    >>> stems("للمعارضه")[1]
    (2, 'معارضه')

    Cached: the same words recur across a corpus, and matching asks for them many times.
    """
    out: list[tuple[int, str]] = []
    seen = set()

    def add(n: int, stem: str) -> None:
        if len(stem) >= MIN_STEM and stem not in seen:
            seen.add(stem)
            out.append((n, stem))

    def with_article(n: int, rest: str) -> None:
        add(n, rest)
        if rest.startswith("ال") and len(rest) - 2 >= MIN_STEM:
            add(n + 2, rest[2:])

    with_article(0, key)
    heads = [(0, key)]
    if key[:1] in CONJ:
        heads.append((1, key[1:]))
    for n, rest in heads:
        if n:
            with_article(n, rest)
        if rest[:1] in _PREP:
            r2 = rest[1:]
            if rest[:1] == "ل" and r2.startswith("ل"):  # لل = ل + ال with the alef elided
                add(n + 2, r2[1:])
            with_article(n + 1, r2)
    return tuple(out)



def reads_as(words: frozenset, key: str) -> bool:
    """The folded word, under some proclitic reading (بالمدفعية → مدفعية), is one of ``words``."""
    return key in words or any(st in words or ("ال" + st) in words for _, st in stems(key))
