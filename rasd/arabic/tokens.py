"""Word tokens over a folded key, and proclitic analysis.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال, ل+ال → لل) to the
front of a word.  :func:`stems` lists every reading of a token as prefix + stem, unstripped first,
so that a lexicon lookup can try each; matching is by whole tokens, never inside a word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

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
    ms = [(m.start(), m.end(), m.group()) for m in WORD.finditer(f.key)]
    if f.index is None:
        return [Token(n, a, b, a, b, g) for n, (a, b, g) in enumerate(ms)]
    idx, size = f.index, f.size
    last = len(idx)
    return [Token(n, idx[a], idx[b] if b < last else size, a, b, g) for n, (a, b, g) in enumerate(ms)]


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
