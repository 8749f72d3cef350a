"""Word tokens over a folded key; matching is by whole tokens, never inside a word.

How a token reads with its proclitics stripped is :mod:`rasd.arabic.clitics`.
"""
from __future__ import annotations

import re
from itertools import accumulate, count, repeat
from typing import NamedTuple

from rasd.arabic.normalize import Folded, fold

WORD = re.compile(r"[0-9A-Za-z\u0621-\u064a\u0671-\u06d3]+")
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
    # tuple.__new__ over zipped columns builds the NamedTuples without a Python-level call each
    return list(map(tuple.__new__, repeat(Token), zip(count(), starts, ends, kstarts, kends, words))), starts, ends, words
