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
from bisect import bisect_right
from dataclasses import dataclass

from rasd.caches import keep

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


# Above this length a text is folded by one str.replace per mapped character it holds (C-speed
# scans) instead of str.translate, which looks up every character of a non-ASCII text in the dict
# table (measured 9x slower on news articles). Same result: no replacement is itself mapped.
_REPLACE_FROM = 200
_REPLACEMENTS = tuple({**{c: "" for c in _DROP}, **_MAP}.items())


def _translate(s: str) -> str:
    if len(s) < _REPLACE_FROM:
        return s.translate(_TABLE)
    for c, r in _REPLACEMENTS:
        if c in s:
            s = s.replace(c, r)
    return s


# The keys of short strings (a word, a name, a mention's text), kept: the same ones are folded again
# and again (each token's text for the NER features, mention texts for linking and geocoding), and a
# short non-ASCII string's str.translate looks every character up in the table's dict (about 3 % of
# an article's instructions, measured with callgrind at 906ac8c). A dict hit is a hash and one
# compare. Bounded (rasd.caches.keep: a full dict drops its older half); a key depends on the string only.
_FOLD_CACHE: dict[str, str] = {}
FOLD_CACHE_SIZE = 1 << 14
_FOLD_CACHE_BELOW = 64    # characters: longer strings (a sentence, a document) are folded each time


def fold_str(s: str) -> str:
    """The key of a string, without offsets (for knowledge entries and gold aliases)."""
    if len(s) >= _FOLD_CACHE_BELOW:
        return _lower(_translate(s))
    got = _FOLD_CACHE.get(s)
    if got is None:
        got = _lower(_translate(s))
        keep(_FOLD_CACHE, s, got, FOLD_CACHE_SIZE)
    return got


@dataclass(frozen=True, slots=True)
class Folded:
    """``key`` is the folded text. Offsets back into the text are kept per kept stretch, not per
    character: key positions from ``breaks[k]`` on (up to the next break) sit ``shifts[k]``
    characters later in the text (the characters dropped before them). ``breaks`` is None when
    nothing was dropped (key and text offsets are the same)."""

    key: str
    breaks: tuple[int, ...] | None = None   # key position where each kept stretch starts (first: 0)
    shifts: tuple[int, ...] = ()            # characters dropped before that stretch
    size: int = 0                           # length of the original text

    @property
    def index(self) -> tuple[int, ...] | None:
        """The original offset of every key position (None: identity); built on demand."""
        if self.breaks is None:
            return None
        return tuple(self.orig(i) for i in range(len(self.key)))

    def orig(self, i: int) -> int:
        if self.breaks is None:
            return i
        if not 0 <= i < len(self.key):
            raise IndexError(f"key position {i} out of range")
        return i + self.shifts[bisect_right(self.breaks, i) - 1]

    def origs(self, positions: list[int]) -> list[int]:
        """:meth:`orig` of many key positions (each below ``len(key)``), as Python ints: one numpy
        ``searchsorted`` over the stretches' starts for all of them (tokenize maps every token's
        start and end; numpy, already loaded by the NER stage, does it in about a third of the time
        of a C-level chain of ``bisect_right`` calls)."""
        if self.breaks is None:
            return list(positions)
        import numpy as np   # here, not at the top: folding alone stays a light import

        shifts = np.array((0, *self.shifts), dtype=np.intp)   # searchsorted gives the stretch's number + 1
        at = np.asarray(positions, dtype=np.intp)
        return (at + shifts[np.searchsorted(np.asarray(self.breaks, dtype=np.intp), at, side="right")]).tolist()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the key span [start, end).

        The end reaches over dropped characters that follow (a final hamza, a vowel mark), so
        that ``text[start:end]`` is the whole written word.
        """
        if self.breaks is None:
            return start, end
        return self.orig(start), (self.orig(end) if end < len(self.key) else self.size)


def _lower(key: str) -> str:
    """Lower case that keeps one character per character (str.lower turns İ into two)."""
    low = key.lower()
    if len(low) == len(key):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in key)


_DROP_RE = re.compile("[" + "".join(_DROP) + "]+")


def fold(text: str) -> Folded:
    key = fold_str(text)
    if len(key) == len(text):
        return Folded(key, None)
    breaks, shifts = [0], [0]
    dropped = 0
    for m in _DROP_RE.finditer(text):   # each run of dropped characters starts a new kept stretch
        a, b = m.span()
        dropped += b - a
        if b - dropped == breaks[-1]:   # the run is at the start: no kept stretch before it
            shifts[-1] = dropped
        else:
            breaks.append(b - dropped)
            shifts.append(dropped)
    return Folded(key, tuple(breaks), tuple(shifts), len(text))


_QUOTES = re.compile(r"[\"'`«»“”„()\[\]{}<>]")
_WS = re.compile(r"\s+")


def gold_key(s: str) -> str:
    """The comparison key of spec/gold.md: folded, quotes and brackets stripped, spaces collapsed."""
    return _WS.sub(" ", _QUOTES.sub("", unicodedata.normalize("NFC", s).translate(_GOLD_TABLE).lower())).strip()


def strip_article(key: str) -> str:
    """Remove a leading ال from a folded key (if what remains is still a word)."""
    return key[2:] if key.startswith("ال") and len(key) > 3 else key
