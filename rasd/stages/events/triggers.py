"""Trigger words in a sentence: the longest form that fits at each token, outside entity names."""
from __future__ import annotations

from dataclasses import dataclass, field

from rasd.arabic.clitics import matches_form as tok_matches
from rasd.arabic.tokens import Token
from rasd.stages.events.lexicon import Lexicon, TriggerDef


@dataclass
class Trig:
    d: TriggerDef
    i: int                 # first token
    j: int                 # one past last token
    prefix: int            # proclitic characters on the first token
    type: str = ""
    fallback_place: bool = False
    rule: str = ""         # why it has its type (the event's why.type)
    place_rule: str = ""   # how its places were chosen (why.places)
    place_why: dict = field(default_factory=dict)   # id(mention) → a reason of its own


def find_triggers(toks: list[Token], lo: int, hi: int, covered: set[int], L: Lexicon) -> list[Trig]:
    out: list[Trig] = []
    i = lo
    while i < hi:
        if i in covered:
            i += 1
            continue
        best: Trig | None = None
        for n, d in L.candidates(toks[i].key):
            j = i + len(d.pattern)
            if j > hi or (best is not None and j <= best.j) or any(k in covered for k in range(i, j)):
                continue
            if all(tok_matches(p, toks[i + 1 + k].key) for k, p in enumerate(d.pattern[1:])):
                best = Trig(d, i, j, n)
        if best:
            out.append(best)
            i = best.j
        else:
            i += 1
    return out
