"""Word tokens over a folded key; matching is by whole tokens, never inside a word.

How a token reads with its proclitics stripped is :mod:`rasd.arabic.clitics`.
"""
from __future__ import annotations

import re
from itertools import count, repeat
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
