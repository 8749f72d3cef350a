"""Match keys for Arabic text with a map back to the original offsets.

The document text is never rewritten (design §1): :func:`fold` produces a key string in which
each character comes from exactly one character of the original, plus ``index`` mapping key
positions back.  Folding follows spec/gold.md (diacritics and tatweel removed; أ إ آ ٱ → ا,
ى → ي, ة → ه, ؤ → و, ئ → ي; Arabic-Indic digits → ASCII) and goes one step further for matching: a bare
hamza ء is dropped too, since reports write الحمراء and الحمرا alike; bidi marks are dropped.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, maddah/hamza marks
    + ["\u0621", "\u0670", "\u0640", "\u06e1", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
       "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
       "\u2068", "\u2069", "\ufeff", "\u00ad"]
)
_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        "ک": "ك", "ی": "ي", "ﻻ": "ل", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
        "،": ",", "؛": ";", "؟": "?", "–": "-", "—": "-", "\u00a0": " "}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)

_TABLE = str.maketrans({**{c: None for c in _DROP}, **_MAP})
# spec/gold.md's own normalisation keeps the bare hamza: the scorer must not be more lenient.
_GOLD_TABLE = str.maketrans({**{c: None for c in _DROP if c != "\u0621"}, **_MAP})


def fold_str(s: str) -> str:
    """The key of a string, without offsets (for knowledge entries and gold aliases)."""
    return _lower(s.translate(_TABLE))


@dataclass(frozen=True, slots=True)
class Folded:
    """``key`` is the folded text; ``index[i]`` is the original offset of ``key[i]``."""

    key: str
    index: tuple[int, ...] | None  # None: identity (nothing was dropped)
    size: int = 0                  # length of the original text

    def orig(self, i: int) -> int:
        return i if self.index is None else self.index[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the key span [start, end).

        The end reaches over dropped characters that follow (a final hamza, a vowel mark), so
        that ``text[start:end]`` is the whole written word.
        """
        if self.index is None:
            return start, end
        return self.index[start], (self.index[end] if end < len(self.index) else self.size)


def _lower(key: str) -> str:
    """Lower case that keeps one character per character (str.lower turns İ into two)."""
    low = key.lower()
    if len(low) == len(key):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in key)


_DROP_RE = re.compile("[" + "".join(_DROP) + "]")


def fold(text: str) -> Folded:
    key = _lower(text.translate(_TABLE))
    if len(key) == len(text):
        return Folded(key, None)
    index: list[int] = []
    prev = 0
    for m in _DROP_RE.finditer(text):   # the kept stretches between dropped marks, in C-speed ranges
        index.extend(range(prev, m.start()))
        prev = m.end()
    index.extend(range(prev, len(text)))
    return Folded(key, tuple(index), len(text))


_QUOTES = re.compile(r"[\"'`«»“”„()\[\]{}<>]")
_WS = re.compile(r"\s+")


def gold_key(s: str) -> str:
    """The comparison key of spec/gold.md: folded, quotes and brackets stripped, spaces collapsed."""
    return _WS.sub(" ", _QUOTES.sub("", unicodedata.normalize("NFC", s).translate(_GOLD_TABLE).lower())).strip()


def strip_article(key: str) -> str:
    """Remove a leading ال from a folded key (if what remains is still a word)."""
    return key[2:] if key.startswith("ال") and len(key) > 3 else key
