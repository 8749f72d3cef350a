"""Matching the events lexicon's cue lists against a document's folded words: a phrase of several
words at a token, a word's lists, the length of a cue of one list. Shared by the events stage
(rasd.stages.events) and the document's one clause segmentation (rasd.stages.clauses), which the
events package reads: kept outside that package so the segmentation imports it without a cycle."""
from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.arabic.clitics import cue_readings, letters

if TYPE_CHECKING:
    from rasd.stages.events.lexicon import Lexicon


def phrase_at(phrases: tuple[tuple[str, ...], ...], keys, k: int, end: int) -> int:
    """Length of the cue phrase that starts at token ``k`` and ends by ``end`` (0 if none).

    ``keys(i)`` gives token i's folded key. The first word may carry و/ف and the article like any
    cue word (وفي حال); the following words are matched as written, or without their article."""
    if not phrases:
        return 0
    forms = cue_readings(keys(k))
    a = letters().article
    for ph in phrases:
        n = len(ph)
        if k + n > end or ph[0] not in forms:
            continue
        if all(keys(k + m) == w or keys(k + m) == a + w for m, w in enumerate(ph[1:], 1)):
            return n
    return 0


def in_list(L: Lexicon, name: str, key: str) -> bool:
    return name in L.lists_of.lookup(key)


def cue_length(L: Lexicon, keys: list[str], k: int, name: str, end: int) -> int:
    """How many tokens from ``k`` (ending by ``end``) make a cue of list ``name``: a phrase of several
    words (في حين، غير أن) or one word; 0 when none does. ``keys``: the document's folded token keys."""
    size = len(keys)
    key = keys[k] if 0 <= k < size else ""
    if name not in L.cue_starts.lookup(key):
        return 0          # most words open no cue of the list: one cached look-up says so
    # phrase_at over the list itself (no function made and called for every word it reads)
    phrases = L.phrases.get(name, ())
    if phrases:
        forms = cue_readings(key)
        a = letters().article
        for ph in phrases:
            n = len(ph)
            if k + n > end or ph[0] not in forms:
                continue
            for m in range(1, n):
                w = keys[k + m] if 0 <= k + m < size else ""
                if w != ph[m] and w != a + ph[m]:
                    break
            else:
                return n
    return int(k < end and in_list(L, name, key))
