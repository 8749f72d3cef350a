"""The learned event decision, given the model's probabilities: keep, drop or retype. Pure."""
from __future__ import annotations

from dataclasses import dataclass

from rasd.stages.evdecide.labels import KEEP, NONE, TO, type_of


@dataclass(frozen=True)
class Decision:
    action: str            # keep | drop | retype
    type: str | None       # the new type of a retyped event
    why: str


def decide(probs: dict[str, float], proposed: str, taken: set[str], keep_at: float, retype_at: float,
           words: list[str] | None = None) -> Decision:
    """Drop when the event's worthiness (1 − P(NONE)) is under ``keep_at``; else retype to the
    likeliest other type when its probability reaches ``retype_at`` and beats KEEP's, unless another
    proposal of the sentence already has that type (``taken``); else keep."""
    worth = 1.0 - probs.get(NONE, 0.0)
    said = f" (features {', '.join(words)})" if words else ""
    if worth < keep_at:
        return Decision("drop", None, f"dropped: worthiness {worth:.2f} < {keep_at:.2f}{said}")
    alts = [(p, type_of(lab)) for lab, p in probs.items() if lab.startswith(TO) and type_of(lab) != proposed]
    if alts:
        p, typ = max(alts)
        if p >= retype_at and p > probs.get(KEEP, 0.0) and typ not in taken:
            return Decision("retype", typ, f"type {proposed} → {typ}: {p:.2f}{said}")
    return Decision("keep", None, f"kept: worthiness {worth:.2f} ≥ {keep_at:.2f}")
