"""Word tokens over a folded key; matching is by whole tokens, never inside a word.

How a token reads with its proclitics stripped is :mod:`rasd.arabic.clitics`.
"""
from __future__ import annotations

import re
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
