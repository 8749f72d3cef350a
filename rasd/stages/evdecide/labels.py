"""Labels of proposed events from gold, at sentence level (issue 8, item 3).

A proposed event is labelled by the gold events whose evidence lies in the sentence of its
trigger (gold evidence and sentence compared as :func:`rasd.arabic.normalize.gold_key` keys, one
inside the other), not by the scorer's full match, so a right event with a wrong place or agent
still teaches "this sentence reports an event of this type":

* ``KEEP``: a gold event of the proposed type is told in the sentence (worthy);
* ``TO_<TYPE>``: none of that type, but one of another type that no other proposal of the
  sentence has (the type decision: SHELLING → AIRSTRIKE);
* ``NONE``: no gold event the sentence's proposals do not already cover (a non-event sentence,
  another sense of the trigger word, or a second telling of a type already proposed).
"""
from __future__ import annotations

from rasd.arabic.normalize import gold_key

KEEP, NONE, TO = "KEEP", "NONE", "TO_"


def sentence_gold_types(gold_events: list[dict], sentence_key: str) -> list[str]:
    """Types of the gold events whose evidence key lies in the sentence (or holds it), in file order."""
    out = []
    for g in gold_events:
        k = gold_key(g["evidence"])
        if k and sentence_key and (k in sentence_key or sentence_key in k):
            out.append(g["type"])
    return out


def label(proposed: str, others: set[str], gold_types: list[str]) -> str:
    """The label of a proposal of type ``proposed`` in a sentence whose gold types are
    ``gold_types`` and whose other proposals have the types ``others``."""
    if proposed in gold_types:
        return KEEP
    free = [t for t in gold_types if t not in others]
    return TO + free[0] if free else NONE


def type_of(lab: str) -> str | None:
    """The type a ``TO_`` label names (None for KEEP and NONE)."""
    return lab[len(TO):] if lab.startswith(TO) else None
